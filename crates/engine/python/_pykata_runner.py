"""The engine's Python half: its entry points, which run learner code and one check at a time,
answering in JSON.

The Rust engine calls `start` once, then `run_check`, `run_program`, `syntax_error`, `digest`,
`preload` and `reset` with a JSON request, and reads back a JSON answer of facts — a status
and, for what went wrong, a `fact` (what raised, in which phase, which static rule broke) —
never sentences: the engine's `message.rs` words them. The work is in modules with one job
each: `_pykata_capture` (output), `_pykata_learner` (the learner's code as a module),
`_pykata_describe` (tracebacks and answers), `_pykata_checks` (check code), `_pykata_match`
(expected output), `_pykata_static` (AST rules), `_pykata_lifecycle` (interpreter settings and
pykata's own imports), `_pykata_files` (the learner's files, in memory), `_pykata_unittest`
(unittest checks, imported on first need).
"""

import sys as _sys

# pykata has no operating system: `posix` is a frozen stand-in, which `os` accepts only if it
# is listed as built in. This must happen before anything imports `os`.
if "posix" not in _sys.builtin_module_names:
    _sys.builtin_module_names = (*_sys.builtin_module_names, "posix")

# The learner's files live in memory: `open`, `io.FileIO` and `posix` answer from
# `_pykata_files`, installed before the guard snapshots the builtins.
import _pykata_files as _files

_files.install()
_reset_files = _files.FileSystem.reset
_FILES = _files.FILES

import builtins as _builtins
import gc as _gc
import json as _json

# What CPython's start (its `site` module) puts in builtins for a program, made of the standard
# library's own `_sitebuiltins` before the guard snapshots the builtins: `help`, `quit` and
# `exit`. Not `site` itself, which imports `os` (nearly 1 MB more of the engine's pre-started
# image), so not `copyright`, `credits` and `license` either (docs/cpython.md).
import _sitebuiltins

_builtins.help = _sitebuiltins._Helper()
for _name in ("quit", "exit"):
    setattr(_builtins, _name, _sitebuiltins.Quitter(_name, "Ctrl-D (i.e. EOF)"))
del _sitebuiltins, _name

import _pykata_guard as _guard
import _pykata_modules as _exercise_modules
from _pykata_capture import Discard as _Discard, Streams as _Streams, configure as _configure_capture
from _pykata_checks import CheckFailed as _CheckFailed, HELPERS as _HELPERS, STRICT_EQUAL as _STRICT_EQUAL
from _pykata_checks import configure as _configure_checks, exec_check as _exec_check
from _pykata_describe import answer as _answer, describe as _describe, failed as _failed
from _pykata_describe import budget_of as _budget_of, learner_frames as _learner_frames, raised as _raised
from _pykata_describe import exception_name as _exception_name
from _pykata_learner import compile_learner as _compile_learner, exit_is_clean as _exit_is_clean
from _pykata_learner import run_learner as _run_learner, shut_down as _shut_down, use_file as _use_file
from _pykata_lifecycle import configure as _configure_lifecycle
from _pykata_lifecycle import reset_limits as _reset_limits, trusted_import as _trusted_import
from _pykata_match import digest_of as _digest, output_matches as _output_matches
from _pykata_static import judge as _static

# Everything defined below looks builtins up in this private copy, so learner code that
# patches the `builtins` module (`builtins.len = ...`) cannot change how the runner behaves.
__builtins__ = dict(_builtins.__dict__)

_BaseException = _builtins.BaseException
_SystemExit = _builtins.SystemExit
_SyntaxError = _builtins.SyntaxError
_AssertionError = _builtins.AssertionError
_dumps = _json.dumps
_loads = _json.loads
_collect = _gc.collect


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
                if isinstance(exc, _CheckFailed) or (
                    isinstance(exc, _AssertionError) and not _learner_frames(exc.__traceback__)
                ):
                    failure = _failed(exc)
                else:
                    return _raised(exc, source, streams.output())

    output = streams.output()
    if failure is not None:
        return _answer("fail", failure, output)
    if kind == "output":
        stdout = streams.stdout.getvalue()
        if not _output_matches(request, stdout):
            return _answer("fail", None, output)
    return _answer("pass", None, output)


