import collections
import functools
import time


class RateLimitExceeded(Exception):
    """Raised when a rate-limited function is called too often."""


def rate_limit(calls, per_seconds):
    """Let at most `calls` calls of the decorated function through per `per_seconds` seconds."""
    # Return a decorator; it keeps the times of the accepted calls, and its wrapper checks them.
