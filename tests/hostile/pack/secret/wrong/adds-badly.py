# fails: adds
import functools


def double(x):
    return x * 2


def add(a, b):
    return a


def keep(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
