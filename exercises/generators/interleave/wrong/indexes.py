# Walks the inputs by index, which needs len() and [i].
# fails: any-iterable
def interleave(*iterables):
    longest = max((len(iterable) for iterable in iterables), default=0)
    for i in range(longest):
        for iterable in iterables:
            if i < len(iterable):
                yield iterable[i]
