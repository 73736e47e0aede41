# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: the quit() and exit() builtins inside checked functions

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

def double(x):
    quit()


def add(a, b):
    exit(0)