# False while a call that runs learner code is under way: if it never finished (the time
# budget's interruption landed in pykata's own code), the next call restores first.
_restored = [True]


def run_check(request_json):
    """Run one check described by `request_json`, with no file but those of a fresh file system;
    answer JSON with status, fact, output, line, budget, and for unittest checks one answer per
    test in `cases`."""
    if not _restored[0]:
        _guard.restore()
    _restored[0] = False
    request = _loads(request_json)
    _use_file(request["learner_file"])
    _reset_files(_FILES)
    if request["kind"] == "static":
        answer = _static(request)
    elif request["kind"] == "unittest":
        answer = _trusted_import("_pykata_unittest").run(request)
    else:
        answer = _execute(request)
    _guard.restore()
    _restored[0] = True
    return _dumps(answer)


def run_program(request_json):
    """Run the learner's program as `__main__` with stdin, after the exercise's helper modules,
    with a fresh file system; answer JSON with output and any error (`fact`: a helper module
    that could not be loaded)."""
    if not _restored[0]:
        _guard.restore()
    _restored[0] = False
    request = _loads(request_json)
    _use_file(request["learner_file"])
    source = request["source"]
    streams = _Streams(request.get("stdin"), live=True)
    error = line = budget = exception = None
    _reset_files(_FILES)
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
                exception = _exception_name(exc)
        except _BaseException as exc:
            _guard.restore()
            error, line = _describe(exc, source)
            exception = _exception_name(exc)
            budget = _budget_of(exc)
    _guard.restore()
    _restored[0] = True
    return _dumps(
        {
            "stdout": streams.stdout.getvalue(),
            "stderr": streams.stderr.getvalue(),
            "truncated": streams.stdout.truncated or streams.stderr.truncated,
            "error": error,
            "exception": exception,
            "line": line,
            "budget": budget,
            "fact": problem,
        }
    )


def syntax_error(request_json):
    """JSON `{traceback, line}` if the request's `source` does not compile as its
    `learner_file`, else JSON null."""
    request = _loads(request_json)
    _use_file(request["learner_file"])
    source = request["source"]
    try:
        _compile_learner(source)
    except _SyntaxError as exc:
        text, line = _describe(exc, source)
        return _dumps({"traceback": text, "line": line})
    return "null"


def digest(request_json):
    """JSON: the digest of `{"match", "expected"}`'s expected output, for `pykata build`."""
    request = _loads(request_json)
    return _dumps(_digest(request.get("match", "exact"), request["expected"]))


def start(guard_helpers, host_clock, recursion_limit, check_file, private_modules, emit_output):
    """Prepare the interpreter for learner code; the engine calls this once, before any.

    `guard_helpers` are the engine's native helpers for `_pykata_guard.install`; with
    `host_clock`, the `time` functions that trap on wasm32 are replaced; `recursion_limit`
    caps how deep Python may recurse (learner code cannot raise it further); checks are
    compiled as `check_file`; `private_modules` are hidden from `sys.modules`; a Run's output
    goes to `emit_output(stream, text)` as it is written.
    """
    _configure_capture(emit_output)
    _configure_checks(check_file)
    _configure_lifecycle(private_modules, recursion_limit, host_clock)
    _sys.stdout = _sys.stderr = _sys.__stdout__ = _sys.__stderr__ = _Discard()
    _guard.install(guard_helpers)
    _guard.trust_loaded_modules(hide=private_modules)


def preload(_request=""):
    """Import now what pykata otherwise imports on first need (`traceback`, to describe a
    learner's exception), so a host can do it while the learner is still reading. If the host
    cannot supply the standard library now, it is left for first need."""
    try:
        _trusted_import("traceback")
    except ImportError:
        pass
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
    _reset_limits()
    return _dumps(clean)
