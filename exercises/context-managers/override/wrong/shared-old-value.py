# Keeps the old values in a class attribute shared by every override: nesting restores the wrong value.
# fails: nests
_MISSING = object()


class override:
    saved = {}

    def __init__(self, obj, attr, value):
        self.obj = obj
        self.attr = attr
        self.value = value

    def __enter__(self):
        override.saved[self.attr] = getattr(self.obj, self.attr, _MISSING)
        setattr(self.obj, self.attr, self.value)
        return self.value

    def __exit__(self, exc_type, exc, tb):
        old = override.saved[self.attr]
        if old is _MISSING:
            delattr(self.obj, self.attr)
        else:
            setattr(self.obj, self.attr, old)
        return False
