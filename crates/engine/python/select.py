"""A stand-in for the `select` module: pykata runs learner code with no operating system. The
only file descriptors are the ends of `socket.socketpair()` (the `_socket` stand-in), which
`asyncio`'s event loops wake themselves with; `selectors` (and through it `asyncio`) waits on
them here."""

import time as _time

import _socket

error = OSError


def select(rlist, wlist, xlist, timeout=None):
    """The descriptors of `rlist` with something to read, every one of `wlist` (an in-memory
    pipe never fills) and none of `xlist`; if there is none, sleep `timeout` seconds (for ever
    if None, as CPython would with nothing to wake it: the time budget ends that)."""
    fds = lambda items: [item if isinstance(item, int) else item.fileno() for item in items]
    readable = [item for item, fd in zip(rlist, fds(rlist)) if _socket._readable(fd)]
    writable = list(wlist)
    if readable or writable:
        return readable, writable, []
    if timeout is None:
        # Nothing else runs while this waits: nothing could ever become ready.
        while True:
            _time.sleep(0.05)
    if timeout < 0:
        raise ValueError("timeout must be non-negative")
    _time.sleep(timeout)
    return [], [], []


# A builtin function does not bind as a method, and `selectors.SelectSelector` keeps this one
# as a class attribute: neither may this one.
select = staticmethod(select)
