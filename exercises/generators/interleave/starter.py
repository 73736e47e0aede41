def interleave(*iterables):
    """Yield one item from each iterable in turn, skipping the ones that have run out."""
    for iterable in iterables:
        yield from iterable
