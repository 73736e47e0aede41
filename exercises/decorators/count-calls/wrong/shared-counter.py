# One module-level counter for every decorated function.
# fails: separate-counters
import functools

total_calls = 0


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        global total_calls
        total_calls += 1
        wrapper.calls = total_calls
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper
