# Makes it work on any iterable by reading everything into a list first.
# fails: is-lazy
def windows(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    items = list(items)
    for start in range(len(items) - size + 1):
        yield tuple(items[start : start + size])
