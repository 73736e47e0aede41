import functools
import logging

logger = logging.getLogger("app")


def log(func=None, *, level=logging.INFO):
    """Log each call of the decorated function; usable as @log, @log() and @log(level=...)."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            logger.log(level, "calling %s", func.__name__)
            return func(*args, **kwargs)

        return wrapper

    if func is None:  # @log() or @log(level=...): return the decorator to apply
        return decorator
    return decorator(func)  # @log: decorate the function right away
