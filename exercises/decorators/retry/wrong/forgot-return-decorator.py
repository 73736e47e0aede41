# Returns the wrapper from decorator, but forgets to return decorator from retry.
# fails: is-factory
import functools
import time


def retry(times, delay, exceptions=(Exception,)):
    """Call the decorated function up to `times` times, waiting delay, 2*delay, ... between attempts."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            wait = delay
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                    time.sleep(wait)
                    wait *= 2

        return wrapper
