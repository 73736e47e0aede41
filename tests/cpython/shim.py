# pykata's stand-in for CPython's `test` package, written for tests/cpython/run.mjs (which
# splits this file at the `# === module:` lines and loads each part as that module).
#
# CPython's own test.support needs subprocesses, the file system, sysconfig and _testcapi;
# pykata's engine has none of them. This shim offers the few helpers the chosen test files
# use, with CPython's semantics, and is loaded the same way in CPython 3.11, CPython 3.13 and
# pykata, so all three run identical code. What cannot work without an operating system
# (starting a Python subprocess) skips the test everywhere; a name the shim does not know
# skips the test that uses it (and is reported by the harness), never crashes the module.

# === module: test
__path__ = []

# === module: test.support
import contextlib
import functools
import gc
import sys
import unittest

__path__ = []

verbose = 0
Py_DEBUG = False
HAVE_DOCSTRINGS = True
MISSING_C_DOCSTRINGS = False
# The harness runs the same code everywhere: no test is skipped for being on WebAssembly.
is_emscripten = False
is_wasi = False
has_socket_support = True
C_RECURSION_LIMIT = 1500
SHORT_TIMEOUT = LONG_TIMEOUT = INTERNET_TIMEOUT = LOOPBACK_TIMEOUT = 30.0


class Error(Exception):
    """Base class for regression test exceptions."""


class TestFailed(Error):
    """Test failed."""


# Names the tests asked for that this shim does not define (the harness prints them).
MISSING_NAMES = []


class _Missing:
    """What an unknown `test.support` name gives: used as a decorator it skips the test, called
    inside a test it skips that test."""

    def __init__(self, name):
        self._name = name

    def _skip(self):
        return unittest.skip(f"test.support.{self._name} is not in pykata's shim")

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return self._skip()(args[0])
        raise unittest.SkipTest(f"test.support.{self._name} is not in pykata's shim")

    def __getattr__(self, attr):
        return _Missing(f"{self._name}.{attr}")

    def __enter__(self):
        raise unittest.SkipTest(f"test.support.{self._name} is not in pykata's shim")

    def __exit__(self, *exc):
        return False


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    MISSING_NAMES.append(name)
    return _Missing(name)


def cpython_only(test):
    """Tests of CPython's implementation details: skipped in every Python the harness runs."""
    return unittest.skip("CPython implementation detail (cpython_only)")(test)


def impl_detail(msg=None, **guards):
    if check_impl_detail(**guards):
        return lambda test: test
    return unittest.skip(msg or "implementation detail")


def _parse_guards(guards):
    if not guards:
        return ({"cpython": True}, False)
    is_true = list(guards.values())[0]
    assert list(guards.values()) == [is_true] * len(guards)
    return (guards, not is_true)


def check_impl_detail(**guards):
    """True if the running implementation is among `guards` (`cpython=True`...)."""
    guards, default = _parse_guards(guards)
    return guards.get(sys.implementation.name, default)


requires_docstrings = unittest.skipUnless(HAVE_DOCSTRINGS, "test requires docstrings")


def requires_resource(resource):
    """As under `python -m test` without `-u`: tests needing a resource are skipped."""
    return unittest.skip(f"resource {resource!r} is not enabled")


def requires_working_socket(*, module=False):
    """The harness claims sockets everywhere, so the tests show what pykata really does."""
    if module:
        return None
    return lambda test: test


def requires_subprocess():
    return unittest.skip("needs a subprocess")


def bigmemtest(size, memuse, dry_run=True):
    """As regrtest without `-M`: a dry run with a small size, or a skip."""

    def decorator(f):
        @functools.wraps(f)
        def wrapper(self):
            if not dry_run:
                raise unittest.SkipTest("not enough memory: bigmem tests are not enabled")
            return f(self, 5147)

        wrapper.size = size
        wrapper.memuse = memuse
        return wrapper

    return decorator


def gc_collect():
    gc.collect()
    gc.collect()
    gc.collect()


@contextlib.contextmanager
def disable_gc():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def captured_output(stream_name):
    import io

    orig_stdout = getattr(sys, stream_name)
    setattr(sys, stream_name, io.StringIO())
    try:
        yield getattr(sys, stream_name)
    finally:
        setattr(sys, stream_name, orig_stdout)


def captured_stdout():
    return captured_output("stdout")


def captured_stderr():
    return captured_output("stderr")


def captured_stdin():
    return captured_output("stdin")


@contextlib.contextmanager
def swap_attr(obj, attr, new_val):
    if hasattr(obj, attr):
        real_val = getattr(obj, attr)
        setattr(obj, attr, new_val)
        try:
            yield real_val
        finally:
            setattr(obj, attr, real_val)
    else:
        setattr(obj, attr, new_val)
        try:
            yield
        finally:
            if hasattr(obj, attr):
                delattr(obj, attr)


@contextlib.contextmanager
def swap_item(obj, item, new_val):
    if item in obj:
        real_val = obj[item]
        obj[item] = new_val
        try:
            yield real_val
        finally:
            obj[item] = real_val
    else:
        obj[item] = new_val
        try:
            yield
        finally:
            if item in obj:
                del obj[item]


