"""The learner's code as Python runs a module: compiled under the file name the engine gives
each request (named after the exercise, see `grade.rs`'s `learner_file`), listed in
`sys.modules` while it runs, its lines readable by `linecache`, shut down as a program's
`__main__` is."""

import gc as _gc
import sys as _sys

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)

# The file name the learner's code is compiled under, set by each request (`use_file`).
_file = ["<learner>"]

_exec = _builtins.exec
_compile = _builtins.compile
_modules = _sys.modules
_Module = type(_sys)
_collect = _gc.collect


def use_file(name):
    """Compile and name the learner's code as file `name` from now on."""
    _file[0] = name


def learner_file():
    """The file name the learner's code is compiled under (`use_file`)."""
    return _file[0]


# The last learner source compiled (with its file name) and its code: every check of a
# submission runs the same source, so it is compiled once. (Code objects are immutable; each
# run gets fresh functions.)
_learner_code = [None, None]


def compile_learner(source):
    key = (_file[0], source)
    if _learner_code[0] != key:
        _learner_code[:] = [key, _compile(source, _file[0], "exec")]
    return _learner_code[1]


class Source:
    """The `__loader__` of the learner's module: `linecache` (and so `traceback` and
    `inspect`) reads the learner's lines from it, as from a file."""

    def __init__(self, source):
        self._source = source

    def get_source(self, _name):
        return self._source


def load_learner(source, name):
    """Execute the learner's source as module `name`, listed in `sys.modules` from before it
    runs (as Python's import does: `dataclasses` and `pickle` look the module up there) until
    the submission ends. Returns the module."""
    module = _Module(name)
    module.__dict__.update(
        {"__builtins__": _builtins, "__file__": _file[0], "__loader__": Source(source), "__spec__": None}
    )
    _modules[name] = module
    _exec(compile_learner(source), module.__dict__)
    return module


def run_learner(source, name):
    """Execute the learner's source as module `name` (see `load_learner`); its namespace."""
    return load_learner(source, name).__dict__


def shut_down(name):
    """What Python does to the `__main__` module of a program that ended: drop it, clear its
    namespace and collect, so its objects' finalizers (a `__del__`, a suspended generator's
    `finally`) run now, into this program's output, rather than during a later submission."""
    module = _modules.pop(name, None)
    if module is not None:
        module.__dict__.clear()
    del module
    _collect()


def exit_is_clean(exc):
    return exc.code is None or exc.code == 0
