import contextlib
import io
import sys


@contextlib.contextmanager
def captured_stdout():
    """Send everything printed in the block to a StringIO buffer, then restore sys.stdout."""
    buffer = io.StringIO()
    previous = sys.stdout
    sys.stdout = buffer
    try:
        yield buffer
    finally:
        sys.stdout = previous
