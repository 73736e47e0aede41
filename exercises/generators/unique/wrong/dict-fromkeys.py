# The classic one-liner: correct values, but it builds the whole list at once.
# fails: is-generator
def unique(items, key=None):
    if key is None:
        return list(dict.fromkeys(items))
    firsts = {}
    for item in items:
        firsts.setdefault(key(item), item)
    return list(firsts.values())
