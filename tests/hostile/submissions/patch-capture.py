# exercise: tests/hostile/pack/secret
# must-not-pass: secret-output
# attack: patch the class capturing stdout so the output looks like the (guessed) expected one
import sys


def double(x):
    capture = type(sys.stdout)
    for name in ("getvalue", "write"):
        try:
            setattr(capture, name, lambda self, *a: "42\n")
        except TypeError:
            pass
    try:
        sys.stdout._parts = ["42\n"]
    except Exception:
        pass
    return x


def add(a, b):
    return a


def keep(func):
    return func
