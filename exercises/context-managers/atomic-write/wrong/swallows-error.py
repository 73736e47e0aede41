# Cleans up on error, but catches the exception and never re-raises it.
# fails: propagates-error
import contextlib
import os


@contextlib.contextmanager
def atomic_write(path):
    temporary = path + ".tmp"
    file = open(temporary, "w")
    try:
        yield file
    except Exception:
        file.close()
        os.remove(temporary)
        return
    file.close()
    os.replace(temporary, path)
