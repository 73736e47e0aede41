# Uses zip(), which stops at the shortest iterable.
# fails: different-lengths
def interleave(*iterables):
    for round_ in zip(*iterables):
        yield from round_
