"""What learner code prints: in-memory standard streams for one call into learner code, and
where the streams point between calls (nowhere)."""

import io as _io
import sys as _sys

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)

OUTPUT_LIMIT = 64 * 1024

_StringIO = _io.StringIO


class Capture:
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


class Discard:
    """Where Python's standard streams point outside learner calls: what a finalizer prints
    between submissions (or when the interpreter is dropped) goes nowhere, never into the
    host's own output nor the next submission's."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass


class Streams:
    """Swaps sys.stdin/stdout/stderr (and the `__stdout__` originals, so learner code cannot
    reach the host's real output) for in-memory ones for the duration of a `with`."""

    def __init__(self, stdin):
        self.stdout = Capture()
        self.stderr = Capture()
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
