# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: ask for gigabytes of memory in every checked function
def double(x):
    return [0] * 10**9


def add(a, b):
    return "x" * 10**9


def keep(func):
    grow = []
    while True:
        grow.append("y" * 10**6)
