# exercise: exercises/decorators/log-calls
# must-not-pass: *
# attack: the wrapper exits cleanly instead of calling the function
import functools


def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        raise SystemExit(0)

    return wrapper
