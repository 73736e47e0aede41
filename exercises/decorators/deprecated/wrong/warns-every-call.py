# Warns on every call.
# fails: warns-once
import functools
import warnings


def deprecated(reason):
    """Make the decorated function emit a DeprecationWarning on its first call."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            warnings.warn(f"{func.__name__} is deprecated: {reason}", DeprecationWarning, stacklevel=2)
            return func(*args, **kwargs)

        return wrapper

    return decorator
