# fails: uses-return
def answer():
    """Return the answer."""
    print(42)
