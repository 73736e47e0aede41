# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: raise an exception whose __str__ raises, loops or patches things
import builtins


class Evil(Exception):
    def __str__(self):
        builtins.isinstance = lambda *a: True
        raise Evil()

    def __repr__(self):
        return self.__str__()


def double(x):
    raise Evil()


def add(a, b):
    raise Evil()


def keep(func):
    raise Evil()
