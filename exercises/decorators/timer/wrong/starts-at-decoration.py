# Reads the start time once, when the function is decorated.
# fails: times-each-call
import functools
import time


def timer(func):
    start = time.perf_counter()

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        finally:
            print(f"{func.__name__} took {time.perf_counter() - start:.3f}s")

    return wrapper
