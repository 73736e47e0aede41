"""What the runner answers: facts about learner code that raised (a traceback of the
learner's own frames, the line, the exception's type, the budget it stands for) and the
answer's shape."""

import re as _re

import _pykata_guard as _guard
import pykata as _helpers
from _pykata_learner import learner_file as _learner_file
from _pykata_lifecycle import trusted_import as _trusted_import

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)

_BaseException = _builtins.BaseException
_SystemExit = _builtins.SystemExit
_SyntaxError = _builtins.SyntaxError
_MemoryError = _builtins.MemoryError
_ImportError = _builtins.ImportError
_RecursionError = _builtins.RecursionError


def learner_frames(tb):
    """(line, function name) of each traceback entry in the learner's file, outermost first."""
    frames = []
    file = _learner_file()
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == file:
            frames.append((tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return frames


def _format_exception_only(exc):
    """The last lines of a traceback for `exc`, by the standard library's `traceback` module."""
    return _trusted_import("traceback").format_exception_only(type(exc), exc)


def _format_frames(frames, lines):
    """Traceback entries for `frames` (line, function name) of the learner's file, by the
    standard library's `traceback` module: as CPython prints them, a run of identical entries
    shown three times and then counted ("[Previous line repeated N more times]")."""
    listed = [
        (_learner_file(), lineno, name, lines[lineno - 1] if lineno and 0 < lineno <= len(lines) else "")
        for lineno, name in frames
    ]
    return _trusted_import("traceback").StackSummary.from_list(listed).format()


def describe(exc, source):
    """A traceback limited to the learner's own frames, and the learner line it points at. It
    is Python's own text, worded as CPython words tracebacks (the engine words nothing here)."""
    try:
        if isinstance(exc, _SyntaxError) and exc.filename == _learner_file():
            text = "".join(_format_exception_only(exc)).rstrip()
            return text, exc.lineno
        frames = learner_frames(exc.__traceback__)
        out = []
        if frames:
            out.append("Traceback (most recent call last):\n")
            out.extend(_format_frames(frames, source.splitlines()))
        out.extend(_format_exception_only(exc))
        return "".join(out).rstrip("\n"), (frames[-1][0] if frames else None)
    except _ImportError:
        # `traceback` could not be imported: the host could not supply the standard library
        # (offline, or a host that does not serve it). The exception's last line, unframed.
        name = exception_name(exc) or ""
        try:
            message = str(exc)
        except _BaseException:
            message = "<exception str() failed>"
        return (f"{name}: {message}" if message else name), None
    except _BaseException:
        # The learner's exception could not even be described (its __str__ ran out of
        # budget): its type, with what CPython's `traceback` shows for a message it cannot get.
        name = exception_name(exc)
        return (f"{name}: " if name else "") + "<exception str() failed>", None


def exception_name(exc):
    """The name of `exc`'s type, or None if its class gives no string for it."""
    name = type(exc).__name__
    return name if isinstance(name, str) else None


def budget_of(exc):
    """The budget a learner exception stands for, if any. (Running out of time shows up as a
    KeyboardInterrupt; the engine knows whether it sent one and labels time itself.)"""
    if isinstance(exc, _MemoryError):
        return "memory"
    if isinstance(exc, _RecursionError):
        return "recursion"
    return None


def raised(exc, source, output, phase="check"):
    """The answer for learner code that raised `exc` in `phase` ("load": loading the learner's
    code, "check": during the check, "tests": loading a unittest check's tests). Describing it
    runs the standard library's traceback code, so whatever the learner patched is put back
    first."""
    _guard.restore()
    text, line = describe(exc, source)
    fact = {
        "kind": "exited" if isinstance(exc, _SystemExit) else "raised",
        "phase": phase,
        "exception": exception_name(exc),
        "traceback": hide_addresses(text),
    }
    return answer("error", fact, output, line, budget_of(exc))


# Memory addresses in default reprs (`<Foo object at 0x7f...>`) differ from run to run and
# host to host; reports show them as `0x…` so the same code always gets the same report.
_ADDRESS = _re.compile(r"\bat 0x[0-9a-fA-F]+")


def hide_addresses(text):
    return _ADDRESS.sub("at 0x…", text) if text else text


def answer(status, fact=None, output="", line=None, budget=None):
    return {"status": status, "fact": fact, "output": hide_addresses(output), "line": line, "budget": budget}


def failed(exc):
    """The fact of a check that failed with `exc`: the unmet expectation of one of pykata's
    helpers (a key of the engine's messages and its arguments, which the engine words), else
    the check's own failure text (empty when it has none)."""
    expectation = _helpers.expectation_of(exc)
    if expectation is None:
        return {"kind": "failed", "text": hide_addresses(text_of(exc))}
    key, args = expectation
    shown = {name: hide_addresses(value) if type(value) is str else value for name, value in args.items()}
    return {"kind": "expectation", "key": key, "args": shown}


def text_of(exc):
    """The message of an exception raised by a check, or "" if it has none or cannot say."""
    try:
        text = str(exc)
    except _BaseException:
        return ""
    return text if type(text) is str else ""
