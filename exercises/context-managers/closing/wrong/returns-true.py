# Returns True from __exit__, which silently swallows every error.
# fails: propagates-error
class Closing:
    def __init__(self, resource):
        self.resource = resource

    def __enter__(self):
        return self.resource

    def __exit__(self, exc_type, exc, tb):
        self.resource.close()
        return True
