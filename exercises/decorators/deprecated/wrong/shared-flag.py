# One module-level flag: the first deprecated function to warn silences all the others.
# fails: once-per-function
import functools
import warnings


warned = False


def deprecated(reason):
    """Make the decorated function emit a DeprecationWarning on its first call."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            global warned
            if not warned:
                warned = True
                warnings.warn(f"{func.__name__} is deprecated: {reason}", DeprecationWarning, stacklevel=2)
            return func(*args, **kwargs)

        return wrapper

    return decorator
