# Keeps the state in globals, so every generator shares (and advances) the same sequence.
# fails: fresh-each-call
a, b = 0, 1


def fibonacci():
    global a, b
    while True:
        yield a
        a, b = b, a + b
