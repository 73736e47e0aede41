# Returns the manager from __enter__ out of habit, so `as` does not give the new value.
# fails: sets-inside
_MISSING = object()


class override:
    def __init__(self, obj, attr, value):
        self.obj = obj
        self.attr = attr
        self.value = value

    def __enter__(self):
        self.old = getattr(self.obj, self.attr, _MISSING)
        setattr(self.obj, self.attr, self.value)
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.old is _MISSING:
            delattr(self.obj, self.attr)
        else:
            setattr(self.obj, self.attr, self.old)
        return False
