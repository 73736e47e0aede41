# exercise: exercises/decorators/log-calls
# must-not-pass: keeps-metadata
# attack: walk up the stack from the decorator into the check and neuter its helpers
import inspect
import sys


def log_calls(func):
    frame = sys._getframe(1)
    while frame is not None:
        for namespace in (frame.f_globals, frame.f_locals):
            for name in ("expect_wraps", "fail", "expect"):
                if name in namespace:
                    namespace[name] = lambda *a, **k: None
        frame = frame.f_back
    current = inspect.currentframe()
    while current is not None:
        current.f_globals["expect_wraps"] = lambda *a, **k: None
        current = current.f_back

    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
