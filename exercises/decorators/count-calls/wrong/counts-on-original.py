# Keeps the counter on the original function; functools.wraps copied `calls = 0` to the wrapper once.
# fails: counts-each-call
import functools


def count_calls(func):
    func.calls = 0

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        func.calls += 1
        return func(*args, **kwargs)

    return wrapper
