# Restores after a bare `yield`: when the block raises, sys.stdout stays redirected.
# fails: restores-on-error
import contextlib
import io
import sys


@contextlib.contextmanager
def captured_stdout():
    buffer = io.StringIO()
    previous = sys.stdout
    sys.stdout = buffer
    yield buffer
    sys.stdout = previous
