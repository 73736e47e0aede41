# Yields the deque itself: every window the caller keeps is the same, changing object.
# fails: yields-tuples
from collections import deque


def windows(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    window = deque(maxlen=size)
    for item in items:
        window.append(item)
        if len(window) == size:
            yield window
