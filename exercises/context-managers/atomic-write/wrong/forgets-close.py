# Moves the temporary file into place without closing it: what is still buffered never
# reaches the file.
# fails: writes-the-file
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
        os.remove(temporary)
        raise
    os.replace(temporary, path)
