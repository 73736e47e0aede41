# Writes `clock=time.perf_counter()` with parentheses: the default is one fixed number, not a clock.
# fails: default-clock
import time


class Timer:
    def __init__(self, clock=time.perf_counter()):
        self.clock = clock
        self.elapsed = None

    def __enter__(self):
        self.start = self.clock()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = self.clock() - self.start
        return False
