class override:
    """Set obj.attr to value for the duration of a with block, then put things back."""

    def __init__(self, obj, attr, value):
        self.obj = obj
        self.attr = attr
        self.value = value

    def __enter__(self):
        setattr(self.obj, self.attr, self.value)
        return self.value

    def __exit__(self, exc_type, exc, tb):
        return False
