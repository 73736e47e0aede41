import functools
import warnings


def deprecated(reason):
    """Make the decorated function emit a DeprecationWarning on its first call."""
    # Return a decorator; its wrapper warns (once) and then calls the function.
