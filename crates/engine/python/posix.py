"""A stand-in for the `posix` module: pykata runs learner code with no operating system.

The standard library's `os` imports it. There is no file system, environment or process
here, so those calls raise `OSError` with a message that says so.
"""

environ = {}
# Names of optional C functions `os` asks about; there are none.
_have_functions = []
error = OSError
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL = 0, 1, 2, 64, 128
WNOHANG = 1


class stat_result(tuple):
    """What `os.stat` would answer (it never does here); `shutil` and `tempfile` ask about it."""


def _unavailable(name):
    def call(*args, **kwargs):
        raise OSError(f"os.{name}() is not available in pykata: there is no file system or process here")

    call.__name__ = name
    return call


for _name in (
    "access", "chdir", "chmod", "close", "fstat", "kill", "listdir", "lstat", "mkdir", "open",
    "read", "readlink", "remove", "rename", "replace", "rmdir", "scandir", "stat", "system",
    "unlink", "utime", "waitpid", "write",
):
    globals()[_name] = _unavailable(_name)
del _name


def waitstatus_to_exitcode(status):
    return status


def WIFSTOPPED(status):
    return False


def WSTOPSIG(status):
    return 0


def isatty(fd):
    """No file descriptor is a terminal here."""
    return False


def getcwd():
    return "/"


def getcwdb():
    return b"/"


def getpid():
    return 1


def cpu_count():
    return 1


def strerror(code):
    return f"error {code}"


def device_encoding(fd):
    return None


def urandom(size):
    import _random

    return _random.Random().getrandbits(size * 8).to_bytes(size, "little") if size else b""


def _exit(code=0):
    raise SystemExit(code)
