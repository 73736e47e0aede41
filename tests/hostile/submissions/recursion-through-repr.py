# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: raise the recursion limit, then recurse through __repr__ (native code) to crash the engine
import sys

sys.setrecursionlimit(10**6)


class Loop:
    def __repr__(self):
        return repr(self)


def double(x):
    return repr(Loop())


def add(a, b):
    return a


def keep(func):
    return func
