# Sleeps after every failure, the last one included, then raises.
# fails: no-sleep-after-last
import functools
import time


def retry(times, delay, exceptions=(Exception,)):
    """Call the decorated function up to `times` times, waiting delay, 2*delay, ... between attempts."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            wait = delay
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except exceptions as error:
                    last_error = error
                    time.sleep(wait)
                    wait *= 2
            raise last_error

        return wrapper

    return decorator
