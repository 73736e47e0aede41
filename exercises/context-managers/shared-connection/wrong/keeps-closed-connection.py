# Connects only when there is no connection yet, but never forgets the closed one.
# fails: reconnects-after-close
class SharedConnection:
    def __init__(self, connect):
        self.connect = connect
        self.connection = None
        self.depth = 0

    def __enter__(self):
        if self.connection is None:
            self.connection = self.connect()
        self.depth += 1
        return self.connection

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        if self.depth == 0:
            self.connection.close()
        return False
