# Keeps the old file on error, but leaves the half-written temporary file behind.
# fails: error-cleans-up
import contextlib
import os


@contextlib.contextmanager
def atomic_write(path):
    temporary = path + ".tmp"
    file = open(temporary, "w")
    try:
        yield file
    except BaseException:
        file.close()
        raise
    file.close()
    os.replace(temporary, path)
