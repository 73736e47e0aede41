# Returns True from __exit__, which hides every error raised while the lock was held.
# fails: propagates-error
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        if not self.lock.acquire(timeout=self.timeout):
            raise TimeoutError("lock busy")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.lock.release()
        return True
