# Keeps only the snapshot taken at BEGIN, so a failed savepoint also wipes the outer block's changes.
# fails: inner-failure-only
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
        if level == 0:
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
