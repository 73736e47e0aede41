# Chains the inputs one after the other: not fair at all.
# fails: takes-turns
from itertools import chain


def interleave(*iterables):
    yield from chain(*iterables)
