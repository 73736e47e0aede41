# Forgets to count the checkout, so in_use is wrong and the size limit never triggers.
# fails: checks-out
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
