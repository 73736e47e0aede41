"""The engine's Python half: runs learner code and one check at a time, answering in JSON.

The Rust engine calls `run_check`, `run_program` and `syntax_error` with a JSON request and reads
back a JSON answer. Learner code is compiled as `solution.py` so tracebacks point at the
learner's own lines; frames from checks and from this module are never shown.
"""

import sys as _sys

# pykata has no operating system: `posix` is a frozen stand-in, which `os` accepts only if it
# is listed as built in. This must happen before anything imports `os`.
if "posix" not in _sys.builtin_module_names:
    _sys.builtin_module_names = (*_sys.builtin_module_names, "posix")

import ast as _ast
import builtins as _builtins
import io as _io
import json as _json
import re as _re
import traceback as _traceback
import types as _types

import pykata as _helpers

LEARNER_FILE = "solution.py"
CHECK_FILE = "<check>"
OUTPUT_LIMIT = 64 * 1024

_BaseException = _builtins.BaseException
_exec = _builtins.exec
_compile = _builtins.compile
_SystemExit = _builtins.SystemExit
_SyntaxError = _builtins.SyntaxError
_AssertionError = _builtins.AssertionError
_CheckFailed = _helpers.CheckFailed
_HELPERS = {name: getattr(_helpers, name) for name in _helpers.__all__}


class BudgetExceeded(_BaseException):
    """Raised into running code by the engine when a time budget runs out."""


class _Capture:
    """A text stream that keeps at most OUTPUT_LIMIT characters and notes what it dropped."""

    def __init__(self):
        self._parts = []
        self._size = 0
        self.truncated = False

    def write(self, text):
        text = str(text)
        room = OUTPUT_LIMIT - self._size
        if len(text) > room:
            self.truncated = True
            text = text[:room]
        if text:
            self._parts.append(text)
            self._size += len(text)
        return len(text)

    def flush(self):
        pass

    def getvalue(self):
        return "".join(self._parts)


class _Streams:
    """Swaps sys.stdin/stdout/stderr (and the `__stdout__` originals, so learner code cannot
    reach the host's real output) for in-memory ones for the duration of a `with`."""

    def __init__(self, stdin):
        self.stdout = _Capture()
        self.stderr = _Capture()
        self._stdin = _io.StringIO(stdin or "")

    def __enter__(self):
        self._saved = (_sys.stdin, _sys.stdout, _sys.stderr, _sys.__stdin__, _sys.__stdout__, _sys.__stderr__)
        _sys.stdin, _sys.stdout, _sys.stderr = self._stdin, self.stdout, self.stderr
        _sys.__stdin__, _sys.__stdout__, _sys.__stderr__ = self._stdin, self.stdout, self.stderr
        return self

    def __exit__(self, *exc):
        (_sys.stdin, _sys.stdout, _sys.stderr, _sys.__stdin__, _sys.__stdout__, _sys.__stderr__) = self._saved
        return False

    def output(self):
        """Everything printed, stdout then stderr, with a notice if it was cut."""
        text = self.stdout.getvalue() + self.stderr.getvalue()
        if self.stdout.truncated or self.stderr.truncated:
            text += f"\n[output truncated after {OUTPUT_LIMIT} characters]"
        return text


def _learner_frames(tb):
    return [frame for frame in _traceback.extract_tb(tb) if frame.filename == LEARNER_FILE]


def _describe(exc, source):
    """A traceback limited to the learner's own frames, and the learner line it points at."""
    if isinstance(exc, _SyntaxError) and exc.filename == LEARNER_FILE:
        text = "".join(_traceback.format_exception_only(type(exc), exc)).rstrip()
        return text, exc.lineno
    lines = source.splitlines()
    frames = _learner_frames(exc.__traceback__)
    out = []
    if frames:
        out.append("Traceback (most recent call last):")
        for frame in frames:
            out.append(f'  File "{LEARNER_FILE}", line {frame.lineno}, in {frame.name}')
            if frame.lineno and 0 < frame.lineno <= len(lines):
                out.append("    " + lines[frame.lineno - 1].strip())
    out.extend(line.rstrip("\n") for line in _traceback.format_exception_only(type(exc), exc))
    return "\n".join(out), (frames[-1].lineno if frames else None)


