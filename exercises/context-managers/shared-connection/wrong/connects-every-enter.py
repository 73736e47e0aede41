# Connects on every enter, so nested blocks get (and leak) separate connections.
# fails: reuses-when-nested
class SharedConnection:
    def __init__(self, connect):
        self.connect = connect
        self.connection = None
        self.depth = 0

    def __enter__(self):
        self.connection = self.connect()
        self.depth += 1
        return self.connection

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        if self.depth == 0:
            self.connection.close()
            self.connection = None
        return False
