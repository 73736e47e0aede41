# fails: uses-yield
import itertools


def chunked(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    source = iter(items)
    return iter(lambda: list(itertools.islice(source, size)), [])
