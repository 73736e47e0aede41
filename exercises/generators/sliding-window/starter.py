def windows(items, size):
    """Yield each run of `size` consecutive items as a tuple, moving on by one."""
    return [tuple(items[i : i + size]) for i in range(len(items) - size + 1)]
