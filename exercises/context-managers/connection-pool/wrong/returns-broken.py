# Always puts the connection back, even a broken one.
# fails: discards-broken
import contextlib


class PoolExhausted(Exception):
    pass


class Pool:
    def __init__(self, connect, size):
        self.connect = connect
        self.size = size
        self.idle = []
        self.in_use = 0

    @contextlib.contextmanager
    def connection(self):
        if self.idle:
            conn = self.idle.pop()
        elif self.in_use < self.size:
            conn = self.connect()
        else:
            raise PoolExhausted("pool exhausted")
        self.in_use += 1
        try:
            yield conn
        finally:
            self.in_use -= 1
            self.idle.append(conn)
