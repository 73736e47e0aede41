# exercise: tests/hostile/pack/secret
# must-not-pass: doubles
# attack: patch builtins from inside a checked call, after the check started
import builtins


def double(x):
    builtins.AssertionError = KeyError
    builtins.bool = lambda value=False: True
    builtins.isinstance = lambda *args: True
    return x


def add(a, b):
    return a


def keep(func):
    return func
