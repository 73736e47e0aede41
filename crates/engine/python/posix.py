"""A stand-in for the `posix` module: pykata runs learner code with no operating system.

The standard library's `os` imports it. Its file calls work on the learner's files in memory
(`_pykata_files`: emptied before every check and Run); there is no environment or process, so
those calls raise `OSError` with a message that says so.
"""

import _pykata_files

environ = {}
# Names of optional C functions `os` asks about; there are none.
_have_functions = []
error = OSError
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
from _pykata_files import (
    O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_RDWR,
    O_TRUNC, O_WRONLY,
)
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
WNOHANG = 1

# The file calls answer from the learner's files in memory (`_pykata_files`).
_files = _pykata_files.FILES
access = _files.access
chdir = _files.chdir
chmod = _files.chmod
close = _files.close
fstat = _files.fstat
ftruncate = _files.ftruncate
getcwd = _files.getcwd
listdir = _files.listdir
lseek = _files.lseek
mkdir = _files.mkdir
open = _files.open
read = _files.read
readlink = _files.readlink
rename = replace = _files.rename
rmdir = _files.rmdir
scandir = _files.scandir
stat = lstat = _files.stat
truncate = _files.truncate
unlink = remove = _files.unlink
utime = _files.utime
write = _files.write
stat_result = _pykata_files.stat_result
DirEntry = _pykata_files.DirEntry


def getcwdb():
    return getcwd().encode("utf-8", "surrogateescape")


def fsync(fd):
    _files.fstat(fd)


def _unavailable(name):
    def call(*args, **kwargs):
        raise OSError(f"os.{name}() is not available in pykata: there is no process here")

    call.__name__ = name
    return call


for _name in ("kill", "system", "waitpid"):
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


def getpid():
    return 1


def cpu_count():
    return 1


def strerror(code):
    """Linux's wording for the errors the file system raises."""
    message = _pykata_files.MESSAGES.get(code)
    return message if message is not None else f"Unknown error {code}"


def device_encoding(fd):
    return None


def urandom(size):
    import _random

    return _random.Random().getrandbits(size * 8).to_bytes(size, "little") if size else b""


def _exit(code=0):
    raise SystemExit(code)
