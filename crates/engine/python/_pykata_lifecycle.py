"""The interpreter settings pykata holds for learner code (the recursion cap, the int-to-str
digit limit, on wasm32 a clock that does not trap and the `errno` codes that build lacks, what
the threadless `_thread`'s `RLock` lacks) and pykata's own imports on first need."""

import sys as _sys

import _pykata_guard as _guard

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)


# pykata's own modules, hidden from `sys.modules` (set by `configure`, from the engine).
_private_modules = ()


def configure(private_modules, recursion_limit, host_clock):
    """Take the engine's settings, once, before any learner code runs."""
    global _private_modules
    _private_modules = private_modules
    import _pykata_errno
    import errno

    _pykata_errno.complete(errno)
    complete_rlock()
    if host_clock:
        install_host_clock()
    cap_recursion(recursion_limit)


# name -> module, for the modules `trusted_import` imported.
_imported = {}


def trusted_import(name):
    """The module `name`, imported for pykata's own use on first need rather than at start
    (unittest, and traceback with the inspect and dataclasses it brings, are slow to import),
    then trusted like everything imported before learner code ran."""
    module = _imported.get(name)
    if module is None:
        learner_limit = _get_recursion_limit()
        _set_recursion_limit(_recursion_limit)
        try:
            module = _imported[name] = _guard.import_trusted(name, hide=_private_modules)
        finally:
            _set_recursion_limit(learner_limit)
    return module


def cap_recursion(limit):
    """Set the recursion limit, and keep learner code from raising it past `limit` (deep
    recursion through native code would overflow the host's stack before Python noticed)."""
    global _set_recursion_limit, _get_recursion_limit, _recursion_limit
    _set_recursion_limit = set_limit = _sys.setrecursionlimit
    _get_recursion_limit = _sys.getrecursionlimit
    _recursion_limit = limit
    set_limit(limit)

    def setrecursionlimit(wanted):
        set_limit(min(wanted, limit))

    _sys.setrecursionlimit = setrecursionlimit

_set_int_max_str_digits = getattr(_sys, "set_int_max_str_digits", None)

_INT_MAX_STR_DIGITS = _sys.get_int_max_str_digits() if _set_int_max_str_digits is not None else None


def reset_limits():
    """Put back the recursion and digit limits learner code may have changed."""
    _set_recursion_limit(_recursion_limit)
    if _set_int_max_str_digits is not None:
        _set_int_max_str_digits(_INT_MAX_STR_DIGITS)


def complete_rlock():
    """Give the `RLock` of RustPython's `_thread` (its stand-in for a build without threads)
    what CPython's has and `threading.Condition` relies on: whether the lock is held by the
    current thread — here the only one — and how many times."""
    import _thread

    lock = _thread.RLock
    if not hasattr(lock, "_is_owned"):

        def _is_owned(self):
            return self.locked_count != 0

        def _recursion_count(self):
            return self.locked_count

        lock._is_owned = _is_owned
        lock._recursion_count = _recursion_count


def install_host_clock():
    """Replace the `time` functions that trap on wasm32-unknown-unknown with ones built on
    `time.time()`, and keep the native `_datetime` (whose `now()` traps there too) from loading:
    `datetime` then is the standard library's pure-Python `_pydatetime`, which asks `time`."""
    import time

    _sys.modules["_datetime"] = None
    wall = time.time
    # The CPU clocks are missing there (NotImplementedError): the wall clock stands in for them.
    time.perf_counter = time.monotonic = time.process_time = time.thread_time = wall
    time.perf_counter_ns = time.monotonic_ns = time.time_ns = lambda: int(wall() * 1e9)
    time.process_time_ns = time.thread_time_ns = time.time_ns
    if not hasattr(time, "get_clock_info"):
        from types import SimpleNamespace

        def get_clock_info(name):
            """Every clock is JavaScript's: milliseconds, and it may be adjusted."""
            if name not in ("monotonic", "perf_counter", "process_time", "thread_time", "time"):
                raise ValueError("unknown clock")
            return SimpleNamespace(implementation="Date.now()", monotonic=False, adjustable=True, resolution=1e-3)

        time.get_clock_info = get_clock_info

    def sleep(seconds):
        end = wall() + seconds
        while wall() < end:
            pass

    time.sleep = sleep

    def tzset():
        """Set `timezone`, `altzone`, `daylight` and `tzname` from the local time zone (here
        the browser's), as CPython derives them where the C library does not say: the zone's
        offset and name at the start of this year and half a year later, the one further west
        of UTC being standard time."""
        year = (365 * 24 + 6) * 3600
        start = int(wall()) // year * year
        january, july = time.localtime(start), time.localtime(start + year // 2)
        standard, summer = (july, january) if january.tm_gmtoff > july.tm_gmtoff else (january, july)
        time.timezone = -standard.tm_gmtoff
        time.altzone = -summer.tm_gmtoff
        time.daylight = int(january.tm_gmtoff != july.tm_gmtoff)
        time.tzname = (standard.tm_zone, summer.tm_zone)

    # RustPython's `time` has these for Unix hosts only. They are made on first use in each
    # submission (asking the zone costs a Check 7 to 15 ms): the engine's pre-started image was
    # taken in another zone than the learner's, and the guard's `restore` drops them again
    # after the submission, as it drops whatever is added to a trusted module.
    def __getattr__(name):
        if name in _ZONE_ATTRIBUTES:
            tzset()
            return getattr(time, name)
        raise AttributeError(f"module 'time' has no attribute '{name}'")

    def __dir__():
        return sorted({*vars(time), *_ZONE_ATTRIBUTES})

    time.tzset = tzset
    time.__getattr__ = __getattr__
    time.__dir__ = __dir__


_ZONE_ATTRIBUTES = ("timezone", "altzone", "daylight", "tzname")
