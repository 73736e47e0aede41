# Compares with `in`, which matches exact types only: ignore(LookupError) lets KeyError through.
# fails: suppresses-subclasses
class ignore:
    def __init__(self, *exception_types):
        self.exception_types = exception_types
        self.caught = None

    def __enter__(self):
        self.caught = None
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type in self.exception_types:
            self.caught = exc
            return True
        return False
