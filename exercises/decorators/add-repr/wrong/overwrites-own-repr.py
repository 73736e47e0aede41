# Always replaces __repr__, even one the class wrote itself.
# fails: keeps-own-repr
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({fields})"

    cls.__repr__ = __repr__
    return cls
