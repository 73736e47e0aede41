# Returns a new subclass instead of the class it received.
# fails: returns-class
def add_repr(cls):
    class WithRepr(cls):
        def __repr__(self):
            fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
            return f"{cls.__name__}({fields})"

    return WithRepr
