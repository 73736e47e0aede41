# Forgets the category, so it emits a UserWarning.
# fails: warns-on-call
import functools
import warnings


def deprecated(reason):
    """Make the decorated function emit a DeprecationWarning on its first call."""

    def decorator(func):
        warned = False

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            nonlocal warned
            if not warned:
                warned = True
                warnings.warn(f"{func.__name__} is deprecated: {reason}", stacklevel=2)
            return func(*args, **kwargs)

        return wrapper

    return decorator
