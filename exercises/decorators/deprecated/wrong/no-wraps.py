# Forgets functools.wraps.
# fails: keeps-metadata
import functools
import warnings


def deprecated(reason):
    """Make the decorated function emit a DeprecationWarning on its first call."""

    def decorator(func):
        warned = False

        def wrapper(*args, **kwargs):
            nonlocal warned
            if not warned:
                warned = True
                warnings.warn(f"{func.__name__} is deprecated: {reason}", DeprecationWarning, stacklevel=2)
            return func(*args, **kwargs)

        return wrapper

    return decorator
