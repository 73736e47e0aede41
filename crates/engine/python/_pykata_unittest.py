"""Unittest-style checks: the learner's code imported as module `solution`, then each test of
the check's module (`unittest.TestCase` methods and plain `test_*` functions) run and reported
on its own. Imported by the runner only when such a check runs."""

import sys
import types
import unittest

from _pykata_runner import (
    CHECK_FILE,
    LEARNER_FILE,
    BudgetExceeded,
    _HELPERS,
    _Streams,
    _answer,
    _describe,
    _learner_frames,
)


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
    for name, value in list(scope.items()):
        if isinstance(value, type) and issubclass(value, unittest.TestCase) and value is not unittest.TestCase:
            for method in loader.getTestCaseNames(value):
                yield f"{name}.{method}", value(method)
        elif name.startswith("test") and callable(value) and isinstance(value, types.FunctionType):
            yield name, unittest.FunctionTestCase(value)


def run(request):
    """Import the learner's code as module `solution`, run each test of the check's module."""
    source = request["source"]
    loading = _Streams(request.get("stdin"))
    module = types.ModuleType("solution")
    module.__file__ = LEARNER_FILE
    with loading:
        try:
            exec(compile(source, LEARNER_FILE, "exec"), module.__dict__)
        except BudgetExceeded:
            return _answer("error", output=loading.output(), budget="time")
        except BaseException as exc:
            text, line = _describe(exc, source)
            return _answer("error", f"Your code raised an exception while being loaded:\n{text}", loading.output(), line)
    sys.modules["solution"] = module
    scope = {"__name__": "tests"}
    scope.update(_HELPERS)
    scope.update({k: v for k, v in module.__dict__.items() if not k.startswith("__")})
    try:
        exec(compile(request["code"], CHECK_FILE, "exec"), scope)
    except BudgetExceeded:
        return _answer("error", budget="time")
    except BaseException as exc:
        text, line = _describe(exc, source)
        return _answer("error", f"The tests could not be loaded:\n{text}", line=line)
    cases = []
    for name, case in _test_cases(scope):
        streams = _Streams(None)
        result = _CaseResult()
        with streams:
            try:
                case.run(result)
            except BudgetExceeded:
                cases.append(dict(_answer("error", output=streams.output(), budget="time"), name=name))
                break
        if isinstance(result.exception, BudgetExceeded):  # unittest records it as an error
            cases.append(dict(_answer("error", output=streams.output(), budget="time"), name=name))
            break
        if result.skipped:
            continue  # a skipped test is not reported: it neither passes nor fails
        if result.exception is None:
            cases.append(dict(_answer("pass", output=streams.output()), name=name))
        elif isinstance(result.exception, AssertionError) and not _learner_frames(result.exception.__traceback__):
            cases.append(dict(_answer("fail", str(result.exception) or None, streams.output()), name=name))
        else:
            text, line = _describe(result.exception, source)
            cases.append(dict(_answer("error", f"Your code raised an exception:\n{text}", streams.output(), line), name=name))
    if not cases:
        return _answer("error", "The unittest check has no tests (TestCase classes or test_* functions).")
    worst = "error" if any(c["status"] == "error" for c in cases) else "fail" if any(c["status"] == "fail" for c in cases) else "pass"
    answer = _answer(worst)
    answer["cases"] = cases
    return answer
