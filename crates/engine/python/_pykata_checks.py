"""Check code: compiled as the engine's check file with strict equality in its asserts, run
with the exercise's setup in a scope holding pykata's helpers."""

import ast as _ast

import pykata as _helpers

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)


# The file name checks are compiled under: the engine's guard (guard.rs) trusts code by it and
# hands it to `configure`.
_check_file = None


def configure(check_file):
    global _check_file
    _check_file = check_file


_exec = _builtins.exec
_compile = _builtins.compile
_parse = _ast.parse
CheckFailed = _helpers.CheckFailed
HELPERS = {name: getattr(_helpers, name) for name in _helpers.__all__}


STRICT_EQUAL = "__pykata_equal__"


class _StrictComparisons(_ast.NodeTransformer):
    """Rewrites `a == b` and `a != b` inside `assert` statements into calls of the guard's
    strict equality, so an object whose `__eq__` always says True cannot pass an assert."""

    def visit_Assert(self, node):
        node.test = self._strict(node.test)
        return node

    def _strict(self, node):
        for child in _ast.walk(node):
            for field, value in _ast.iter_fields(child):
                if isinstance(value, _ast.Compare):
                    setattr(child, field, self._call(value))
                elif isinstance(value, list):
                    value[:] = [self._call(v) if isinstance(v, _ast.Compare) else v for v in value]
        return self._call(node) if isinstance(node, _ast.Compare) else node

    @staticmethod
    def _call(compare):
        if len(compare.ops) != 1 or not isinstance(compare.ops[0], (_ast.Eq, _ast.NotEq)):
            return compare
        call = _ast.Call(
            func=_ast.Name(id=STRICT_EQUAL, ctx=_ast.Load()),
            args=[compare.left, compare.comparators[0]],
            keywords=[],
        )
        if isinstance(compare.ops[0], _ast.NotEq):
            call = _ast.UnaryOp(op=_ast.Not(), operand=call)
        return _ast.fix_missing_locations(_ast.copy_location(call, compare))


# Compiled check code by its text: the same checks run for every submission of an exercise.
_compiled_checks = {}

_COMPILED_CHECKS_KEPT = 256


def exec_check(request, scope):
    """Run the exercise's setup, then the check's code, in `scope`."""
    for code in (request.get("setup"), request["code"]):
        if code:
            _exec(_compile_check(code), scope)


def _compile_check(code):
    """Compile check code as `<check>`, with strict equality in its asserts."""
    compiled = _compiled_checks.get(code)
    if compiled is None:
        if len(_compiled_checks) >= _COMPILED_CHECKS_KEPT:
            _compiled_checks.clear()
        tree = _StrictComparisons().visit(_parse(code, _check_file))
        compiled = _compiled_checks[code] = _compile(tree, _check_file, "exec")
    return compiled
