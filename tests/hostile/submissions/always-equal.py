# exercise: tests/hostile/pack/secret
# must-not-pass: doubles
# attack: return objects whose __eq__ always says True (and __ne__ always False)
class Anything:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__


def double(x):
    return Anything()


def add(a, b):
    return Anything()


def keep(func):
    return func
