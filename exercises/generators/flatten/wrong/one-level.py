# Only unpacks one level of nesting.
# fails: flattens-deep
def flatten(nested):
    count = 0
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from item
            count += len(item)
        else:
            yield item
            count += 1
    return count
