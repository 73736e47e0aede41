"""Whether an output check's expected text matches what was printed, and the digest that
stands in for a hidden check's expected text in built bundles."""

import re as _re

from _sha256 import sha256 as _sha256

import builtins as _builtins

# Everything here looks builtins up in this private copy (see `_pykata_runner`).
__builtins__ = dict(_builtins.__dict__)

_search = _re.search


def output_matches(request, actual):
    """Whether `actual` output is what the check expects: its `expected` text, or, in built
    bundles, the digest of it that stands in for a hidden check's expected output."""
    mode = request.get("match", "exact")
    expected_digest = request.get("expected_sha256")
    if expected_digest is not None:
        return digest_of(mode, actual) == expected_digest
    expected = request["expected"]
    if mode == "regex":
        return _search(expected, actual, _re.MULTILINE) is not None
    if mode == "normalised":
        return _normalise(expected) == _normalise(actual)
    return expected == actual


def _normalise(text):
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(lines)


def digest_of(mode, text):
    """SHA-256 (hex) of `text` as `mode` compares it."""
    if mode == "normalised":
        text = _normalise(text)
    return _sha256(text.encode("utf-8")).hexdigest()
