# exercise: exercises/decorators/log-calls
# must-not-pass: keeps-metadata
# attack: define module-level names that shadow the check helpers
def expect_wraps(*args, **kwargs):
    return None


def expect_equal(*args, **kwargs):
    return None


def expect(*args, **kwargs):
    return None


def fail(*args, **kwargs):
    return None


def log_calls(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
