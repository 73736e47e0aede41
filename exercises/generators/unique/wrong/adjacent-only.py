# Only compares with the previous item, like `uniq` on the command line.
# fails: removes-non-adjacent
def unique(items, key=None):
    previous = object()
    for item in items:
        marker = item if key is None else key(item)
        if marker != previous:
            yield item
        previous = marker
