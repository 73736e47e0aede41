# Acquires and immediately releases in __enter__, so the block runs unprotected.
# fails: acquires-on-enter
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        if not self.lock.acquire(timeout=self.timeout):
            raise TimeoutError("lock busy")
        self.lock.release()
        return self

    def __exit__(self, exc_type, exc, tb):
        return False
