# Looks items up with seen.get(), which treats 0, "" and None as "not seen".
# fails: handles-falsy-items
def unique(items, key=None):
    seen = {}
    for item in items:
        marker = item if key is None else key(item)
        if seen.get(marker):
            continue
        seen[marker] = marker
        yield item
