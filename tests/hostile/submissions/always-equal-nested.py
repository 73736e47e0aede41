# exercise: exercises/generators/chunked
# must-not-pass: *
# attack: yield lists of always-equal objects
class Anything:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def chunked(items, size):
    for _ in items:
        yield [Anything()]
