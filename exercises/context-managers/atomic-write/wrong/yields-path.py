# Gives the block the temporary file's name instead of the file itself.
# fails: gives-a-file
import contextlib
import os


@contextlib.contextmanager
def atomic_write(path):
    temporary = path + ".tmp"
    file = open(temporary, "w")
    try:
        yield temporary
    except BaseException:
        file.close()
        os.remove(temporary)
        raise
    file.close()
    os.replace(temporary, path)
