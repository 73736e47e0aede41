# Raises the depth before connecting: when connect() fails, the depth never comes back down.
# fails: connect-failure
class SharedConnection:
    def __init__(self, connect):
        self.connect = connect
        self.connection = None
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        if self.depth == 1:
            self.connection = self.connect()
        return self.connection

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        if self.depth == 0:
            self.connection.close()
            self.connection = None
        return False
