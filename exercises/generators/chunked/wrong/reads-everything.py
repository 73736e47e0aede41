# fails: is-lazy
def chunked(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]
