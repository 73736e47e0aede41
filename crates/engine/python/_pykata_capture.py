"""What learner code prints: in-memory standard streams for one call into learner code, and
where the streams point between calls (nowhere)."""

import io as _io
import sys as _sys

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)

OUTPUT_LIMIT = 64 * 1024

_StringIO = _io.StringIO

# The engine's `emit_output(stream, text)`: tells the host what a Run's program writes, as it
# writes it (see `configure`).
_emit = [None]


def configure(emit_output):
    """Set where live streams report what they keep (the engine calls this at start)."""
    _emit[0] = emit_output


class Capture:
    """A text stream that keeps at most OUTPUT_LIMIT characters and notes what it dropped;
    described as CPython's `sys.stdout` is (`doctest` reads its `encoding`)."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name="", live=False):
        self._parts = []
        self._size = 0
        self.truncated = False
        # Reported to the host as written: `name` is the stream's ("stdout", "stderr").
        self._name = name
        self._live = live

    def write(self, text):
        text = str(text)
        room = OUTPUT_LIMIT - self._size
        if len(text) > room:
            self.truncated = True
            text = text[:room]
        if text:
            self._parts.append(text)
            self._size += len(text)
            if self._live:
                _emit[0](self._name, text)
        return len(text)

    def flush(self):
        pass

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def writable(self):
        return True

    def readable(self):
        return False

    def isatty(self):
        return False

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


class EchoedInput:
    """A program's standard input that echoes each line read to `echo` (its output), as a
    terminal shows what was typed: a prompt, then the answer."""

    def __init__(self, text, echo):
        self._text = _StringIO(text)
        self._echo = echo

    def readline(self, size=-1):
        line = self._text.readline(size)
        if line:
            self._echo.write(line if line.endswith("\n") else line + "\n")
        return line

    def read(self, size=-1):
        text = self._text.read(size)
        if text:
            # As typed into a terminal: what comes next starts on a line of its own.
            self._echo.write(text if text.endswith("\n") else text + "\n")
        return text

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return iter(self.readline, "")

    def readable(self):
        return True

    def isatty(self):
        return False

    def close(self):
        pass


class Streams:
    """Swaps sys.stdin/stdout/stderr (and the `__stdout__` originals, so learner code cannot
    reach the host's real output) for in-memory ones for the duration of a `with`. `live`
    streams are a Run's: written output is reported to the host at once, and input read is
    echoed."""

    def __init__(self, stdin, live=False):
        self.stdout = Capture("stdout", live)
        self.stderr = Capture("stderr", live)
        self._stdin = EchoedInput(stdin or "", self.stdout) if live else _StringIO(stdin or "")

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
