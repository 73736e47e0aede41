import functools


def primed(func):
    """Decorator: calling the generator function also advances it to its first `yield`."""
    return func


@primed
def running_average():
    """Coroutine: send it numbers, it answers with their average so far; next() just reports it."""
    value = yield
