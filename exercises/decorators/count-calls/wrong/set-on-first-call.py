# Creates the attribute only on the first call.
# fails: starts-at-zero
import functools


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls = getattr(wrapper, "calls", 0) + 1
        return func(*args, **kwargs)

    return wrapper