# Memory addresses in default reprs (`<Foo object at 0x7f...>`) differ from run to run and
# host to host; reports show them as `0x…` so the same code always gets the same report.
_ADDRESS = _re.compile(r"\bat 0x[0-9a-fA-F]+")


def _hide_addresses(text):
    return _ADDRESS.sub("at 0x…", text) if text else text


def _answer(status, detail=None, output="", line=None, budget=None):
    return {
        "status": status,
        "detail": _hide_addresses(detail),
        "output": _hide_addresses(output),
        "line": line,
        "budget": budget,
    }


def _run_learner(source, name):
    """Execute the learner's source as module `name`, returning its namespace."""
    namespace = {"__name__": name, "__builtins__": _builtins, "__file__": LEARNER_FILE}
    _exec(_compile(source, LEARNER_FILE, "exec"), namespace)
    return namespace


def _exit_is_clean(exc):
    return exc.code is None or exc.code == 0


def _matches(mode, expected, actual):
    if mode == "regex":
        return _re.search(expected, actual, _re.MULTILINE) is not None
    if mode == "normalised":
        return _normalise(expected) == _normalise(actual)
    return expected == actual


def _normalise(text):
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(lines)


def _execute(request):
    """Run the learner's code, then the check's code, and judge the result."""
    kind = request["kind"]
    source = request["source"]
    streams = _Streams(request.get("stdin"))
    failure = None
    with streams:
        try:
            as_program = kind == "output" and not request.get("code")
            namespace = _run_learner(source, "__main__" if as_program else "solution")
        except BudgetExceeded:
            return _answer("error", output=streams.output(), budget="time")
        except _SystemExit as exc:
            if kind != "output" or not _exit_is_clean(exc):
                text, line = _describe(exc, source)
                return _answer("error", f"Your code exited while being loaded:\n{text}", streams.output(), line)
            namespace = None
        except _BaseException as exc:
            text, line = _describe(exc, source)
            return _answer("error", f"Your code raised an exception while being loaded:\n{text}", streams.output(), line)

        check_code = request.get("code")
        if check_code and namespace is not None:
            scope = dict(namespace)
            scope.update(_HELPERS)
            try:
                _exec(_compile(check_code, CHECK_FILE, "exec"), scope)
            except BudgetExceeded:
                return _answer("error", output=streams.output(), budget="time")
            except _CheckFailed as exc:
                failure = str(exc)
            except _AssertionError as exc:
                if _learner_frames(exc.__traceback__):
                    text, line = _describe(exc, source)
                    return _answer("error", f"Your code raised an exception:\n{text}", streams.output(), line)
                failure = str(exc) or ""
            except _BaseException as exc:
                text, line = _describe(exc, source)
                return _answer("error", f"Your code raised an exception:\n{text}", streams.output(), line)

    output = streams.output()
    if failure is not None:
        return _answer("fail", failure or None, output)
    if kind == "output":
        stdout = streams.stdout.getvalue()
        if not _matches(request.get("match", "exact"), request["expected"], stdout):
            return _answer("fail", None, output)
    return _answer("pass", None, output)


# Static rules: each construct name maps to the AST node types that count as using it.
_CONSTRUCTS = {
    "yield": (_ast.Yield, _ast.YieldFrom),
    "yield_from": (_ast.YieldFrom,),
    "with": (_ast.With, _ast.AsyncWith),
    "try": (_ast.Try,),
    "raise": (_ast.Raise,),
    "for": (_ast.For, _ast.AsyncFor),
    "while": (_ast.While,),
    "lambda": (_ast.Lambda,),
    "class": (_ast.ClassDef,),
    "return": (_ast.Return,),
    "comprehension": (_ast.ListComp, _ast.SetComp, _ast.DictComp, _ast.GeneratorExp),
    "generator_expression": (_ast.GeneratorExp,),
    "global": (_ast.Global,),
    "nonlocal": (_ast.Nonlocal,),
    "import": (_ast.Import, _ast.ImportFrom),
}


def _uses_decorator(node):
    return isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)) and bool(node.decorator_list)


