# exercise: tests/hostile/pack/secret
# must-not-pass: adds
# attack: an always-equal object (also inside a list) against unittest's assertEqual
import functools


class Anything(list):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


class Yes:
    def __eq__(self, other):
        return True


def double(x):
    return x * 2


def add(a, b):
    return Anything() if isinstance(a, list) else Yes()


def keep(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
