# Uses None as the "did not exist" marker, so an attribute that was None gets deleted.
# fails: restores-after
class override:
    def __init__(self, obj, attr, value):
        self.obj = obj
        self.attr = attr
        self.value = value

    def __enter__(self):
        self.old = getattr(self.obj, self.attr, None)
        setattr(self.obj, self.attr, self.value)
        return self.value

    def __exit__(self, exc_type, exc, tb):
        if self.old is None:
            delattr(self.obj, self.attr)
        else:
            setattr(self.obj, self.attr, self.old)
        return False
