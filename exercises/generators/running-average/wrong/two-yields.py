# Receives with a bare yield and answers with a second yield: every other send() is lost.
# fails: averages
import functools


def primed(func):
    """Decorator: calling the generator function also advances it to its first `yield`."""

    @functools.wraps(func)
    def start(*args, **kwargs):
        generator = func(*args, **kwargs)
        next(generator)
        return generator

    return start


@primed
def running_average():
    """Coroutine: send it numbers, it answers with their average so far; next() just reports it."""
    total = 0
    count = 0
    while True:
        value = yield
        total += value
        count += 1
        yield total / count
