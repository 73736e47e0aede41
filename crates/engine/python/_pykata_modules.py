"""The modules an exercise puts in `sys.modules` beside the learner's own: its helper modules
(`module_code` in the check request: data or helpers the solution and the checks import by
name), the learner's module under the name a unittest check's tests import it by (the check's
`module`), and pytest's stand-in for those tests.

Helper modules are run afresh from their source for every check: a new module object each
time, never kept across checks or submissions (`reset` forgets them with the rest of what
learner code put in `sys.modules`) and never trusted by the guard. Their code is the author's,
but it runs beside the learner's, which may change them.
"""

import builtins as _builtins
import sys as _sys

__builtins__ = dict(_builtins.__dict__)

_Module = type(_sys)
_BaseException = _builtins.BaseException
_SyntaxError = _builtins.SyntaxError
_compile = _builtins.compile
_exec = _builtins.exec
_import = _builtins.__import__
_modules = _sys.modules

# name -> module, for the helper modules of the check under way (replaced at each check).
_installed = {}

# Compiled helper modules by (name, source): the same exercise is graded again and again.
# (Code objects are immutable; each check runs them into a new module.)
_compiled = {}
_COMPILED_KEPT = 64


def _code_of(name, code):
    key = (name, code)
    compiled = _compiled.get(key)
    if compiled is None:
        if len(_compiled) >= _COMPILED_KEPT:
            _compiled.clear()
        compiled = _compiled[key] = _compile(code, f"{name}.py", "exec")
    return compiled


def _message(exc):
    try:
        if isinstance(exc, _SyntaxError):
            return f"{type(exc).__name__}: {exc.msg} ({exc.filename}, line {exc.lineno})"
        return f"{type(exc).__name__}: {exc}"
    except _BaseException:
        return type(exc).__name__


def install_helpers(request):
    """Put a fresh module for each of the request's helper modules into `sys.modules`, before the
    learner's code runs (it may import them). Returns None, or the fact of what went wrong when
    one of them could not be loaded (the exercise's fault, not the learner's)."""
    _installed.clear()
    for entry in request.get("module_code") or ():
        name = entry["name"]
        module = _Module(name)
        module.__file__ = f"{name}.py"
        module.__dict__["__builtins__"] = _builtins
        _modules[name] = _installed[name] = module
        try:
            _exec(_code_of(name, entry["code"]), module.__dict__)
        except _BaseException as exc:
            _modules.pop(name, None)
            _installed.pop(name, None)
            return {"kind": "helper_failed", "module": name, "error": _message(exc)}
    return None


def install_for_tests(request, learner):
    """Before a unittest check's tests load: the learner's module also under the check's
    `module` name, each helper module back under its own name, and a fresh `pytest` stand-in
    (whatever learner code put there under those names meanwhile is replaced)."""
    name = request.get("module")
    if name and name != "solution":
        _modules[name] = learner
    _modules.update(_installed)
    _modules.pop("pytest", None)
    _modules["pytest"] = _import("pytest")
