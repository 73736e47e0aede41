"""The engine's Python half: runs learner code and one check at a time, answering in JSON.

The Rust engine calls `run_check`, `run_program` and `syntax_error` with a JSON request and reads
back a JSON answer of facts — a status and, for what went wrong, a `fact` (what raised, in
which phase, which static rule broke) — never sentences: the engine's `message.rs` words them.
Learner code is compiled as `solution.py` so tracebacks point at the learner's own lines;
frames from checks and from this module are never shown.
"""

import sys as _sys

# pykata has no operating system: `posix` is a frozen stand-in, which `os` accepts only if it
# is listed as built in. This must happen before anything imports `os`.
if "posix" not in _sys.builtin_module_names:
    _sys.builtin_module_names = (*_sys.builtin_module_names, "posix")

import ast as _ast
import builtins as _builtins
import gc as _gc
import io as _io
import json as _json
import re as _re

import _pykata_guard as _guard
import _pykata_modules as _exercise_modules
import pykata as _helpers
from _sha256 import sha256 as _sha256

# Everything defined below looks builtins up in this private copy, so learner code that
# patches the `builtins` module (`builtins.len = ...`) cannot change how the runner behaves.
__builtins__ = dict(_builtins.__dict__)

LEARNER_FILE = "solution.py"
# The file name checks are compiled under, and pykata's own modules: the engine's guard
# (guard.rs) trusts code by these names and hands them to `start`.
CHECK_FILE = _PRIVATE_MODULES = None
OUTPUT_LIMIT = 64 * 1024

_BaseException = _builtins.BaseException
_exec = _builtins.exec
_compile = _builtins.compile
_SystemExit = _builtins.SystemExit
_SyntaxError = _builtins.SyntaxError
_AssertionError = _builtins.AssertionError
_MemoryError = _builtins.MemoryError
_RecursionError = _builtins.RecursionError
_CheckFailed = _helpers.CheckFailed
_HELPERS = {name: getattr(_helpers, name) for name in _helpers.__all__}
_dumps = _json.dumps
_loads = _json.loads
_search = _re.search
_StringIO = _io.StringIO
_parse = _ast.parse
_modules = _sys.modules
_Module = type(_sys)
_collect = _gc.collect


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


