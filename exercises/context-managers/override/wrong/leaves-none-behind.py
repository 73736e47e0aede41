# Restores with getattr's default None, so a missing attribute comes back as None.
# fails: deletes-missing
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
        setattr(self.obj, self.attr, self.old)
        return False
