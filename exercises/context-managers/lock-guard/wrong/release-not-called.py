# Writes `self.lock.release` without parentheses: the method is looked up but never called.
# fails: releases-after-block
class LockGuard:
    def __init__(self, lock, timeout=-1):
        self.lock = lock
        self.timeout = timeout

    def __enter__(self):
        if not self.lock.acquire(timeout=self.timeout):
            raise TimeoutError("lock busy")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.lock.release
        return False
