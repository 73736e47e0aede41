# Silently skips the call instead of raising.
# fails: blocks-over-limit
import collections
import functools
import time


class RateLimitExceeded(Exception):
    """Raised when a rate-limited function is called too often."""


def rate_limit(calls, per_seconds):
    """Let at most `calls` calls of the decorated function through per `per_seconds` seconds."""

    def decorator(func):
        accepted = collections.deque()  # times of the accepted calls, oldest first

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            now = time.monotonic()
            while accepted and now - accepted[0] >= per_seconds:
                accepted.popleft()
            if len(accepted) >= calls:
                return None
            accepted.append(now)
            return func(*args, **kwargs)

        return wrapper

    return decorator
