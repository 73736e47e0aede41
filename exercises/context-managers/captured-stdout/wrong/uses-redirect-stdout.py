# Hands the work to contextlib.redirect_stdout.
# fails: no-redirect-stdout
import contextlib
import io


@contextlib.contextmanager
def captured_stdout():
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield buffer
