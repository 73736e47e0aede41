# Acquires the lock in __init__: creating the guard already takes it, and a second `with` deadlocks or fails.
# fails: acquires-on-enter
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout
        if not self.lock.acquire(timeout=timeout):
            raise TimeoutError("lock busy")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.lock.release()
        return False
