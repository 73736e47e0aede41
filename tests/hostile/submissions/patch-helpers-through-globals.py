# exercise: exercises/decorators/log-calls
# must-not-pass: keeps-metadata
# attack: reach the helpers' module through the spy's __globals__ and neuter fail()
def log_calls(func):
    namespace = getattr(func, "__globals__", {})
    for name in ("fail", "expect", "expect_wraps", "CheckFailed"):
        if name in namespace:
            namespace[name] = (lambda *a, **k: None) if name != "CheckFailed" else KeyboardInterrupt

    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
