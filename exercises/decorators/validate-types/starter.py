import functools
import inspect


def validate_types(func):
    """Raise TypeError when an argument does not match its parameter's class annotation."""
    # Read inspect.signature(func) once, then define and return the wrapper.
