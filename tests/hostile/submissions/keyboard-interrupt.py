# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: raise KeyboardInterrupt (what the engine uses to stop slow code) at import and in calls

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

def double(x):
    raise KeyboardInterrupt


raise KeyboardInterrupt
