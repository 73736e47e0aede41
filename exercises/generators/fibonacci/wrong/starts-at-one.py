# Starts the sequence at 1, 1 instead of 0, 1.
# fails: starts-right
def fibonacci():
    a, b = 1, 1
    while True:
        yield a
        a, b = b, a + b
