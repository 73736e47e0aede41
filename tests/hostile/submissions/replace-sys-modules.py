# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: replace modules in sys.modules with fakes
import sys
import types

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

for name in ("json", "traceback", "unittest", "re", "io", "ast", "builtins"):
    fake = types.ModuleType(name)
    sys.modules[name] = fake
