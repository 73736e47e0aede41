# exercise: exercises/decorators/log-calls
# must-not-pass: keeps-metadata
# attack: import pykata's helper module (and look in sys.modules) and neuter its helpers
import sys

for name in ("pykata", "_pykata_runner", "_pykata_guard"):
    try:
        module = __import__(name)
    except ImportError:
        continue
    for attr in ("expect_wraps", "fail", "expect", "expect_equal"):
        setattr(module, attr, lambda *a, **k: None)
for module in list(sys.modules.values()):
    if hasattr(module, "expect_wraps"):
        module.expect_wraps = lambda *a, **k: None
        module.fail = lambda *a, **k: None


def log_calls(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper
