class SharedConnection:
    """One connection shared by nested with blocks; only the outermost block opens and closes it."""

    def __init__(self, connect):
        self.connect = connect
        self.connection = None
        self.depth = 0

    def __enter__(self):
        if self.depth == 0:
            self.connection = self.connect()
        self.depth += 1
        return self.connection

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        if self.depth == 0:
            connection, self.connection = self.connection, None
            connection.close()
        return False
