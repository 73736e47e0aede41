# cache_clear assigns a new dict to a local variable; the wrapper's cache is untouched.
# fails: cache-clear
import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    cache = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    def cache_clear():
        cache = {}

    wrapper.cache_clear = cache_clear
    return wrapper
