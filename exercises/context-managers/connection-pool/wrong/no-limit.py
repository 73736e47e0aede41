# Connects whenever nothing is idle, so a traffic spike opens unlimited connections.
# fails: limits-size
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
        conn = self.idle.pop() if self.idle else self.connect()
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
