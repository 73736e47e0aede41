# Descends into anything iterable, including strings: infinite recursion.
# fails: strings-are-leaves
def flatten(nested):
    count = 0
    for item in nested:
        if hasattr(item, "__iter__"):
            count += yield from flatten(item)
        else:
            yield item
            count += 1
    return count
