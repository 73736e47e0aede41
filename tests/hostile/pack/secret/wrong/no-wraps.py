# fails: wraps
def double(x):
    return x * 2


def add(a, b):
    return a + b


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
