"""A stand-in for the `_signal` module: pykata runs learner code with no operating system,
so there are no signals to receive. `signal` (which `unittest` imports) accepts it."""

SIG_DFL = 0
SIG_IGN = 1
SIGINT = 2
SIGTERM = 15
NSIG = 65

_handlers = {}


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


def signal(signalnum, handler):
    """Record `handler`; nothing will ever call it."""
    previous = _handlers.get(signalnum, SIG_DFL)
    _handlers[signalnum] = handler
    return previous


def getsignal(signalnum):
    return _handlers.get(signalnum, default_int_handler if signalnum == SIGINT else SIG_DFL)
