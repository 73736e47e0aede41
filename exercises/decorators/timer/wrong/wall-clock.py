# Uses time.time(), the wall clock, instead of time.perf_counter().
# fails: reports-elapsed
import functools
import time


def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.time()
        try:
            return func(*args, **kwargs)
        finally:
            print(f"{func.__name__} took {time.time() - start:.3f}s")

    return wrapper
