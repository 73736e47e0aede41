# Re-yields the inner items in a for loop and counts them one by one, instead of delegating.
# fails: uses-yield-from
def flatten(nested):
    count = 0
    for item in nested:
        if isinstance(item, (list, tuple)):
            for leaf in flatten(item):
                yield leaf
                count += 1
        else:
            yield item
            count += 1
    return count
