def unique(items, key=None):
    """Yield each item the first time it (or its key) is seen, in the original order."""
    seen = set()
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.add(marker)
            yield item
