# Reads the start time when the Timer is created, not when the block starts.
# fails: starts-on-enter
import time


class Timer:
    def __init__(self, clock=time.perf_counter):
        self.clock = clock
        self.start = clock()
        self.elapsed = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = self.clock() - self.start
        return False
