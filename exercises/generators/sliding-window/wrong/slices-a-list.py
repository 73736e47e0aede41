# Slices the input, which only works when it is a list.
# fails: any-iterable
def windows(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    for start in range(len(items) - size + 1):
        yield tuple(items[start : start + size])
