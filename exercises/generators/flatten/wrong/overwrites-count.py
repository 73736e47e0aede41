# Assigns the inner count instead of adding it.
# fails: returns-count
def flatten(nested):
    count = 0
    for item in nested:
        if isinstance(item, (list, tuple)):
            count = yield from flatten(item)
        else:
            yield item
            count += 1
    return count
