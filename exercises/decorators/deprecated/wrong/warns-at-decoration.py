# Warns once when the function is decorated, instead of when it is called.
# fails: silent-at-decoration
import functools
import warnings


def deprecated(reason):
    """Make the decorated function emit a DeprecationWarning on its first call."""

    def decorator(func):
        warnings.warn(f"{func.__name__} is deprecated: {reason}", DeprecationWarning, stacklevel=2)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)

        return wrapper

    return decorator
