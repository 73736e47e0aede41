# The program tests/cpython/run.mjs runs, identically, in CPython 3.11, CPython 3.13 and
# pykata's wasm engine: one CPython test module with the shimmed `test` package, run by
# unittest. run.mjs fills in the four names below. Every module the test needs is carried in the
# program as text and loaded into `sys.modules`. pykata's files are in memory and empty when a
# program starts, so where the test files are not on disk the harness writes them there, with
# their folder's subfolders (empty), as a CPython installation has them.
#
# stdin: "START ONE BUDGET MAXBYTES": run the tests from index START (in the loader's order),
# only one if ONE is 1, and stop starting new ones after BUDGET seconds or MAXBYTES of output
# (pykata keeps 64 KiB of a program's output). Each line of output is a marker and JSON:
#   T n          the module has n tests          S i   test i starts
#   R {...}      a test's outcome                F {}  a class or module fixture's error
#   M {...}      the module did not load         Y i   stopped for the budget: resume at i
#   A [...]      placeholder modules used        U [...] shim names the tests asked for
#   E            every selected test ran
import io
import json
import sys
import time
import traceback
import types
import unittest

SOURCES = __SOURCES__  # [[module name, file name, text, is package]], in load order
TARGET = __TARGET__  # the module under test
ABSENT = __ABSENT__  # modules replaced by a placeholder if this Python does not have them
FOLDERS = __FOLDERS__  # the test folder's subfolders

START, ONE, BUDGET, MAXBYTES = sys.stdin.read().split()
START, ONE, BUDGET, MAXBYTES = int(START), ONE == "1", float(BUDGET), int(MAXBYTES)
OUT = sys.stdout
T0 = time.time()
written = [0]


def emit(marker, value=None):
    line = marker if value is None else f"{marker} {json.dumps(value)}"
    OUT.write(line + "\n")
    OUT.flush()
    written[0] += len(line) + 1


# A module this Python lacks (pykata has no pickle, doctest, tempfile, asyncio, unittest.mock)
# would stop the whole test module at its `import`. The placeholder lets the module load; any
# use of it raises ModuleNotFoundError, so exactly the tests that need it fail. It is reached
# only after every real finder failed: CPython never sees it.
USED_ABSENT = []


