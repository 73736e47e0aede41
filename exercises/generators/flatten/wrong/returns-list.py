# The classic recursive list version: not a generator, and no count.
# fails: is-generator
def flatten(nested):
    result = []
    for item in nested:
        if isinstance(item, (list, tuple)):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result
