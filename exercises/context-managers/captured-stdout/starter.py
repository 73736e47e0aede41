import contextlib
import io
import sys


@contextlib.contextmanager
def captured_stdout():
    """Send everything printed in the block to a StringIO buffer, then restore sys.stdout."""
    buffer = io.StringIO()
    yield buffer
