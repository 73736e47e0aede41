# exercise: tests/hostile/pack/secret
# must-not-pass: adds
# attack: from inside the tested call, reach the running TestCase through the stack and neuter it
import sys


def add(a, b):
    frame = sys._getframe(1)
    while frame is not None:
        test = frame.f_locals.get("self")
        if test is not None and hasattr(test, "assertEqual"):
            try:
                type(test).assertEqual = lambda *args, **kwargs: None
            except TypeError:
                pass
            test.assertEqual = lambda *args, **kwargs: None
        frame = frame.f_back
    return a


def double(x):
    return x


def keep(func):
    return func
