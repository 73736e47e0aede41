# Yields the key instead of the item.
# fails: uses-key
def unique(items, key=None):
    seen = set()
    for item in items:
        if key is not None:
            item = key(item)
        if item not in seen:
            seen.add(item)
            yield item
