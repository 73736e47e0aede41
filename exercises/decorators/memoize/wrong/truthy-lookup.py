# Treats a cached None (or 0, or []) as a miss.
# fails: caches-falsy
import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    cache = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        result = cache.get(key)
        if not result:
            result = cache[key] = func(*args, **kwargs)
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
