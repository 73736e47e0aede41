def flatten(nested):
    """Yield every leaf of nested lists and tuples, depth first; return how many there were."""
    for item in nested:
        yield item
