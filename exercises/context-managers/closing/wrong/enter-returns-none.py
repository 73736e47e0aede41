# Forgets to return the resource from __enter__, so `as` receives None.
# fails: enter-gives-resource
class Closing:
    def __init__(self, resource):
        self.resource = resource

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc, tb):
        self.resource.close()
        return False
