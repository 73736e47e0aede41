def flatten(nested):
    """Yield every leaf of nested lists and tuples, depth first; return how many there were."""
    count = 0
    for item in nested:
        if isinstance(item, (list, tuple)):
            count += yield from flatten(item)
        else:
            yield item
            count += 1
    return count
