# Correct order, but builds the whole merged list before returning it.
# fails: is-generator
def interleave(*iterables):
    merged = []
    iterators = [iter(iterable) for iterable in iterables]
    while iterators:
        alive = []
        for iterator in iterators:
            try:
                merged.append(next(iterator))
            except StopIteration:
                continue
            alive.append(iterator)
        iterators = alive
    return merged
