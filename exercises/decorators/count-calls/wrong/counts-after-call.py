# Counts only after the function returned, so a call that raises is never counted.
# fails: counts-failing-calls
import functools


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        wrapper.calls += 1
        return result

    wrapper.calls = 0
    return wrapper