class _Discard:
    """Where Python's standard streams point outside learner calls: what a finalizer prints
    between submissions (or when the interpreter is dropped) goes nowhere, never into the
    host's own output nor the next submission's."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass


class _Streams:
    """Swaps sys.stdin/stdout/stderr (and the `__stdout__` originals, so learner code cannot
    reach the host's real output) for in-memory ones for the duration of a `with`."""

    def __init__(self, stdin):
        self.stdout = _Capture()
        self.stderr = _Capture()
        self._stdin = _StringIO(stdin or "")

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
    """(line, function name) of each traceback entry in the learner's file, outermost first."""
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == LEARNER_FILE:
            frames.append((tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return frames


def _format_exception_only(exc):
    """The last lines of a traceback for `exc`, by the standard library's `traceback` module."""
    return _trusted_import("traceback").format_exception_only(type(exc), exc)


# A traceback shows at most this many identical frames in a row (deep recursion).
_REPEATS_SHOWN = 3


def _describe(exc, source):
    """A traceback limited to the learner's own frames, and the learner line it points at."""
    try:
        if isinstance(exc, _SyntaxError) and exc.filename == LEARNER_FILE:
            text = "".join(_format_exception_only(exc)).rstrip()
            return text, exc.lineno
        lines = source.splitlines()
        frames = _learner_frames(exc.__traceback__)
        out = []
        if frames:
            out.append("Traceback (most recent call last):")
            previous, repeats = None, 0
            for here in frames:
                repeats = repeats + 1 if here == previous else 0
                previous = here
                if repeats >= _REPEATS_SHOWN:
                    continue
                lineno, name = here
                out.append(f'  File "{LEARNER_FILE}", line {lineno}, in {name}')
                if lineno and 0 < lineno <= len(lines):
                    out.append("    " + lines[lineno - 1].strip())
            hidden = len(frames) - sum(1 for line in out if line.startswith("  File"))
            if hidden:
                out.append(f"  [{hidden} more calls of the same lines]")
        out.extend(line.rstrip("\n") for line in _format_exception_only(exc))
        return "\n".join(out), (frames[-1][0] if frames else None)
    except _BaseException:
        # The learner's exception could not even be described (its __str__ raised or ran
        # out of budget): name its type only.
        return f"{_exception_name(exc)} (its message could not be shown)", None


def _exception_name(exc):
    name = type(exc).__name__
    return name if isinstance(name, str) else "an exception"


def _budget_of(exc):
    """The budget a learner exception stands for, if any. (Running out of time shows up as a
    KeyboardInterrupt; the engine knows whether it sent one and labels time itself.)"""
    if isinstance(exc, _MemoryError):
        return "memory"
    if isinstance(exc, _RecursionError):
        return "recursion"
    return None


def _raised(exc, source, output, phase="check"):
    """The answer for learner code that raised `exc` in `phase` ("load": loading the learner's
    code, "check": during the check, "tests": loading a unittest check's tests). Describing it
    runs the standard library's traceback code, so whatever the learner patched is put back
    first."""
    _guard.restore()
    text, line = _describe(exc, source)
    fact = {
        "kind": "exited" if isinstance(exc, _SystemExit) else "raised",
        "phase": phase,
        "exception": _exception_name(exc),
        "traceback": _hide_addresses(text),
    }
    return _answer("error", fact, output, line, _budget_of(exc))


# Memory addresses in default reprs (`<Foo object at 0x7f...>`) differ from run to run and
# host to host; reports show them as `0x…` so the same code always gets the same report.
_ADDRESS = _re.compile(r"\bat 0x[0-9a-fA-F]+")


def _hide_addresses(text):
    return _ADDRESS.sub("at 0x…", text) if text else text


def _answer(status, fact=None, output="", line=None, budget=None):
    return {"status": status, "fact": fact, "output": _hide_addresses(output), "line": line, "budget": budget}


def _failed(text):
    """The fact of a check that failed with its own failure text (empty when it has none)."""
    return {"kind": "failed", "text": _hide_addresses(text)}


# The last learner source compiled and its code: every check of a submission runs the same
# source, so it is compiled once. (Code objects are immutable; each run gets fresh functions.)
_learner_code = [None, None]


def _compile_learner(source):
    if _learner_code[0] != source:
        _learner_code[:] = [source, _compile(source, LEARNER_FILE, "exec")]
    return _learner_code[1]


class _Source:
    """The `__loader__` of the learner's module: `linecache` (and so `traceback` and
    `inspect`) reads the learner's lines from it, as from a file."""

    def __init__(self, source):
        self._source = source

    def get_source(self, _name):
        return self._source


def _load_learner(source, name):
    """Execute the learner's source as module `name`, listed in `sys.modules` from before it
    runs (as Python's import does: `dataclasses` and `pickle` look the module up there) until
    the submission ends. Returns the module."""
    module = _Module(name)
    module.__dict__.update(
        {"__builtins__": _builtins, "__file__": LEARNER_FILE, "__loader__": _Source(source), "__spec__": None}
    )
    _modules[name] = module
    _exec(_compile_learner(source), module.__dict__)
    return module


def _run_learner(source, name):
    """Execute the learner's source as module `name` (see `_load_learner`); its namespace."""
    return _load_learner(source, name).__dict__


def _shut_down(name):
    """What Python does to the `__main__` module of a program that ended: drop it, clear its
    namespace and collect, so its objects' finalizers (a `__del__`, a suspended generator's
    `finally`) run now, into this program's output, rather than during a later submission."""
    module = _modules.pop(name, None)
    if module is not None:
        module.__dict__.clear()
    del module
    _collect()


def _exit_is_clean(exc):
    return exc.code is None or exc.code == 0


def _output_matches(request, actual):
    """Whether `actual` output is what the check expects: its `expected` text, or, in built
    bundles, the digest of it that stands in for a hidden check's expected output."""
    mode = request.get("match", "exact")
    digest = request.get("expected_sha256")
    if digest is not None:
        return _digest(mode, actual) == digest
    expected = request["expected"]
    if mode == "regex":
        return _search(expected, actual, _re.MULTILINE) is not None
    if mode == "normalised":
        return _normalise(expected) == _normalise(actual)
    return expected == actual


def _normalise(text):
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(lines)


def _digest(mode, text):
    """SHA-256 (hex) of `text` as `mode` compares it."""
    if mode == "normalised":
        text = _normalise(text)
    return _sha256(text.encode("utf-8")).hexdigest()


def digest(request_json):
    """JSON: the digest of `{"match", "expected"}`'s expected output, for `pykata build`."""
    request = _loads(request_json)
    return _dumps(_digest(request.get("match", "exact"), request["expected"]))


def _execute(request):
    """Run the learner's code, then the check's code, and judge the result."""
    kind = request["kind"]
    source = request["source"]
    streams = _Streams(request.get("stdin"))
    failure = None
    with streams:
        # Hook: the exercise's helper modules, fresh for this check, before the learner's code.
        problem = _exercise_modules.install_helpers(request)
        if problem is not None:
            return _answer("error", problem)
        try:
            as_program = kind == "output" and not request.get("code")
            name = "__main__" if as_program else "solution"
            try:
                namespace = _run_learner(source, name)
            finally:
                if as_program:
                    _shut_down(name)
        except _SystemExit as exc:
            if kind != "output" or not _exit_is_clean(exc):
                return _raised(exc, source, streams.output(), "load")
            namespace = None
        except _BaseException as exc:
            return _raised(exc, source, streams.output(), "load")
        _guard.restore()

        check_code = request.get("code")
        if check_code and namespace is not None:
            scope = dict(namespace)
            scope.update(_HELPERS)
            scope["__builtins__"] = dict(_guard.BUILTINS)
            scope[_STRICT_EQUAL] = _guard.strict_equal
            try:
                _exec_check(request, scope)
            except _BaseException as exc:
                _guard.restore()
                if isinstance(exc, _CheckFailed):
                    failure = _text(exc)
                elif isinstance(exc, _AssertionError) and not _learner_frames(exc.__traceback__):
                    failure = _text(exc)
                else:
                    return _raised(exc, source, streams.output())

    output = streams.output()
    if failure is not None:
        return _answer("fail", _failed(failure), output)
    if kind == "output":
        stdout = streams.stdout.getvalue()
        if not _output_matches(request, stdout):
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
        tree = _parse(source, LEARNER_FILE)
    except _SyntaxError as exc:
        text, line = _describe(exc, source)
        return _answer("error", {"kind": "syntax", "traceback": text}, "", line)
    calls = list(_calls(tree))

    def broken(rule, name, line=None):
        return _answer("fail", {"kind": "rule", "rule": rule, "name": name, "line": line}, line=line)

    for construct in request.get("must_use", []):
        if not _construct_lines(tree, construct):
            return broken("missing_construct", construct)
    for construct in request.get("must_not_use", []):
        lines = _construct_lines(tree, construct)
        if lines:
            return broken("forbidden_construct", construct, lines[0])
    for wanted in request.get("must_call", []):
        if not any(_call_matches(called, wanted) for called, _ in calls):
            return broken("missing_call", wanted)
    for unwanted in request.get("must_not_call", []):
        for called, line in calls:
            if _call_matches(called, unwanted):
                return broken("forbidden_call", called, line)
    return _answer("pass")


def _text(exc):
    """The message of an exception raised by a check, or "" if it has none or cannot say."""
    try:
        text = str(exc)
    except _BaseException:
        return ""
    return text if type(text) is str else ""


_STRICT_EQUAL = "__pykata_equal__"


class _StrictComparisons(_ast.NodeTransformer):
    """Rewrites `a == b` and `a != b` inside `assert` statements into calls of the guard's
    strict equality, so an object whose `__eq__` always says True cannot pass an assert."""

    def visit_Assert(self, node):
        node.test = self._strict(node.test)
        return node

    def _strict(self, node):
        for child in _ast.walk(node):
            for field, value in _ast.iter_fields(child):
                if isinstance(value, _ast.Compare):
                    setattr(child, field, self._call(value))
                elif isinstance(value, list):
                    value[:] = [self._call(v) if isinstance(v, _ast.Compare) else v for v in value]
        return self._call(node) if isinstance(node, _ast.Compare) else node

    @staticmethod
    def _call(compare):
        if len(compare.ops) != 1 or not isinstance(compare.ops[0], (_ast.Eq, _ast.NotEq)):
            return compare
        call = _ast.Call(
            func=_ast.Name(id=_STRICT_EQUAL, ctx=_ast.Load()),
            args=[compare.left, compare.comparators[0]],
            keywords=[],
        )
        if isinstance(compare.ops[0], _ast.NotEq):
            call = _ast.UnaryOp(op=_ast.Not(), operand=call)
        return _ast.fix_missing_locations(_ast.copy_location(call, compare))


# Compiled check code by its text: the same checks run for every submission of an exercise.
_compiled_checks = {}
_COMPILED_CHECKS_KEPT = 256


def _exec_check(request, scope):
    """Run the exercise's setup, then the check's code, in `scope`."""
    for code in (request.get("setup"), request["code"]):
        if code:
            _exec(_compile_check(code), scope)


def _compile_check(code):
    """Compile check code as `<check>`, with strict equality in its asserts."""
    compiled = _compiled_checks.get(code)
    if compiled is None:
        if len(_compiled_checks) >= _COMPILED_CHECKS_KEPT:
            _compiled_checks.clear()
        tree = _StrictComparisons().visit(_parse(code, CHECK_FILE))
        compiled = _compiled_checks[code] = _compile(tree, CHECK_FILE, "exec")
    return compiled


# False while a call that runs learner code is under way: if it never finished (the time
# budget's interruption landed in pykata's own code), the next call restores first.
_restored = [True]


def run_check(request_json):
    """Run one check described by `request_json`; answer JSON with status, fact, output, line,
    budget, and for unittest checks one answer per test in `cases`."""
    if not _restored[0]:
        _guard.restore()
    _restored[0] = False
    request = _loads(request_json)
    if request["kind"] == "static":
        answer = _static(request)
    elif request["kind"] == "unittest":
        answer = _trusted_import("_pykata_unittest").run(request)
    else:
        answer = _execute(request)
    _guard.restore()
    _restored[0] = True
    return _dumps(answer)


# name -> module, for the modules `_trusted_import` imported.
_imported = {}


def _trusted_import(name):
    """The module `name`, imported for pykata's own use on first need rather than at start
    (unittest, and traceback with the inspect and dataclasses it brings, are slow to import),
    then trusted like everything imported before learner code ran."""
    module = _imported.get(name)
    if module is None:
        learner_limit = _get_recursion_limit()
        _set_recursion_limit(_recursion_limit)
        try:
            module = _imported[name] = _guard.import_trusted(name, hide=_PRIVATE_MODULES)
        finally:
            _set_recursion_limit(learner_limit)
    return module


def run_program(request_json):
    """Run the learner's program as `__main__` with stdin, after the exercise's helper modules;
    answer JSON with output and any error (`fact`: a helper module that could not be loaded)."""
    if not _restored[0]:
        _guard.restore()
    _restored[0] = False
    request = _loads(request_json)
    source = request["source"]
    streams = _Streams(request.get("stdin"))
    error = line = budget = None
    with streams:
        problem = _exercise_modules.install_helpers(request)
        try:
            if problem is None:
                try:
                    _run_learner(source, "__main__")
                finally:
                    _shut_down("__main__")
        except _SystemExit as exc:
            if not _exit_is_clean(exc):
                _guard.restore()
                error, line = _describe(exc, source)
        except _BaseException as exc:
            _guard.restore()
            error, line = _describe(exc, source)
            budget = _budget_of(exc)
    _guard.restore()
    _restored[0] = True
    return _dumps(
        {
            "stdout": streams.stdout.getvalue(),
            "stderr": streams.stderr.getvalue(),
            "truncated": streams.stdout.truncated or streams.stderr.truncated,
            "error": error,
            "line": line,
            "budget": budget,
            "fact": problem,
        }
    )


def syntax_error(source):
    """JSON `{traceback, line}` if `source` does not compile, else JSON null."""
    try:
        _compile_learner(source)
    except _SyntaxError as exc:
        text, line = _describe(exc, source)
        return _dumps({"traceback": text, "line": line})
    return "null"


def start(guard_helpers, host_clock, recursion_limit, check_file, private_modules):
    """Prepare the interpreter for learner code; the engine calls this once, before any.

    `guard_helpers` are the engine's native helpers for `_pykata_guard.install`; with
    `host_clock`, the `time` functions that trap on wasm32 are replaced; `recursion_limit`
    caps how deep Python may recurse (learner code cannot raise it further); checks are
    compiled as `check_file`; `private_modules` are hidden from `sys.modules`.
    """
    global CHECK_FILE, _PRIVATE_MODULES
    CHECK_FILE, _PRIVATE_MODULES = check_file, private_modules
    if host_clock:
        _install_host_clock()
    _cap_recursion(recursion_limit)
    _sys.stdout = _sys.stderr = _sys.__stdout__ = _sys.__stderr__ = _Discard()
    _guard.install(guard_helpers)
    _guard.trust_loaded_modules(hide=_PRIVATE_MODULES)


def preload(_request=""):
    """Import now what pykata otherwise imports on first need (`traceback`, to describe a
    learner's exception), so a host can do it while the learner is still reading."""
    _trusted_import("traceback")
    return "null"


def reset(_request=""):
    """After a submission, before the engine grades another in this interpreter: put back what
    the guards snapshot (see `_pykata_guard.reset`) and the interpreter settings learner code
    can change. Answers JSON true if the interpreter is fit for another submission."""
    _guard.reset()
    # What the submission left behind is garbage now: its finalizers run here, printing
    # nowhere, and whatever they change is put back by the second reset.
    _collect()
    clean = _guard.reset()
    _restored[0] = True
    _set_recursion_limit(_recursion_limit)
    if _set_int_max_str_digits is not None:
        _set_int_max_str_digits(_INT_MAX_STR_DIGITS)
    return _dumps(clean)


_set_int_max_str_digits = getattr(_sys, "set_int_max_str_digits", None)
_INT_MAX_STR_DIGITS = _sys.get_int_max_str_digits() if _set_int_max_str_digits is not None else None



def _cap_recursion(limit):
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


def _install_host_clock():
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
