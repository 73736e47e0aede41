# Walks func.__annotations__, which also holds the return annotation under "return".
# fails: ignores-return-annotation
import functools
import inspect


def validate_types(func):
    """Raise TypeError when an argument does not match its parameter's class annotation."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        bound = inspect.signature(func).bind(*args, **kwargs)
        for name, expected in func.__annotations__.items():
            value = bound.arguments.get(name)
            if isinstance(expected, type) and not isinstance(value, expected):
                raise TypeError(f"{name} must be {expected.__name__}, got {type(value).__name__}")
        return func(*args, **kwargs)

    return wrapper
