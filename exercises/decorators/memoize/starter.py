import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    # Create the cache here, then define and return the wrapper.
