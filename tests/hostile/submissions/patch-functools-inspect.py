# exercise: exercises/decorators/log-calls
# must-not-pass: keeps-metadata
# attack: no functools.wraps, but patch functools and inspect so anything looks wrapped
import functools
import inspect

functools.WRAPPER_ASSIGNMENTS = ()
functools.update_wrapper = lambda wrapper, wrapped, *a, **k: wrapper
inspect.unwrap = lambda func, **k: func
inspect.signature = lambda *a, **k: None
inspect.isfunction = lambda obj: True


def log_calls(func):
    functools.WRAPPER_ASSIGNMENTS = ()
    inspect.unwrap = lambda f, **k: f

    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
