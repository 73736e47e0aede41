# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: replace __import__ so checks importing unittest, json or functools get fakes
import builtins
import types

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

real_import = builtins.__import__


def fake_import(name, *args, **kwargs):
    module = types.ModuleType(name)
    module.TestCase = object
    module.dumps = lambda *a, **k: '{"status": "pass"}'
    return module


builtins.__import__ = fake_import
