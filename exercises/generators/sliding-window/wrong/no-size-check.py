# Forgets to reject a size below 1.
# fails: rejects-bad-size
from collections import deque


def windows(items, size):
    window = deque(maxlen=max(size, 0))
    for item in items:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
