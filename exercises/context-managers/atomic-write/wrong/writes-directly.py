# Writes the target itself: readers see it half-written, and a failure leaves it half-written.
# fails: old-content-until-done
import contextlib


@contextlib.contextmanager
def atomic_write(path):
    with open(path, "w") as file:
        yield file
