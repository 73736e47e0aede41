# Forgets functools.wraps, so the coroutine is renamed 'start'.
# fails: primed-keeps-metadata
import functools


def primed(func):
    """Decorator: calling the generator function also advances it to its first `yield`."""

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
    average = None
    while True:
        value = yield average
        if value is None:
            continue
        total += value
        count += 1
        average = total / count
