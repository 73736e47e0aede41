# fails: passes-arguments
import functools


def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args):
        print(f"calling {func.__name__}({', '.join(repr(a) for a in args)})")
        result = func(*args)
        print(f"{func.__name__} returned {result!r}")
        return result

    return wrapper
