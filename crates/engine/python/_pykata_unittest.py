"""Unittest-style checks: the learner's code imported as module `solution`, then each test of
the check's module (`unittest.TestCase` methods and plain `test_*` functions) run and reported
on its own. Imported by the runner only when such a check runs."""

import builtins
import time
import types
import unittest
from unittest import FunctionTestCase, TestCase, TestLoader, TestResult  # frozen with this module

import _pykata_guard as _guard
import _pykata_modules as _exercise_modules
from _pykata_capture import Streams as _Streams
from _pykata_checks import HELPERS as _HELPERS, STRICT_EQUAL as _STRICT_EQUAL, exec_check as _exec_check
from _pykata_describe import answer as _answer, failed as _failed, learner_frames as _learner_frames, raised as _raised
from _pykata_learner import load_learner as _load_learner

__builtins__ = dict(builtins.__dict__)

# The clock each test is timed by: taken now, after the engine's start replaced the `time`
# functions that trap on wasm32, and before any learner code could patch `time`.
_clock = time.perf_counter


def _strict_equal(self, first, second, msg=None):
    """unittest's assertEqual with the guard's strict equality: unittest's own message (with
    its diffs) when it sees the difference, a plain one when a lying `__eq__` fooled it."""
    if _guard.strict_equal(first, second):
        return
    self._getAssertEqualityFunc(first, second)(first, second, msg=msg)
    raise self.failureException(self._formatMessage(msg, f"{first!r} != {second!r}"))


def _strict_not_equal(self, first, second, msg=None):
    if _guard.strict_equal(first, second):
        standard = f"{first!r} == {second!r}"
        raise self.failureException(self._formatMessage(msg, standard))


TestCase.assertEqual = _strict_equal
TestCase.assertNotEqual = _strict_not_equal


class _CaseResult(unittest.TestResult):
    """Keeps the exception itself (not a formatted traceback) of a failing test."""

    def __init__(self):
        super().__init__()
        self.exception = None

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.exception = err[1]

    def addError(self, test, err):
        super().addError(test, err)
        self.exception = err[1]

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None and self.exception is None:
            self.exception = err[1]


def _test_cases(scope):
    """(name, callable running it into a _CaseResult) for each test, in definition order."""
    loader = unittest.TestLoader()
    seen = []  # a class or function bound to two names runs once
    for name, value in list(scope.items()):
        if any(value is earlier for earlier in seen):
            continue
        if isinstance(value, type) and issubclass(value, unittest.TestCase) and value is not unittest.TestCase:
            seen.append(value)
            for method in loader.getTestCaseNames(value):
                yield f"{name}.{method}", value(method)
        elif (
            name.startswith("test")
            and isinstance(value, types.FunctionType)
            and getattr(value, "__module__", None) == "tests"  # the check's own, not a learner's `test_…`
        ):
            seen.append(value)
            yield name, unittest.FunctionTestCase(value)


def _case(name, started, answer):
    """`answer` as the case `name`, with how long it took since `started` (by `_clock`)."""
    answer["name"] = name
    answer["duration_ms"] = max(0.0, (_clock() - started) * 1000.0)
    return answer


def run(request):
    """Import the learner's code as module `solution`, run each test of the check's module."""
    source = request["source"]
    loading = _Streams(request.get("stdin"))
    with loading:
        # Hook: the exercise's helper modules, fresh for this check, before the learner's code.
        problem = _exercise_modules.install_helpers(request)
        if problem is not None:
            return _answer("error", problem)
        try:
            module = _load_learner(source, "solution")
        except BaseException as exc:
            return _raised(exc, source, loading.output(), "load")
    _guard.restore()
    # Hook: the learner's module under the check's `module` name too, and pytest's stand-in.
    _exercise_modules.install_for_tests(request, module)
    scope = {"__name__": "tests", "__builtins__": dict(_guard.BUILTINS), _STRICT_EQUAL: _guard.strict_equal}
    scope.update(_HELPERS)
    scope.update({k: v for k, v in module.__dict__.items() if not k.startswith("__")})
    try:
        _exec_check(request, scope)
    except BaseException as exc:
        return _raised(exc, source, "", "tests")
    cases = []
    for name, case in _test_cases(scope):
        streams = _Streams(None)
        result = _CaseResult()
        started = _clock()
        with streams:
            try:
                case.run(result)
            except BaseException as exc:  # unittest lets KeyboardInterrupt (a time budget) through
                cases.append(_case(name, started, _raised(exc, source, streams.output())))
                break
        _guard.restore()
        if isinstance(result.exception, KeyboardInterrupt):  # how running out of time shows
            cases.append(_case(name, started, _raised(result.exception, source, streams.output())))
            break
        if result.skipped:
            continue  # a skipped test is not reported: it neither passes nor fails
        if result.exception is None:
            answer = _answer("pass", output=streams.output())
        elif isinstance(result.exception, AssertionError) and not _learner_frames(result.exception.__traceback__):
            answer = _answer("fail", _failed(result.exception), streams.output())
        else:
            answer = _raised(result.exception, source, streams.output())
        cases.append(_case(name, started, answer))
    if not cases:
        return _answer("error", {"kind": "no_tests"})
    worst = "error" if any(c["status"] == "error" for c in cases) else "fail" if any(c["status"] == "fail" for c in cases) else "pass"
    answer = _answer(worst)
    answer["cases"] = cases
    return answer
