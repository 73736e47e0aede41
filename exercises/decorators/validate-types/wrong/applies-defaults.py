# Fills in the defaults before checking, so `limit: int = None` always fails.
# fails: defaults-not-checked
import functools
import inspect


def validate_types(func):
    """Raise TypeError when an argument does not match its parameter's class annotation."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        for name, value in bound.arguments.items():
            expected = signature.parameters[name].annotation
            if expected is inspect.Parameter.empty or not isinstance(expected, type):
                continue  # nothing to check, or not a class isinstance() understands
            if not isinstance(value, expected):
                raise TypeError(f"{name} must be {expected.__name__}, got {type(value).__name__}")
        return func(*args, **kwargs)

    return wrapper
