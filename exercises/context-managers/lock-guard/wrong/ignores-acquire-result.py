# Ignores what acquire returns, so the block runs without the lock when it timed out.
# fails: times-out
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        self.lock.acquire(timeout=self.timeout)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.lock.release()
        return False
