# exercise: exercises/generators/chunked
# must-not-pass: *
# attack: a generator that swallows GeneratorExit and keeps yielding, and raises it itself
def chunked(items, size):
    while True:
        try:
            yield []
        except GeneratorExit:
            raise GeneratorExit("done") from None
        except BaseException:
            continue
