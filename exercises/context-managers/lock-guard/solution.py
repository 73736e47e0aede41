class LockGuard:
    """Hold `lock` for the duration of a with block."""

    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        if not self.lock.acquire(timeout=self.timeout):
            raise TimeoutError(f"could not acquire the lock within {self.timeout} seconds")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.lock.release()
        return False
