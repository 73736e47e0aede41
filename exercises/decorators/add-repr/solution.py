def add_repr(cls):
    """Give `cls` a __repr__ like `Product(sku='A-1', price=9.5)`."""
    if "__repr__" in cls.__dict__:
        return cls

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({fields})"

    cls.__repr__ = __repr__
    return cls
