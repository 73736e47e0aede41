# Writes a plain decorator, so deprecated("use report_v2 instead") wraps the string instead.
# fails: is-factory
import functools
import warnings


def deprecated(func):
    warned = False

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        nonlocal warned
        if not warned:
            warned = True
            warnings.warn(f"{func.__name__} is deprecated", DeprecationWarning, stacklevel=2)
        return func(*args, **kwargs)

    return wrapper
