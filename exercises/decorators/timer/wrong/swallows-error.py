# Catches the exception to report it, and never re-raises it.
# fails: propagates-error
import functools
import time


def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        except Exception:
            result = None
        print(f"{func.__name__} took {time.perf_counter() - start:.3f}s")
        return result

    return wrapper
