from collections import deque


def windows(items, size):
    """Yield each run of `size` consecutive items as a tuple, moving on by one."""
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    window = deque(maxlen=size)
    for item in items:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
