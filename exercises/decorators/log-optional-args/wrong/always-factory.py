# Always returns a decorator, so plain @log wraps nothing and calls return a function.
# fails: bare-form
import functools
import logging

logger = logging.getLogger("app")


def log(func=None, *, level=logging.INFO):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            logger.log(level, "calling %s", func.__name__)
            return func(*args, **kwargs)

        return wrapper

    return decorator
