# Calls issubclass(exc_type, ...) even when the block succeeded and exc_type is None.
# fails: no-error-no-fuss
class ignore:
    def __init__(self, *exception_types):
        self.exception_types = exception_types
        self.caught = None

    def __enter__(self):
        self.caught = None
        return self

    def __exit__(self, exc_type, exc, tb):
        if issubclass(exc_type, self.exception_types):
            self.caught = exc
            return True
        return False
