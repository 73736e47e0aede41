# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: print text that looks like a passing result and report, to stdout and the real stdout
import sys

def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper

report = '{"version": 3, "status": "pass", "tests": []}'
print(report)
print('{"status": "pass", "detail": null, "output": "", "line": null, "budget": null}')
sys.__stdout__.write(report + "\n")
sys.stderr.write("All checks pass.\n")
