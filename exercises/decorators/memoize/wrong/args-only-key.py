# Builds the key from the positional arguments only.
# fails: kwargs-in-key
import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    cache = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = args
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    wrapper.cache_clear = cache.clear
    return wrapper
