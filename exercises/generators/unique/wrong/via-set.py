# Lets a set drop the duplicates: it reads the whole input first (and, in CPython, loses the order).
# fails: is-lazy
def unique(items, key=None):
    for item in set(items):
        yield item
