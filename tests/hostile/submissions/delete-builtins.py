# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: delete builtins the checks and the runner use
import builtins

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

for name in ("len", "isinstance", "repr", "str", "dict", "list", "getattr", "type", "print"):
    delattr(builtins, name)
