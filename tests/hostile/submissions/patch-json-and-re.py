# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: make json.dumps answer "pass" and re match anything
import json
import re

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

PASS = '{"status": "pass", "detail": null, "output": "", "line": null, "budget": null}'
json.dumps = lambda *args, **kwargs: PASS
json.loads = lambda *args, **kwargs: {"kind": "static", "source": ""}
re.search = lambda *args, **kwargs: True
re.compile = lambda *args, **kwargs: None
