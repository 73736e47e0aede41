"""The learner's file system: folders and files in memory, empty at the start of every check
and every Run (only `/`, `/tmp` and `/dev/null` exist; the working folder is `/`).

pykata has no operating system, yet learners write `with open("notes.txt", "w") as f:`, and
`tempfile`, `pathlib` and `shutil` work on files. `posix` (the stand-in `os` imports) answers
its file calls from `FILES`; `FileIO` and `open` build Python's file objects on it, with
RustPython's own buffered and text layers on top, so `open`, `io.open` and `io.FileIO` behave
as in CPython on Linux: the same errors (`FileNotFoundError: [Errno 2] No such file or
directory: 'notes.txt'`), modes and file objects. `install` puts them in place; the runner
calls `FILES.reset()` before each check and Run, so nothing written by one is seen by the next.
"""

import _io
import builtins as _builtins

__builtins__ = dict(_builtins.__dict__)

_OSError = _builtins.OSError

# Linux's numbers and wording of the errors a file system raises.
ENOENT, EBADF, EACCES, EBUSY, EEXIST, ENOTDIR, EISDIR, EINVAL, ENOTEMPTY = 2, 9, 13, 16, 17, 20, 21, 22, 39
MESSAGES = {
    ENOENT: "No such file or directory",
    EBADF: "Bad file descriptor",
    EACCES: "Permission denied",
    EBUSY: "Device or resource busy",
    EEXIST: "File exists",
    ENOTDIR: "Not a directory",
    EISDIR: "Is a directory",
    EINVAL: "Invalid argument",
    ENOTEMPTY: "Directory not empty",
}

# `os.open`'s flags, as Linux numbers them.
O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE = 0, 1, 2, 3
O_CREAT, O_EXCL, O_TRUNC, O_APPEND = 0o100, 0o200, 0o1000, 0o2000
O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC = 0o200000, 0o400000, 0o2000000
S_IFDIR, S_IFREG, S_IFCHR = 0o040000, 0o100000, 0o020000
# The permissions a new file or folder does not get, as with Linux's usual umask.
UMASK = 0o022


# The subclass CPython raises for a code (RustPython's wasm32 build, having no errno codes, does
# not pick one when `OSError` is given the code, so it is named here).
_ERRORS = {
    ENOENT: _builtins.FileNotFoundError,
    EACCES: _builtins.PermissionError,
    EEXIST: _builtins.FileExistsError,
    ENOTDIR: _builtins.NotADirectoryError,
    EISDIR: _builtins.IsADirectoryError,
}


def error(code, path=None, other=None):
    """The `OSError` Linux would raise about `path` (and `other`, a rename's destination), of
    the subclass CPython gives it, such as `FileNotFoundError`."""
    kind = _ERRORS.get(code, _OSError)
    if path is None:
        return kind(code, MESSAGES[code])
    if other is None:
        return kind(code, MESSAGES[code], path)
    return kind(code, MESSAGES[code], path, None, other)


from time import time as _clock


class _Node:
    """A file (`data` is a bytearray) or a folder (`entries`: name -> node)."""

    __slots__ = ("data", "entries", "ino", "mode", "mtime")

    def __init__(self, ino, folder, mode):
        self.ino = ino
        self.entries = {} if folder else None
        self.data = None if folder else bytearray()
        self.mode = (S_IFDIR if folder else S_IFREG) | (mode & 0o777 & ~UMASK)
        self.mtime = _clock()


class _Null(_Node):
    """`/dev/null`: reads nothing, and what is written to it is dropped."""

    __slots__ = ()

    def __init__(self, ino):
        super().__init__(ino, False, 0o666)
        self.mode = S_IFCHR | 0o666

    @property
    def data(self):
        return bytearray()

    @data.setter
    def data(self, value):
        pass


def _stat(node):
    size = len(node.data) if node.entries is None else 4096
    links = 1 if node.entries is None else 2
    mtime = node.mtime
    return stat_result((node.mode, node.ino, 1, links, 0, 0, size, mtime, mtime, mtime))


class _Open:
    """An open file description: the node, the position and how it was opened."""

    __slots__ = ("node", "position", "flags")

    def __init__(self, node, flags):
        self.node = node
        self.position = 0
        self.flags = flags


