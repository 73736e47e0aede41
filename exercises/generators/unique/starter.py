def unique(items, key=None):
    """Yield each item the first time it (or its key) is seen, in the original order."""
    return list(set(items))
