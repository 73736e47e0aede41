# Collects the first item per key in a dict, then yields them: reads the whole stream first.
# fails: is-lazy
def unique(items, key=None):
    firsts = {}
    for item in items:
        firsts.setdefault(item if key is None else key(item), item)
    yield from firsts.values()