class FileSystem:
    """Folders and files in memory, with the calls of `posix` that use them."""

    def __init__(self):
        self.reset()

    def reset(self):
        """Empty: `/`, `/tmp` and `/dev/null`, the working folder `/`, no open file but 0, 1
        and 2."""
        self._inodes = 0
        self.root = self._node(True, 0o755)
        self.root.entries["tmp"] = self._node(True, 0o777)
        devices = self.root.entries["dev"] = self._node(True, 0o755)
        devices.entries["null"] = _Null(self._inode())
        self.cwd = "/"
        self.fds = {}

    def _inode(self):
        self._inodes += 1
        return self._inodes

    def _node(self, folder, mode):
        return _Node(self._inode(), folder, mode)

    # Paths.

    def _text(self, path):
        """`path` as given (after `os.fspath`: answers about a bytes path are bytes too), and
        as text."""
        import os

        given = os.fspath(path)
        if isinstance(given, bytes):
            return given, given.decode("utf-8", "surrogateescape")
        if "\0" in given:
            raise ValueError("embedded null byte")
        return given, given

    def absolute(self, path):
        """`path` made absolute and normal (`.` and `..` resolved), as text."""
        if not path.startswith("/"):
            path = self.cwd.rstrip("/") + "/" + path
        parts = []
        for part in path.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part and part != ".":
                parts.append(part)
        return "/" + "/".join(parts)

    def _lookup(self, path):
        """`path` as given (after `os.fspath`) and as text, the folder holding it, its last
        name and its node (None if it does not exist)."""
        shown, path = self._text(path)
        if path == "":
            raise error(ENOENT, shown)
        parts = [part for part in self.absolute(path).split("/") if part]
        folder = self.root
        for part in parts[:-1]:
            folder = folder.entries.get(part)
            if folder is None:
                raise error(ENOENT, shown)
            if folder.entries is None:
                raise error(ENOTDIR, shown)
        if not parts:
            return shown, path, None, "", self.root
        name = parts[-1]
        node = folder.entries.get(name)
        if path.endswith("/") and node is not None and node.entries is None:
            raise error(ENOTDIR, shown)
        return shown, path, folder, name, node

    def _existing(self, path):
        """What `_lookup` answers, for a `path` that must exist."""
        found = self._lookup(path)
        if found[-1] is None:
            raise error(ENOENT, found[0])
        return found

    def _folder(self, path):
        """`path` as given and as text, and its node, which must be a folder."""
        shown, text, _, _, node = self._existing(path)
        if node.entries is None:
            raise error(ENOTDIR, shown)
        return shown, text, node

    # posix's calls.

    def open(self, path, flags, mode=0o777, *, dir_fd=None):
        shown, path, folder, name, node = self._lookup(path)
        access = flags & O_ACCMODE
        if node is None:
            if not flags & O_CREAT:
                raise error(ENOENT, shown)
            if folder is None or path.endswith("/"):
                raise error(EISDIR, shown)
            node = folder.entries[name] = self._node(False, mode)
            folder.mtime = node.mtime
        elif flags & O_CREAT and flags & O_EXCL:
            raise error(EEXIST, shown)
        elif node.entries is not None:
            if access != O_RDONLY or flags & O_TRUNC:
                raise error(EISDIR, shown)
        elif flags & O_DIRECTORY:
            raise error(ENOTDIR, shown)
        if flags & O_TRUNC and access != O_RDONLY:
            del node.data[:]
            node.mtime = _clock()
        fd = 3
        while fd in self.fds:
            fd += 1
        self.fds[fd] = _Open(node, flags)
        return fd

    def _open(self, fd):
        description = self.fds.get(fd)
        if description is None:
            raise error(EBADF)
        return description

    def close(self, fd):
        self._open(fd)
        del self.fds[fd]

    def read(self, fd, size):
        description = self._open(fd)
        if description.flags & O_ACCMODE == O_WRONLY:
            raise error(EBADF)
        data = description.node.data
        if data is None:
            raise error(EISDIR)
        start = description.position
        chunk = bytes(data[start:start + size]) if size >= 0 else bytes(data[start:])
        description.position = start + len(chunk)
        return chunk

    def write(self, fd, data):
        description = self._open(fd)
        if description.flags & O_ACCMODE == O_RDONLY:
            raise error(EBADF)
        content = description.node.data
        data = memoryview(data).cast("B")
        if description.flags & O_APPEND:
            description.position = len(content)
        start = description.position
        if start > len(content):
            content.extend(bytes(start - len(content)))
        content[start:start + len(data)] = data
        description.position = start + len(data)
        description.node.mtime = _clock()
        return len(data)

    def lseek(self, fd, position, how):
        description = self._open(fd)
        if how == 1:
            position += description.position
        elif how == 2:
            position += len(description.node.data or ())
        elif how != 0:
            raise error(EINVAL)
        if position < 0:
            raise error(EINVAL)
        description.position = position
        return position

    def ftruncate(self, fd, length):
        description = self._open(fd)
        if description.flags & O_ACCMODE == O_RDONLY or description.node.data is None:
            raise error(EINVAL)
        self._truncate(description.node, length)

    def truncate(self, path, length):
        if isinstance(path, int):
            return self.ftruncate(path, length)
        shown, _, _, _, node = self._existing(path)
        if node.data is None:
            raise error(EISDIR, shown)
        self._truncate(node, length)

    def _truncate(self, node, length):
        if length < 0:
            raise error(EINVAL)
        data = node.data
        if length < len(data):
            del data[length:]
        else:
            data.extend(bytes(length - len(data)))
        node.mtime = _clock()

    def stat(self, path, *, dir_fd=None, follow_symlinks=True):
        if isinstance(path, int):
            return self.fstat(path)
        return _stat(self._existing(path)[-1])

    def fstat(self, fd):
        return _stat(self._open(fd).node)

    def access(self, path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
        try:
            self._existing(path)
        except _OSError:
            return False
        return True

    def listdir(self, path="."):
        if path is None:
            path = "."
        shown, _, folder = self._folder(path)
        names = list(folder.entries)
        if isinstance(shown, bytes):
            return [name.encode("utf-8", "surrogateescape") for name in names]
        return names

    def mkdir(self, path, mode=0o777, *, dir_fd=None):
        shown, _, folder, name, node = self._lookup(path)
        if node is not None:
            raise error(EEXIST, shown)
        folder.entries[name] = self._node(True, mode)
        folder.mtime = _clock()

    def rmdir(self, path, *, dir_fd=None):
        shown, _, folder, name, node = self._existing(path)
        if node.entries is None:
            raise error(ENOTDIR, shown)
        if node is self.root:
            raise error(EBUSY, shown)
        if node.entries:
            raise error(ENOTEMPTY, shown)
        del folder.entries[name]

    def unlink(self, path, *, dir_fd=None):
        shown, _, folder, name, node = self._existing(path)
        if node.entries is not None:
            raise error(EISDIR, shown)
        del folder.entries[name]
        folder.mtime = _clock()

    def rename(self, source, destination, *, src_dir_fd=None, dst_dir_fd=None):
        shown, source_text, folder, name, node = self._lookup(source)
        other, destination_text, target_folder, target_name, target = self._lookup(destination)
        if node is None:
            raise error(ENOENT, shown, other)
        if target is node:
            return
        if node.entries is not None:
            if (self.absolute(destination_text) + "/").startswith(self.absolute(source_text) + "/"):
                raise error(EINVAL, shown, other)
            if target is not None and (target.entries is None or target.entries):
                raise error(ENOTDIR if target.entries is None else ENOTEMPTY, shown, other)
        elif target is not None and target.entries is not None:
            raise error(EISDIR, shown, other)
        del folder.entries[name]
        target_folder.entries[target_name] = node

    def chdir(self, path):
        self.cwd = self.absolute(self._folder(path)[1])

    def getcwd(self):
        return self.cwd

    def utime(self, path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
        node = self._existing(path)[-1]
        if ns is not None:
            node.mtime = ns[1] / 1e9
        elif times is not None:
            node.mtime = times[1]
        else:
            node.mtime = _clock()

    def chmod(self, path, mode, *, dir_fd=None, follow_symlinks=True):
        node = self._existing(path)[-1]
        node.mode = (node.mode & ~0o777) | (mode & 0o777)

    def readlink(self, path, *, dir_fd=None):
        raise error(EINVAL, self._existing(path)[0])

    def scandir(self, path="."):
        if path is None:
            path = "."
        base, _, folder = self._folder(path)
        as_bytes = isinstance(base, bytes)
        return _ScandirIterator([DirEntry(base, name, node, as_bytes) for name, node in list(folder.entries.items())])


class stat_result(tuple):
    """What `os.stat` answers: st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, and
    the access, modification and change times."""

    n_sequence_fields = n_fields = 10
    n_unnamed_fields = 0

    def __new__(cls, values, _dict=None):
        return super().__new__(cls, tuple(values)[:10])

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7])
    st_mtime = property(lambda self: self[8])
    st_ctime = property(lambda self: self[9])
    st_atime_ns = property(lambda self: int(self[7] * 1e9))
    st_mtime_ns = property(lambda self: int(self[8] * 1e9))
    st_ctime_ns = property(lambda self: int(self[9] * 1e9))
    st_blksize = 4096
    st_blocks = property(lambda self: (self[6] + 511) // 512)

    def __repr__(self):
        fields = "st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime st_mtime st_ctime".split()
        shown = ", ".join(f"{name}={int(value)!r}" for name, value in zip(fields, self))
        return f"os.stat_result({shown})"

    def __reduce__(self):
        return (stat_result, (tuple(self),))


class DirEntry:
    """One entry of `os.scandir`."""

    def __init__(self, folder, name, node, as_bytes):
        if as_bytes:
            name = name.encode("utf-8", "surrogateescape")
        self.name = name
        separator = b"/" if as_bytes else "/"
        self.path = folder + name if folder.endswith(separator) else folder + separator + name
        self._node = node

    def is_dir(self, *, follow_symlinks=True):
        return self._node.entries is not None

    def is_file(self, *, follow_symlinks=True):
        return self._node.entries is None

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    def inode(self):
        return self._node.ino

    def stat(self, *, follow_symlinks=True):
        return _stat(self._node)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"


class _ScandirIterator:
    """What `os.scandir` answers: an iterator over its entries, and a context manager."""

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()



stat_result.__module__ = "os"
DirEntry.__module__ = "posix"
_ScandirIterator.__module__ = "posix"

#: The one file system, emptied by the runner before each check and Run.
FILES = FileSystem()


class FileIO(_io._RawIOBase):
    """A file in `FILES` as raw bytes: CPython's `io.FileIO`."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        self._fd = -1
        self._opened = None
        self._closefd = closefd
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
        letters = set(mode)
        if not letters <= set("rwxab+") or len(letters) != len(mode):
            raise ValueError(f"invalid mode: {mode}")
        if sum(letter in "rwxa" for letter in mode) != 1 or mode.count("+") > 1:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        self._readable = "r" in mode or "+" in mode
        self._writable = "r" not in mode or "+" in mode
        self._created = "x" in mode
        self._appending = "a" in mode
        flags = O_RDWR if self._readable and self._writable else O_RDONLY if self._readable else O_WRONLY
        if "x" in mode:
            flags |= O_EXCL | O_CREAT
        elif "w" in mode:
            flags |= O_CREAT | O_TRUNC
        elif "a" in mode:
            flags |= O_APPEND | O_CREAT
        flags |= O_CLOEXEC
        self._files = FILES
        if isinstance(file, int):
            self._fd = file
            self._files._open(file)
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            if opener is None:
                self._fd = self._files.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError(f"opener returned {fd}")
                self._fd = fd
            if self._files.fstat(self._fd)[0] & S_IFDIR:
                self._files.close(self._fd)
                self._fd = -1
                raise error(EISDIR, file)
        self._opened = self._files.fds[self._fd]
        self._closefd = closefd
        self.name = file
        if self._appending:
            self._files.lseek(self._descriptor(), 0, 2)

    def _descriptor(self):
        """The file's descriptor, while it is still this file's (a file object kept from an
        earlier check finds the file system emptied)."""
        if self._files.fds.get(self._fd) is not self._opened:
            raise error(EBADF)
        return self._fd

    def _checkClosed(self, message=None):
        if self.closed:
            raise ValueError("I/O operation on closed file" if message is None else message)

    def _check(self, allowed, what):
        self._checkClosed()
        if not allowed:
            raise _io.UnsupportedOperation(f"File not open for {what}")

    @property
    def mode(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    @property
    def closefd(self):
        return self._closefd

    def fileno(self):
        self._checkClosed()
        return self._fd

    def isatty(self):
        self._checkClosed()
        return False

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def seekable(self):
        self._checkClosed()
        return True

    def read(self, size=-1):
        self._check(self._readable, "reading")
        if size is None or size < 0:
            return self.readall()
        return self._files.read(self._descriptor(), size)

    def readall(self):
        self._check(self._readable, "reading")
        return self._files.read(self._descriptor(), -1)

    def readinto(self, buffer):
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def write(self, data):
        self._check(self._writable, "writing")
        return self._files.write(self._descriptor(), data)

    def seek(self, position, whence=0):
        if isinstance(position, float):
            raise TypeError("an integer is required")
        self._checkClosed()
        return self._files.lseek(self._descriptor(), position, whence)

    def tell(self):
        self._checkClosed()
        return self._files.lseek(self._descriptor(), 0, 1)

    def truncate(self, size=None):
        self._check(self._writable, "writing")
        if size is None:
            size = self.tell()
        self._files.ftruncate(self._descriptor(), size)
        return size

    def close(self):
        if not self.closed:
            try:
                super().close()
            finally:
                if self._closefd and self._files.fds.get(self._fd) is self._opened:
                    self._files.close(self._fd)

    def __repr__(self):
        name = type(self).__qualname__
        if self.closed:
            return f"<_io.{name} [closed]>"
        return f"<_io.{name} name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' instances")


FileIO.__module__ = "_io"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    """Open `file` and return a stream: Python's `open`, on the learner's files in memory."""
    if not isinstance(file, (str, bytes, int)):
        import os

        file = os.fspath(file)
    for name, value in (("mode", mode), ("encoding", encoding), ("errors", errors), ("newline", newline)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"open() argument '{name}' must be str{' or None' if name != 'mode' else ''}, not {type(value).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(f"'{type(buffering).__name__}' object cannot be interpreted as an integer")
    letters = set(mode)
    if not letters <= set("axrwb+t") or len(letters) != len(mode):
        raise ValueError(f"invalid mode: '{mode}'")
    text = "t" in letters
    binary = "b" in letters
    if sum(letter in letters for letter in "xrwa") != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if binary:
        for name, value in (("an encoding", encoding), ("an errors", errors), ("a newline", newline)):
            if value is not None:
                raise ValueError(f"binary mode doesn't take {name} argument")
    if binary and buffering == 1:
        import warnings

        warnings.warn(
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
            RuntimeWarning,
            2,
        )
    raw_mode = "".join(letter for letter in "xrwa+" if letter in letters)
    raw = FileIO(file, raw_mode, closefd, opener=opener)
    try:
        line_buffering = buffering == 1 or (buffering < 0 and raw.isatty())
        if buffering < 0 or buffering == 1:
            buffering = _io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if binary:
                return raw
            raise ValueError("can't have unbuffered text I/O")
        if "+" in letters:
            buffer = _io.BufferedRandom(raw, buffering)
        elif "r" in letters:
            buffer = _io.BufferedReader(raw, buffering)
        else:
            buffer = _io.BufferedWriter(raw, buffering)
        if binary:
            return buffer
        wrapper = _io.TextIOWrapper(buffer, _io.text_encoding(encoding), errors, newline, line_buffering)
        wrapper.mode = mode
        return wrapper
    except BaseException:
        raw.close()
        raise


open.__module__ = "_io"


def install():
    """Make `open`, `io.open` and `io.FileIO` (and `_io`'s) these, before anything keeps the
    originals, and load `posix`, whose file calls answer from `FILES`, while this module is
    still in `sys.modules` for it to import (pykata hides its own modules before learner code
    runs)."""
    import io
    import posix  # noqa: F401 (loaded now; see above)

    _io.FileIO = io.FileIO = FileIO
    _io.open = io.open = _builtins.open = open
    io.RawIOBase.register(FileIO)
