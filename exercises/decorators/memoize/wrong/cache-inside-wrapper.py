# Creates the cache inside the wrapper, so every call starts with an empty one (and has no cache_clear yet).
# fails: caches-repeat
import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        cache = {}
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    return wrapper
