# Retries exactly once, whatever `times` says.
# fails: retries-until-success
import functools
import time


def retry(times, delay, exceptions=(Exception,)):
    """Call the decorated function up to `times` times, waiting delay, 2*delay, ... between attempts."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except exceptions:
                time.sleep(delay)
                return func(*args, **kwargs)

        return wrapper

    return decorator
