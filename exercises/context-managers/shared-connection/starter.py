class SharedConnection:
    """One connection shared by nested with blocks; only the outermost block opens and closes it."""

    def __init__(self, connect):
        self.connect = connect
        self.connection = None
        self.depth = 0

    def __enter__(self):
        self.connection = self.connect()
        return self.connection

    def __exit__(self, exc_type, exc, tb):
        self.connection.close()
        return False
