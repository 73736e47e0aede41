# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: endless recursion through __eq__, __getattr__ and a sort key
import sys

sys.setrecursionlimit(100000)


class Eq:
    def __eq__(self, other):
        return self == other


class Attr:
    def __getattr__(self, name):
        return getattr(self, name)


def key(value):
    return sorted([value, value], key=key)


def double(x):
    return Eq() == Eq()


def add(a, b):
    return Attr().missing


def keep(func):
    return sorted([1, 2], key=key)
