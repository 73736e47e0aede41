# Keeps keyword arguments in call order, so f(a=1, b=2) and f(b=2, a=1) differ.
# fails: kwargs-order
import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    cache = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = (args, tuple(kwargs.items()))
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    wrapper.cache_clear = cache.clear
    return wrapper
