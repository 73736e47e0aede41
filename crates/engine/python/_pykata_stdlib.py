"""The standard library's importer, on `sys.meta_path` after the frozen importer.

The engine keeps the frozen standard library outside the wasm module: it knows every module's
name (`find`), and asks its host for the library's code the first time a module of it is
imported (`code`), so a browser downloads the library only once code needs more than the
engine's pre-started image holds. Imports only what the interpreter has built in.
"""

import sys as _sys
from _frozen_importlib import ModuleSpec as _ModuleSpec

# Bound now: learner code that patches builtins never changes how modules load.
_exec = exec
_find = None
_code = None


class StandardLibraryImporter:
    """Finds and loads the modules of pykata's standard library."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        package = _find(name)
        if package is None:
            return None
        return _ModuleSpec(name, cls, origin="frozen", is_package=package)

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        _exec(_code(module.__spec__.name), module.__dict__)


def install(find, code):
    """Put the importer on `sys.meta_path`, with the engine's `find(name)` (None, or whether the
    module is a package) and `code(name)` (its code object)."""
    global _find, _code
    _find, _code = find, code
    _sys.meta_path.append(StandardLibraryImporter)
