# Creates one buffer for the whole module, so every capture shares it.
# fails: fresh-buffer
import contextlib
import io
import sys

_buffer = io.StringIO()


@contextlib.contextmanager
def captured_stdout():
    previous = sys.stdout
    sys.stdout = _buffer
    try:
        yield _buffer
    finally:
        sys.stdout = previous
