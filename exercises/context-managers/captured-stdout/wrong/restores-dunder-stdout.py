# Restores sys.__stdout__ instead of the stream that was active before the block.
# fails: restores-previous
import contextlib
import io
import sys


@contextlib.contextmanager
def captured_stdout():
    buffer = io.StringIO()
    sys.stdout = buffer
    try:
        yield buffer
    finally:
        sys.stdout = sys.__stdout__
