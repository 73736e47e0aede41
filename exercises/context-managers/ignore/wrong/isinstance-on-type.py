# Uses isinstance on exc_type, which is a class, not an exception: nothing is ever suppressed.
# fails: suppresses-listed
class ignore:
    def __init__(self, *exception_types):
        self.exception_types = exception_types
        self.caught = None

    def __enter__(self):
        self.caught = None
        return self

    def __exit__(self, exc_type, exc, tb):
        if isinstance(exc_type, self.exception_types):
            self.caught = exc
            return True
        return False
