# exercise: exercises/generators/chunked
# must-not-pass: is-lazy
# attack: find CountingIterable among object's subclasses and make it count nothing
def _patch():
    for cls in object.__subclasses__():
        if cls.__name__ == "CountingIterable":
            try:
                cls.pulled = property(lambda self: 0)
            except TypeError:
                pass


def chunked(items, size):
    _patch()
    data = list(__import__("itertools").islice(items, 100))
    try:
        items.pulled = 0
    except AttributeError:
        pass
    for start in range(0, len(data), size):
        yield data[start:start + size]
