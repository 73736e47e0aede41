# Attaches __repr__ but forgets to return the class.
# fails: returns-class
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({fields})"

    cls.__repr__ = __repr__