def _dotted(node):
    if isinstance(node, _ast.Name):
        return node.id
    if isinstance(node, _ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return None


def _import_aliases(tree):
    """Local name -> full dotted name, from `import a.b as c` and `from a import b as c`."""
    aliases = {}
    for node in _ast.walk(tree):
        if isinstance(node, _ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, _ast.ImportFrom) and node.module:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _calls(tree):
    """(dotted name, line) of every call whose target is a plain or dotted name, with
    imported names resolved: after `from functools import wraps`, `wraps()` is `functools.wraps`."""
    aliases = _import_aliases(tree)
    for node in _ast.walk(tree):
        if isinstance(node, _ast.Call):
            name = _dotted(node.func)
            if name:
                head, dot, rest = name.partition(".")
                yield aliases.get(head, head) + dot + rest, node.lineno


def _call_matches(called, wanted):
    return called == wanted or called.endswith("." + wanted)


def _construct_lines(tree, construct):
    if construct == "decorator":
        return [node.lineno for node in _ast.walk(tree) if _uses_decorator(node)]
    kinds = _CONSTRUCTS[construct]
    return [node.lineno for node in _ast.walk(tree) if isinstance(node, kinds)]


def _static(request):
    """Judge the learner's source by AST rules, without running it."""
    source = request["source"]
    try:
        tree = _ast.parse(source, LEARNER_FILE)
    except _SyntaxError as exc:
        text, line = _describe(exc, source)
        return _answer("error", text, "", line)
    calls = list(_calls(tree))
    for construct in request.get("must_use", []):
        if not _construct_lines(tree, construct):
            return _answer("fail", f"Your code does not use `{construct.replace('_', ' ')}`.")
    for construct in request.get("must_not_use", []):
        lines = _construct_lines(tree, construct)
        if lines:
            return _answer("fail", f"Line {lines[0]} uses `{construct.replace('_', ' ')}`.", line=lines[0])
    for wanted in request.get("must_call", []):
        if not any(_call_matches(called, wanted) for called, _ in calls):
            return _answer("fail", f"Your code never calls `{wanted}()`.")
    for unwanted in request.get("must_not_call", []):
        for called, line in calls:
            if _call_matches(called, unwanted):
                return _answer("fail", f"Line {line} calls `{called}()`.", line=line)
    return _answer("pass")


def run_check(request_json):
    """Run one check described by `request_json`; answer JSON with status, detail, output, line,
    budget, and for unittest checks one answer per test in `cases`."""
    request = _json.loads(request_json)
    if request["kind"] == "static":
        return _json.dumps(_static(request))
    if request["kind"] == "unittest":
        import _pykata_unittest  # imported on demand: unittest is slow to import

        return _json.dumps(_pykata_unittest.run(request))
    return _json.dumps(_execute(request))


def run_program(request_json):
    """Run the learner's program as `__main__` with stdin; answer JSON with output and any error."""
    request = _json.loads(request_json)
    source = request["source"]
    streams = _Streams(request.get("stdin"))
    error = line = budget = None
    with streams:
        try:
            _run_learner(source, "__main__")
        except BudgetExceeded:
            budget = "time"
        except _SystemExit as exc:
            if not _exit_is_clean(exc):
                error, line = _describe(exc, source)
        except _BaseException as exc:
            error, line = _describe(exc, source)
    return _json.dumps(
        {
            "stdout": streams.stdout.getvalue(),
            "stderr": streams.stderr.getvalue(),
            "truncated": streams.stdout.truncated or streams.stderr.truncated,
            "error": error,
            "line": line,
            "budget": budget,
        }
    )


def syntax_error(source):
    """JSON `{message, line}` if `source` does not compile, else JSON null."""
    try:
        _compile(source, LEARNER_FILE, "exec")
    except _SyntaxError as exc:
        text, line = _describe(exc, source)
        return _json.dumps({"message": text, "line": line})
    return "null"


def install_host_clock():
    """Replace the `time` functions that trap on wasm32-unknown-unknown with ones built on `time.time()`."""
    import time

    wall = time.time
    time.perf_counter = time.monotonic = wall
    time.perf_counter_ns = time.monotonic_ns = time.time_ns = lambda: int(wall() * 1e9)

    def sleep(seconds):
        end = wall() + seconds
        while wall() < end:
            pass

    time.sleep = sleep
