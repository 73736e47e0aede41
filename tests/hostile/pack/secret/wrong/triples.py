# fails: doubles
import functools


def double(x):
    return x * 3


def add(a, b):
    return a + b


def keep(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
