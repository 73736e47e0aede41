# fails: calls-once
import functools


def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        print(f"calling {func.__name__}({', '.join(shown)})")
        print(f"{func.__name__} returned {func(*args, **kwargs)!r}")
        return func(*args, **kwargs)

    return wrapper
