import functools
import time


def timer(func):
    """Print how long each call of `func` takes."""
    # Define a wrapper that reads time.perf_counter() before and after the call.
