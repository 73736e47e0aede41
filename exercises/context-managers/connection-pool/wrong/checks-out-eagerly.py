# A class-based manager that checks the connection out in __init__, when connection() is called.
# fails: checks-out-on-enter
class PoolExhausted(Exception):
    pass


class _Checkout:
    def __init__(self, pool):
        self.pool = pool
        if pool.idle:
            self.conn = pool.idle.pop()
        elif pool.in_use < pool.size:
            self.conn = pool.connect()
        else:
            raise PoolExhausted("pool exhausted")
        pool.in_use += 1

    def __enter__(self):
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        self.pool.in_use -= 1
        if exc_type is not None and issubclass(exc_type, ConnectionError):
            self.conn.close()
        else:
            self.pool.idle.append(self.conn)
        return False


class Pool:
    def __init__(self, connect, size):
        self.connect = connect
        self.size = size
        self.idle = []
        self.in_use = 0

    def connection(self):
        return _Checkout(self)
