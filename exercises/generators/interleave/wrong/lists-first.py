# Copies every input into a list first, so endless queues never finish.
# fails: is-lazy
def interleave(*iterables):
    lists = [list(iterable) for iterable in iterables]
    longest = max((len(items) for items in lists), default=0)
    for i in range(longest):
        for items in lists:
            if i < len(items):
                yield items[i]
