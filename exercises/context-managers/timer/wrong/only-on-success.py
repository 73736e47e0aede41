# Records the time only when the block succeeds.
# fails: measures-on-error
import time


class Timer:
    def __init__(self, clock=time.perf_counter):
        self.clock = clock
        self.elapsed = None

    def __enter__(self):
        self.start = self.clock()
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.elapsed = self.clock() - self.start
        return False