def no_tracing(func):
    """Run `func` with no trace function set."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        original = sys.gettrace()
        try:
            sys.settrace(None)
            return func(*args, **kwargs)
        finally:
            sys.settrace(original)

    return wrapper


@contextlib.contextmanager
def infinite_recursion(max_depth=75):
    original = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max_depth)
        yield
    finally:
        sys.setrecursionlimit(original)


def setswitchinterval(interval):
    return sys.setswitchinterval(interval)


def check_disallow_instantiation(testcase, tp, *args, **kwds):
    import re

    qualname = f"{tp.__module__}.{tp.__name__}" if tp.__module__ != "builtins" else tp.__name__
    msg = f"cannot create '{re.escape(qualname)}' instances"
    testcase.assertRaisesRegex(TypeError, msg, tp, *args, **kwds)


class catch_unraisable_exception:
    """Context manager catching an unraisable exception through `sys.unraisablehook`."""

    def __init__(self):
        self.unraisable = None
        self._old_hook = None

    def _hook(self, unraisable):
        self.unraisable = unraisable

    def __enter__(self):
        self._old_hook = sys.unraisablehook
        sys.unraisablehook = self._hook
        return self

    def __exit__(self, *exc_info):
        sys.unraisablehook = self._old_hook
        del self.unraisable


class SuppressCrashReport:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# === module: test.support.os_helper
import os
import unittest

TESTFN_ASCII = "@test_harness_tmp"
TESTFN = TESTFN_ASCII
TESTFN_UNICODE = TESTFN_ASCII + "-\xe0\xf2\u0258\u0141\u011f"


def unlink(filename):
    try:
        os.unlink(filename)
    except (FileNotFoundError, NotADirectoryError):
        pass


def rmtree(path):
    import shutil

    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        pass


def __getattr__(name):
    from test import support

    return getattr(support, name)


# === module: test.support.import_helper
import importlib
import sys
import unittest


def import_module(name, deprecated=False, *, required_on=()):
    """Import `name`, or skip the test (or module) if it cannot be imported."""
    try:
        return importlib.import_module(name)
    except ImportError as msg:
        raise unittest.SkipTest(str(msg))


def _save_and_remove_modules(names):
    orig_modules = {}
    prefixes = tuple(name + "." for name in names)
    for modname in list(sys.modules):
        if modname in names or modname.startswith(prefixes):
            orig_modules[modname] = sys.modules.pop(modname)
    return orig_modules


def import_fresh_module(name, fresh=(), blocked=(), *, deprecated=False, usefrozen=False):
    """Import `name` afresh, with the modules in `fresh` imported afresh first and those in
    `blocked` made unimportable; None if one of `fresh` cannot be imported."""
    fresh = list(fresh)
    blocked = list(blocked)
    names = {name, *fresh, *blocked}
    orig_modules = _save_and_remove_modules(names)
    for modname in blocked:
        sys.modules[modname] = None
    try:
        try:
            for modname in fresh:
                __import__(modname)
        except ImportError:
            return None
        return importlib.import_module(name)
    finally:
        _save_and_remove_modules(names)
        sys.modules.update(orig_modules)


def __getattr__(name):
    from test import support

    return getattr(support, name)


# === module: test.support.warnings_helper
import contextlib
import re
import sys
import warnings


class WarningsRecorder(object):
    """The warnings caught by `check_warnings`."""

    def __init__(self, warnings_list):
        self._warnings = warnings_list
        self._last = 0

    def __getattr__(self, attr):
        if len(self._warnings) > self._last:
            return getattr(self._warnings[-1], attr)
        elif attr in warnings.WarningMessage._WARNING_DETAILS:
            return None
        raise AttributeError("%r has no attribute %r" % (self, attr))

    @property
    def warnings(self):
        return self._warnings[self._last :]

    def reset(self):
        self._last = len(self._warnings)


@contextlib.contextmanager
def _filterwarnings(filters, quiet=False):
    frame = sys._getframe(2)
    registry = frame.f_globals.get("__warningregistry__")
    if registry:
        registry.clear()
    with warnings.catch_warnings(record=True) as w:
        sys.modules["warnings"].simplefilter("always")
        yield WarningsRecorder(w)
    reraise = list(w)
    missing = []
    for msg, cat in filters:
        seen = False
        for caught in reraise[:]:
            warning = caught.message
            if re.match(msg, str(warning), re.I) and issubclass(warning.__class__, cat):
                seen = True
                reraise.remove(caught)
        if not seen and not quiet:
            missing.append((msg, cat.__name__))
    if reraise:
        raise AssertionError("unhandled warning %s" % reraise[0])
    if missing:
        raise AssertionError("filter (%r, %s) did not catch any warning" % missing[0])


def check_warnings(*filters, **kwargs):
    """Catch the warnings raised inside the `with`, checking each filter caught one."""
    quiet = kwargs.get("quiet")
    if not filters:
        filters = (("", Warning),)
        if quiet is None:
            quiet = True
    return _filterwarnings(filters, quiet)


def __getattr__(name):
    from test import support

    return getattr(support, name)


# === module: test.support.script_helper
import unittest


def _no_subprocess(*args, **kwargs):
    raise unittest.SkipTest("needs a Python subprocess")


assert_python_ok = assert_python_failure = spawn_python = run_python_until_end = _no_subprocess


def __getattr__(name):
    from test import support

    return getattr(support, name)


# === module: test.support.threading_helper
import contextlib
import threading


def requires_working_threading(*, module=False):
    """The harness claims threads everywhere, so the tests show what pykata really does."""
    if module:
        return None
    return lambda test: test


def reap_threads(func):
    return func


@contextlib.contextmanager
def start_threads(threads, unlock=None):
    threads = list(threads)
    started = []
    try:
        for t in threads:
            t.start()
            started.append(t)
        yield
    finally:
        try:
            if unlock:
                unlock()
        finally:
            for t in started:
                t.join()


def __getattr__(name):
    from test import support

    return getattr(support, name)
