# Declares data and log as class attributes, so every Database shares them.
# fails: databases-independent
import contextlib


class Database:
    data = {}
    log = []
    depth = 0

    @contextlib.contextmanager
    def transaction(self):
        level = self.depth
        name = f"sp{level}"
        snapshot = dict(self.data)
        self.log.append("BEGIN" if level == 0 else f"SAVEPOINT {name}")
        self.depth += 1
        try:
            yield self
        except BaseException:
            self.data.clear()
            self.data.update(snapshot)
            self.log.append("ROLLBACK" if level == 0 else f"ROLLBACK TO SAVEPOINT {name}")
            raise
        else:
            self.log.append("COMMIT" if level == 0 else f"RELEASE SAVEPOINT {name}")
        finally:
            self.depth -= 1
