# Takes idle connections from the front of the list instead of the most recently returned one.
# fails: reuses-idle
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
            conn = self.idle.pop(0)
        elif self.in_use < self.size:
            conn = self.connect()
        else:
            raise PoolExhausted("pool exhausted")
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
