"""A stand-in for the `_posixsubprocess` module: pykata runs learner code with no operating
system, so no process can be started. `subprocess` (which `asyncio` imports) accepts it."""


def fork_exec(*args, **kwargs):
    raise OSError("subprocesses are not available in pykata: there is no operating system here")
