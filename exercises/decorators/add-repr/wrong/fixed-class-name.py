# Uses the decorated class's name, so subclasses show the wrong name.
# fails: subclass-name
def add_repr(cls):
    if "__repr__" in cls.__dict__:
        return cls

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{cls.__name__}({fields})"

    cls.__repr__ = __repr__
    return cls
