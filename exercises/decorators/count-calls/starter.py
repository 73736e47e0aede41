import functools


def count_calls(func):
    """Count the calls of `func` in the attribute `calls` of the decorated function."""
    # Define a wrapper, give it a `calls` attribute, and return it.
