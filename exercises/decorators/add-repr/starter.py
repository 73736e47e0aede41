def add_repr(cls):
    """Give `cls` a __repr__ like `Product(sku='A-1', price=9.5)`."""
    # Define a __repr__(self) function, attach it to cls, and return cls.
