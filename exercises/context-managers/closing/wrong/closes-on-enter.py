# Closes the resource as the block starts instead of when it ends.
# fails: closes-after-block
class Closing:
    def __init__(self, resource):
        self.resource = resource

    def __enter__(self):
        self.resource.close()
        return self.resource

    def __exit__(self, exc_type, exc, tb):
        return False
