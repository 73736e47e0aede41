# Passes the timeout positionally, where acquire expects `blocking`: the timeout is never applied.
# fails: passes-timeout
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        if not self.lock.acquire(self.timeout):
            raise TimeoutError("lock busy")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.lock.release()
        return False
