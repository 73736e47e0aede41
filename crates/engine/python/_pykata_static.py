"""Static checks: the learner's source judged by AST rules (constructs it must or must not
use, functions it must or must not call), without running it."""

import ast as _ast

from _pykata_describe import answer as _answer, describe as _describe
from _pykata_learner import learner_file as _learner_file

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)

_SyntaxError = _builtins.SyntaxError
_parse = _ast.parse


# Static rules: each construct name maps to the AST node types that count as using it.
_CONSTRUCTS = {
    "yield": (_ast.Yield, _ast.YieldFrom),
    "yield_from": (_ast.YieldFrom,),
    "with": (_ast.With, _ast.AsyncWith),
    "try": (_ast.Try,),
    "raise": (_ast.Raise,),
    "for": (_ast.For, _ast.AsyncFor),
    "while": (_ast.While,),
    "lambda": (_ast.Lambda,),
    "class": (_ast.ClassDef,),
    "return": (_ast.Return,),
    "comprehension": (_ast.ListComp, _ast.SetComp, _ast.DictComp, _ast.GeneratorExp),
    "generator_expression": (_ast.GeneratorExp,),
    "global": (_ast.Global,),
    "nonlocal": (_ast.Nonlocal,),
    "import": (_ast.Import, _ast.ImportFrom),
}


def _uses_decorator(node):
    return isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)) and bool(node.decorator_list)


def _dotted(node):
    if isinstance(node, _ast.Name):
        return node.id
    if isinstance(node, _ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return None


def _import_aliases(tree):
    """Local name -> full dotted name, from `import a.b as c` and `from a import b as c`."""
    aliases = {}
    for node in _ast.walk(tree):
        if isinstance(node, _ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, _ast.ImportFrom) and node.module:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _calls(tree):
    """(dotted name, line) of every call whose target is a plain or dotted name, with
    imported names resolved: after `from functools import wraps`, `wraps()` is `functools.wraps`."""
    aliases = _import_aliases(tree)
    for node in _ast.walk(tree):
        if isinstance(node, _ast.Call):
            name = _dotted(node.func)
            if name:
                head, dot, rest = name.partition(".")
                yield aliases.get(head, head) + dot + rest, node.lineno


def _call_matches(called, wanted):
    return called == wanted or called.endswith("." + wanted)


def _construct_lines(tree, construct):
    if construct == "decorator":
        return [node.lineno for node in _ast.walk(tree) if _uses_decorator(node)]
    kinds = _CONSTRUCTS[construct]
    return [node.lineno for node in _ast.walk(tree) if isinstance(node, kinds)]


def judge(request):
    """Judge the learner's source by AST rules, without running it."""
    source = request["source"]
    try:
        tree = _parse(source, _learner_file())
    except _SyntaxError as exc:
        text, line = _describe(exc, source)
        return _answer("error", {"kind": "syntax", "traceback": text}, "", line)
    calls = list(_calls(tree))

    def broken(rule, name, line=None):
        return _answer("fail", {"kind": "rule", "rule": rule, "name": name, "line": line}, line=line)

    for construct in request.get("must_use", []):
        if not _construct_lines(tree, construct):
            return broken("missing_construct", construct)
    for construct in request.get("must_not_use", []):
        lines = _construct_lines(tree, construct)
        if lines:
            return broken("forbidden_construct", construct, lines[0])
    for wanted in request.get("must_call", []):
        if not any(_call_matches(called, wanted) for called, _ in calls):
            return broken("missing_call", wanted)
    for unwanted in request.get("must_not_call", []):
        for called, line in calls:
            if _call_matches(called, unwanted):
                return broken("forbidden_call", called, line)
    return _answer("pass")
