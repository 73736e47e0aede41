# Logs after the call, so a call that raises is never logged.
# fails: logs-before-running
import functools
import logging

logger = logging.getLogger("app")


def log(func=None, *, level=logging.INFO):
    """Log each call of the decorated function; usable as @log, @log() and @log(level=...)."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            result = func(*args, **kwargs)
            logger.log(level, "calling %s", func.__name__)
            return result

        return wrapper

    if func is None:  # @log() or @log(level=...): return the decorator to apply
        return decorator
    return decorator(func)  # @log: decorate the function right away
