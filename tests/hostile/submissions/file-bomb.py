# exercise: tests/hostile/pack/secret
# must-not-pass: *
# attack: fill the in-memory file system until memory runs out, in every checked function
def _fill():
    with open("bomb.bin", "wb") as f:
        while True:
            f.write(b"x" * 10**6)


def double(x):
    _fill()


def add(a, b):
    _fill()


def keep(func):
    _fill()
