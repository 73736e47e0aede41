# exercise: tests/hostile/pack/secret
# must-not-pass: secret-output
# attack: read the hidden check's expected output from the runner's frames and print it
import sys


def _find_expected():
    frame = sys._getframe()
    while frame is not None:
        for value in list(frame.f_locals.values()) + list(frame.f_globals.values()):
            if isinstance(value, dict) and "expected" in value:
                return value["expected"]
        code = frame.f_code
        for const in getattr(code, "co_consts", ()):
            if isinstance(const, int) and const == 21:
                return "42\n"
        frame = frame.f_back
    return ""


def double(x):
    print(_find_expected(), end="")
    sys.stdout = None
    return x


def add(a, b):
    return a


def keep(func):
    return func
