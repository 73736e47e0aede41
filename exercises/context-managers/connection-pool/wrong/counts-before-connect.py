# Counts the connection before connect() succeeded: a failed connect leaks a slot.
# fails: connect-failure
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
        if self.in_use >= self.size:
            raise PoolExhausted("pool exhausted")
        self.in_use += 1
        conn = self.idle.pop() if self.idle else self.connect()
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
