# Returns the SharedConnection itself from __enter__, so `as conn` is not a connection.
# fails: enter-gives-connection
class SharedConnection:
    def __init__(self, connect):
        self.connect = connect
        self.connection = None
        self.depth = 0

    def __enter__(self):
        if self.depth == 0:
            self.connection = self.connect()
        self.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        if self.depth == 0:
            self.connection.close()
            self.connection = None
        return False
