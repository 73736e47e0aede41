import functools


def log_calls(func):
    """Print each call of `func` and what it returned."""
    # Define a wrapper here and return it.
