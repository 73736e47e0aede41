# Suppresses any exception at all.
# fails: propagates-others
class ignore:
    def __init__(self, *exception_types):
        self.exception_types = exception_types
        self.caught = None

    def __enter__(self):
        self.caught = None
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.caught = exc
            return True
        return False
