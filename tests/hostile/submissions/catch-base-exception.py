# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: swallow every exception everywhere, including the interruption of the time budget
# loops: yes (in a browser only terminating the worker stops it)
import functools


def double(x):
    while True:
        try:
            while True:
                pass
        except BaseException:
            continue


def add(a, b):
    try:
        return a
    except BaseException:
        return None


def keep(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except BaseException:
            return None

    return wrapper
