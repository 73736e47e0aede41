# Collects a whole round before yielding any of it.
# fails: is-lazy
def interleave(*iterables):
    iterators = [iter(iterable) for iterable in iterables]
    while iterators:
        round_, alive = [], []
        for iterator in iterators:
            try:
                round_.append(next(iterator))
                alive.append(iterator)
            except StopIteration:
                pass
        yield from round_
        iterators = alive
