# Reads the old value when override() is called instead of when the block starts.
# fails: reads-old-value-on-enter
_MISSING = object()


class override:
    def __init__(self, obj, attr, value):
        self.obj = obj
        self.attr = attr
        self.value = value
        self.old = getattr(obj, attr, _MISSING)

    def __enter__(self):
        setattr(self.obj, self.attr, self.value)
        return self.value

    def __exit__(self, exc_type, exc, tb):
        if self.old is _MISSING:
            delattr(self.obj, self.attr)
        else:
            setattr(self.obj, self.attr, self.old)
        return False
