# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: sys.exit(0) while being loaded, before any check can fail
import sys

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

sys.exit(0)
