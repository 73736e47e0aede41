# exercise: tests/hostile/pack/secret
# must-not-pass: doubles
# attack: a trace function that tries to jump over the check's asserts and read its locals
import sys


def tracer(frame, event, arg):
    if frame.f_code.co_filename == "<check>":
        try:
            frame.f_lineno = frame.f_lineno + 1
        except Exception:
            pass
        frame.f_locals.clear()
    return tracer


def double(x):
    sys.settrace(tracer)
    sys._getframe(1).f_trace = tracer
    return x


def add(a, b):
    return a


def keep(func):
    return func
