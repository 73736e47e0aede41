import functools
import logging

logger = logging.getLogger("app")


def log(func=None, *, level=logging.INFO):
    """Log each call of the decorated function; usable as @log, @log() and @log(level=...)."""
    # Build the decorator, then decide: was `log` given the function itself, or called with parentheses?
