# Matches arguments to parameter names by hand from func.__code__ instead of using inspect.signature.
# fails: uses-signature
import functools


def validate_types(func):
    """Raise TypeError when an argument does not match its parameter's class annotation."""
    names = func.__code__.co_varnames[: func.__code__.co_argcount]

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        passed = dict(zip(names, args))
        passed.update(kwargs)
        for name, value in passed.items():
            expected = func.__annotations__.get(name)
            if isinstance(expected, type) and not isinstance(value, expected):
                raise TypeError(f"{name} must be {expected.__name__}, got {type(value).__name__}")
        return func(*args, **kwargs)

    return wrapper
