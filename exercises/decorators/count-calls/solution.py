import functools


def count_calls(func):
    """Count the calls of `func` in the attribute `calls` of the decorated function."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper
