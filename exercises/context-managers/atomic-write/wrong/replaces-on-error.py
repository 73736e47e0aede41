# Moves the temporary file into place even when the block raised (a `finally` does both).
# fails: error-keeps-old
import contextlib
import os


@contextlib.contextmanager
def atomic_write(path):
    temporary = path + ".tmp"
    file = open(temporary, "w")
    try:
        yield file
    finally:
        file.close()
        os.replace(temporary, path)
