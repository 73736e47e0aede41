# Keeps the snapshot in one attribute of the database: a nested transaction overwrites the outer one's.
# fails: outer-undoes-released
import contextlib


class Database:
    def __init__(self):
        self.data = {}
        self.log = []
        self.depth = 0
        self.snapshot = {}

    @contextlib.contextmanager
    def transaction(self):
        level = self.depth
        name = f"sp{level}"
        self.snapshot = dict(self.data)
        self.log.append("BEGIN" if level == 0 else f"SAVEPOINT {name}")
        self.depth += 1
        try:
            yield self
        except BaseException:
            self.data.clear()
            self.data.update(self.snapshot)
            self.log.append("ROLLBACK" if level == 0 else f"ROLLBACK TO SAVEPOINT {name}")
            raise
        else:
            self.log.append("COMMIT" if level == 0 else f"RELEASE SAVEPOINT {name}")
        finally:
            self.depth -= 1
