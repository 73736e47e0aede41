# Only works without parentheses: `func` has no default, so log() and log(level=...) fail.
# fails: empty-parentheses
import functools
import logging

logger = logging.getLogger("app")


def log(func, level=logging.INFO):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        logger.log(level, "calling %s", func.__name__)
        return func(*args, **kwargs)

    return wrapper
