# Hands the job to functools.lru_cache instead of building the cache.
# fails: writes-own-cache
import functools


def memoize(func):
    """Remember the result of each call of `func`; `cache_clear()` forgets them all."""
    return functools.lru_cache(maxsize=None)(func)
