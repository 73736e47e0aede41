# Tracks the depth for connecting but closes on every exit, pulling the connection from under the outer block.
# fails: outermost-closes
class SharedConnection:
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
        self.connection.close()
        if self.depth == 0:
            self.connection = None
        return False
