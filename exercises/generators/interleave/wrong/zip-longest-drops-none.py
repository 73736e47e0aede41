# Pads the shorter iterables with None, then skips the padding — and real None items with it.
# fails: keeps-none-values
from itertools import zip_longest


def interleave(*iterables):
    for round_ in zip_longest(*iterables):
        for item in round_:
            if item is not None:
                yield item