class _AbsentModule(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        raise ModuleNotFoundError(f"No module named '{self.__name__}' (harness placeholder; .{attr} used)")


class _AbsentFinder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name not in ABSENT:
            return None
        import importlib.machinery

        USED_ABSENT.append(name)
        return importlib.machinery.ModuleSpec(name, cls, is_package=True)

    @staticmethod
    def create_module(spec):
        return _AbsentModule(spec.name)

    @staticmethod
    def exec_module(module):
        pass


sys.meta_path.append(_AbsentFinder)


class _Source:
    """A module's `__loader__`: linecache (so traceback and inspect) reads its lines here."""

    def __init__(self, text):
        self._text = text

    def get_source(self, _name):
        return self._text


def lay_out(filename, text):
    """Write a test file where it is missing (in pykata), with the test folder's subfolders."""
    import os

    if os.path.isabs(filename) and not os.path.exists(filename):
        os.makedirs(os.path.dirname(filename), exist_ok=True)
        with open(filename, "w") as file:
            file.write(text)
        for folder in FOLDERS:
            os.makedirs(folder, exist_ok=True)


def load(name, filename, text, is_package):
    lay_out(filename, text)
    module = types.ModuleType(name)
    module.__file__ = filename
    module.__loader__ = _Source(text)
    if is_package:
        module.__path__ = []
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    exec(compile(text, filename, "exec"), module.__dict__)
    return module


def flatten(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from flatten(test)
        else:
            yield test


def first_line(err):
    try:
        lines = traceback.format_exception_only(err[0], err[1])
        text = "".join(lines).strip()
        if isinstance(err[1], SyntaxError):
            return text.splitlines()[-1]
        return text.splitlines()[0] if text else err[0].__name__
    except BaseException:
        return getattr(err[0], "__name__", "an exception")


class Result(unittest.TestResult):
    """Records one outcome per test: the worst of its parts (subtests included)."""

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.current = None

    def _note(self, test, outcome, err=None, reason=None):
        if id(test) not in self.index:
            # A class or module fixture (setUpClass, setUpModule) failed or skipped.
            value = {"id": str(test), "o": outcome}
            if err is not None:
                value["msg"] = first_line(err)
                value["tb"] = self._tb(err, test)
            if reason is not None:
                value["msg"] = str(reason)
            emit("F", value)
            return
        state = self.current
        rank = {"pass": 0, "skip": 1, "fail": 2, "error": 3}
        if state["o"] is None or rank[outcome] > rank[state["o"]]:
            state["o"] = outcome
            if err is not None:
                state["msg"] = first_line(err)
                state["tb"] = self._tb(err, test)
            elif reason is not None:
                state["msg"] = str(reason)

    def _tb(self, err, test):
        try:
            text = self._exc_info_to_string(err, test)
        except BaseException:
            text = first_line(err)
        return text if len(text) <= 2500 else "…" + text[-2500:]

    def startTest(self, test):
        super().startTest(test)
        sys.stdout = sys.stderr = io.StringIO()  # what the test prints goes nowhere
        self.current = {"id": test.id(), "o": None}
        emit("S", self.index[id(test)])

    def stopTest(self, test):
        super().stopTest(test)
        state = self.current
        if state["o"] is None:
            state["o"] = "fail"  # only a subtest reported, and it failed
            state.setdefault("msg", "a subtest failed")
        emit("R", state)
        if ONE or time.time() - T0 > BUDGET or written[0] > MAXBYTES:
            emit("Y", self.index[id(test)] + 1)
            self.stop()

    def addSuccess(self, test):
        super().addSuccess(test)
        self.current["o"] = self.current["o"] or "pass"

    def addError(self, test, err):
        super().addError(test, err)
        self._note(test, "error", err=err)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._note(test, "fail", err=err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._note(test, "skip", reason=reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._note(test, "pass")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.current["msg"] = "unexpected success"
        self._note(test, "fail")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            failure = issubclass(err[0], test.failureException)
            self._note(test, "fail" if failure else "error", err=err)


def main():
    try:
        for name, filename, text, is_package in SOURCES:
            module = load(name, filename, text, is_package)
    except unittest.SkipTest as exc:
        emit("M", {"o": "skip", "msg": f"{name}: {exc}"})
        return
    except BaseException as exc:
        err = (type(exc), exc, exc.__traceback__)
        emit("M", {"o": "error", "msg": f"{name}: {first_line(err)}", "tb": "".join(traceback.format_exception(*err))[-2500:]})
        return
    finally:
        emit("A", sorted(set(USED_ABSENT)))
    loader = unittest.TestLoader()
    tests = list(flatten(loader.loadTestsFromModule(module)))
    for error in loader.errors:
        emit("F", {"id": "loader", "o": "error", "msg": error.strip().splitlines()[-1], "tb": error[-2500:]})
    if loader.errors and hasattr(module, "load_tests"):
        # The module's load_tests failed (test_generators' adds doctests, and pykata has no
        # doctest): unittest would then run nothing else. Run its TestCase classes as unittest
        # loads them without load_tests; the tests load_tests adds count as not loaded.
        plain = types.ModuleType(module.__name__)
        plain.__dict__.update(module.__dict__)
        del plain.load_tests
        tests = [test for test in flatten(unittest.TestLoader().loadTestsFromModule(plain))
                 if not isinstance(test, unittest.loader._FailedTest)]
    emit("T", len(tests))
    selected = tests[START:]
    result = Result({id(test): START + i for i, test in enumerate(selected)})
    saved = sys.stdout, sys.stderr
    try:
        unittest.TestSuite(selected).run(result)
    finally:
        sys.stdout, sys.stderr = saved
    emit("U", sorted(set(sys.modules["test.support"].MISSING_NAMES)))
    if not result.shouldStop:
        emit("E")


main()
