# Builds a list of all windows.
# fails: is-generator
def windows(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    items = list(items)
    return [tuple(items[i : i + size]) for i in range(len(items) - size + 1)]
