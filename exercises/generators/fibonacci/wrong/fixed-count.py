# Gives up after 100 numbers "because nobody needs more".
# fails: is-endless
def fibonacci():
    a, b = 0, 1
    for _ in range(100):
        yield a
        a, b = b, a + b
