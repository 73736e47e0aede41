# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: list every object with gc and patch whatever grades
import gc

for obj in gc.get_objects() + gc.get_referrers(gc):
    if isinstance(obj, dict):
        for name in ("expect_wraps", "fail", "_matches", "_answer", "strict_equal"):
            if name in obj:
                obj[name] = lambda *a, **k: None
        if "expected" in obj:
            print(obj["expected"], end="")


def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    return func
