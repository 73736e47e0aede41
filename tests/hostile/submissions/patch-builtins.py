# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: replace isinstance, len, type, callable, print and AssertionError in builtins
import builtins

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

builtins.isinstance = lambda *args: True
builtins.len = lambda obj: 0
builtins.callable = lambda obj: True
builtins.print = lambda *args, **kwargs: None
builtins.repr = lambda obj: "42"


class Quiet(Exception):
    pass


builtins.AssertionError = Quiet
