import functools
import time


def retry(times, delay, exceptions=(Exception,)):
    """Call the decorated function up to `times` times, waiting delay, 2*delay, ... between attempts."""
    # Return a decorator; its wrapper loops over the attempts.
