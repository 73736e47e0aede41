# Returns early from __exit__ when there is an exception, so the depth is never lowered.
# fails: inner-error
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
        if exc_type is not None:
            return False
        self.depth -= 1
        if self.depth == 0:
            self.connection.close()
            self.connection = None
        return False
