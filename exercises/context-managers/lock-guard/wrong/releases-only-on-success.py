# Releases the lock only when the block succeeds: one exception and the lock is stuck forever.
# fails: releases-on-error
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        if not self.lock.acquire(timeout=self.timeout):
            raise TimeoutError("lock busy")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.lock.release()
        return False
