"""pykata's stand-in for the few parts of pytest that unittest-style test files use; it is not
pytest. Tests are still collected as pykata's unittest checks collect them (`TestCase`
classes and `test_*` functions); fixtures, parametrization and pytest's runner do not exist.

- `pytest.mark.NAME(...)` and a bare `pytest.mark.NAME` decorate as no-ops (e.g. Exercism's
  `@pytest.mark.task(taskno=1)`), except `skip` and `skipif(condition, reason=...)`, which skip;
- `pytest.raises(Exception, match=None)` as a context manager (or called with a function and
  its arguments): fails the test unless the block raises that exception, whose message must
  match the regular expression `match`; the `ExceptionInfo` it gives has `type` and `value`;
- `pytest.skip(reason)` skips the test; `pytest.fail(reason)` fails it.
"""

import re as _re
import unittest as _unittest

__all__ = ["mark", "raises", "skip", "fail", "ExceptionInfo"]


class _Mark:
    """`pytest.mark.NAME`: a decorator used bare or with arguments."""

    def __init__(self, name, args=(), kwargs=None):
        self.name = name
        self.args = args
        self.kwargs = kwargs or {}

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return self._apply(args[0])  # decorating: bare, or after its arguments
        return _Mark(self.name, args, kwargs)

    def _apply(self, test):
        if self.name == "skip":
            return _unittest.skip(self.kwargs.get("reason", self.args[0] if self.args else ""))(test)
        if self.name == "skipif":
            condition = self.args[0] if self.args else self.kwargs.get("condition", False)
            if condition:
                return _unittest.skip(self.kwargs.get("reason", ""))(test)
        return test

    def __repr__(self):
        return f"<pytest.mark.{self.name}>"


class _Marks:
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Mark(name)


mark = _Marks()


class ExceptionInfo:
    """What `pytest.raises` caught: `type`, `value` and `tb` once the block has raised."""

    def __init__(self):
        self.type = self.value = self.tb = None

    def match(self, pattern):
        if not _re.search(pattern, str(self.value)):
            # Plain failure text, as unittest's own assertions give: this module is the learner's
            # to import, so it cannot raise pykata's keyed expectations (see pykata.py).
            raise AssertionError(
                f"{self.type.__name__} was raised, but its message {str(self.value)!r} does not match {pattern!r}"
            )
        return True

    def __repr__(self):
        return f"<ExceptionInfo {self.value!r}>"


def _names(expected):
    if isinstance(expected, tuple):
        return " or ".join(e.__name__ for e in expected)
    return expected.__name__


class _Raises:
    def __init__(self, expected, match):
        self.expected = expected
        self.pattern = match
        self.info = ExceptionInfo()

    def __enter__(self):
        return self.info

    def __exit__(self, kind, value, tb):
        if kind is None:
            raise AssertionError(f"expected {_names(self.expected)} to be raised, but nothing was raised")
        if not issubclass(kind, self.expected):
            return False
        self.info.type, self.info.value, self.info.tb = kind, value, tb
        if self.pattern is not None:
            self.info.match(self.pattern)
        return True


def raises(expected_exception, *args, match=None, **kwargs):
    """`with pytest.raises(ValueError, match="negative"):`, or `pytest.raises(E, func, *args)`."""
    context = _Raises(expected_exception, match)
    if not args:
        return context
    func, *rest = args
    with context:
        func(*rest, **kwargs)
    return context.info


def skip(reason=""):
    """Skip the running test."""
    raise _unittest.SkipTest(reason)


def fail(reason=""):
    """Fail the running test."""
    raise AssertionError(reason)
