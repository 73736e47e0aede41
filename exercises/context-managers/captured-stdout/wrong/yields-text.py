# Yields buffer.getvalue(): a string taken before anything was printed.
# fails: captures-prints
import contextlib
import io
import sys


@contextlib.contextmanager
def captured_stdout():
    buffer = io.StringIO()
    previous = sys.stdout
    sys.stdout = buffer
    try:
        yield buffer.getvalue()
    finally:
        sys.stdout = previous
