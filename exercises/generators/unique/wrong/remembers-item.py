# Compares by key, but remembers the item rather than its key.
# fails: uses-key
def unique(items, key=None):
    seen = set()
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.add(item)
            yield item
