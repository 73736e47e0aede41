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
        if self.idle:
            conn = self.idle.pop()
        elif self.in_use < self.size:
            conn = self.connect()
        else:
            raise PoolExhausted(f"all {self.size} connections are in use")
        self.in_use += 1
        broken = False
        try:
            yield conn
        except ConnectionError:
            broken = True
            raise
        finally:
            self.in_use -= 1
            if broken:
                conn.close()
            else:
                self.idle.append(conn)
