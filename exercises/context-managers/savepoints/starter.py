import contextlib


class Database:
    """An in-memory store whose transactions nest as savepoints."""

    def __init__(self):
        self.data = {}
        self.log = []
        self.depth = 0

    @contextlib.contextmanager
    def transaction(self):
        """BEGIN/COMMIT/ROLLBACK at depth 0; SAVEPOINT/RELEASE/ROLLBACK TO when nested."""
        yield self
