# Yields from the very first item, so the first windows are not full.
# fails: only-full-windows
from collections import deque


def windows(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    window = deque(maxlen=size)
    for item in items:
        window.append(item)
        yield tuple(window)
