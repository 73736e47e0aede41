# Returns True from __exit__, so a failed query inside looks like a success to the caller.
# fails: outer-error
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
        if self.depth == 0:
            self.connection.close()
            self.connection = None
        return True
