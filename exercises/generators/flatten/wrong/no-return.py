# Flattens correctly but never returns the count.
# fails: returns-count
def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
