import contextlib


@contextlib.contextmanager
def open_services(required, optional=None):
    """Open the required and optional services; give {name: service}; close them all, newest first."""
    services = {}
    # Enter every service with a contextlib.ExitStack, skipping optional ones that
    # raise ConnectionError, then yield the dict inside the stack's with block.
    yield services
