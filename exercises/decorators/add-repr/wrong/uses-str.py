# Shows values with str(), so strings lose their quotes.
# fails: repr-format
def add_repr(cls):
    if "__repr__" in cls.__dict__:
        return cls

    def __repr__(self):
        fields = ", ".join(f"{name}={value}" for name, value in vars(self).items())
        return f"{type(self).__name__}({fields})"

    cls.__repr__ = __repr__
    return cls
