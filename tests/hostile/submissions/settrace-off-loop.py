# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: loop forever while switching off tracing, in case the time budget were a trace function
# loops: yes (in a browser only terminating the worker stops it)
import sys


def double(x):
    while True:
        sys.settrace(None)
        sys.setprofile(None)


def add(a, b):
    return a


def keep(func):
    return func
