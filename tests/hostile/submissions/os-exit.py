# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: os._exit(0) at import
import os

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

os._exit(0)
