# Counts calls in fixed windows that reset every per_seconds, instead of a sliding window.
# fails: window-slides
import collections
import functools
import time


class RateLimitExceeded(Exception):
    """Raised when a rate-limited function is called too often."""


def rate_limit(calls, per_seconds):
    """Let at most `calls` calls of the decorated function through per `per_seconds` seconds."""

    def decorator(func):
        window = {"start": None, "count": 0}

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            now = time.monotonic()
            if window["start"] is None or now - window["start"] >= per_seconds:
                window["start"] = now
                window["count"] = 0
            if window["count"] >= calls:
                raise RateLimitExceeded(f"{func.__name__}: more than {calls} calls in {per_seconds}s")
            window["count"] += 1
            return func(*args, **kwargs)

        return wrapper

    return decorator
