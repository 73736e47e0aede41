# exercise: tests/hostile/pack/secret
# must-not-pass: adds
# attack: neuter unittest's assertions before the tests run
import unittest

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

unittest.TestCase.assertEqual = lambda self, *args, **kwargs: None
unittest.TestCase.fail = lambda self, *args, **kwargs: None
unittest.TestCase.failureException = GeneratorExit
