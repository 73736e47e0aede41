# Stops once the numbers get "big enough".
# fails: is-endless
def fibonacci():
    a, b = 0, 1
    while a < 10**9:
        yield a
        a, b = b, a + b
