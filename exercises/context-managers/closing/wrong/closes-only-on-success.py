# Closes only when the block succeeds: a failed query leaks the connection.
# fails: closes-on-error
class Closing:
    def __init__(self, resource):
        self.resource = resource

    def __enter__(self):
        return self.resource

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.resource.close()
        return False
