# Restores only when the block succeeds: a failing test leaves the override in place.
# fails: restores-on-error
_MISSING = object()


class override:
    def __init__(self, obj, attr, value):
        self.obj = obj
        self.attr = attr
        self.value = value

    def __enter__(self):
        self.old = getattr(self.obj, self.attr, _MISSING)
        setattr(self.obj, self.attr, self.value)
        return self.value

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            return False
        if self.old is _MISSING:
            delattr(self.obj, self.attr)
        else:
            setattr(self.obj, self.attr, self.old)
        return False
