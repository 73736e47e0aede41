import contextlib
import os


@contextlib.contextmanager
def atomic_write(path):
    """Give a file to write; it replaces `path` only if the block finishes."""
    temporary = path + ".tmp"
    file = open(temporary, "w")
    try:
        yield file
    except BaseException:
        file.close()
        os.remove(temporary)
        raise
    file.close()
    os.replace(temporary, path)
