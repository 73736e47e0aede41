def answer():
    """Return the answer."""
    return 42
