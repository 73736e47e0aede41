import contextlib
import os


@contextlib.contextmanager
def atomic_write(path):
    """Give a file to write; it replaces `path` only if the block finishes."""
    with open(path, "w") as file:
        yield file
