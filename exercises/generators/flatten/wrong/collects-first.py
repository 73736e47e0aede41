# Collects all leaves into a list, then yields them.
# fails: is-lazy
def flatten(nested):
    leaves = []

    def collect(items):
        for item in items:
            if isinstance(item, (list, tuple)):
                collect(item)
            else:
                leaves.append(item)

    collect(nested)
    yield from leaves
    return len(leaves)
