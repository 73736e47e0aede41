# exercise: exercises/decorators/log-calls
# must-not-pass: keeps-metadata
# attack: raise and catch an exception, then climb from its traceback into the check
def log_calls(func):
    try:
        raise ValueError
    except ValueError as error:
        frame = error.__traceback__.tb_frame
    while frame is not None:
        if "expect_wraps" in frame.f_globals:
            frame.f_globals["expect_wraps"] = lambda *a, **k: None
        frame = frame.f_back

    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
