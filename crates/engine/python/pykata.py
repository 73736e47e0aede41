"""Helpers for pykata checks.

Check code runs with every public name of this module already in scope, so a behaviour check
reads like a short story about what the learner's code must *do*:

    logged = decorate(log_calls, spy(returns=42, name="fetch", doc="Fetch a row."))
    expect_wraps(logged, "fetch", "Fetch a row.")
    expect_equal(logged(1, key="a"), 42, "the wrapper must return what the function returns")

Every helper fails with `CheckFailed`. `fail` and `expect` carry the check author's own text,
shown to the learner as it is; the other helpers carry an unmet expectation: a key of the
engine's messages and its arguments (`expectation_of`), which the engine words
(`crates/engine/src/message.rs`) so a host can say it in the learner's language. Either way the
message names the likely mistake.
"""

import builtins as _builtins

# Everything defined below looks builtins up in this private copy, taken when the engine
# starts, before any learner code runs: patching `builtins` cannot change a helper.
__builtins__ = dict(_builtins.__dict__)

# References captured when the engine starts, before any learner code runs.
_repr = _builtins.repr
_type = _builtins.type
_callable = _builtins.callable
_isinstance = _builtins.isinstance
_len = _builtins.len
_getattr = _builtins.getattr
_hasattr = _builtins.hasattr
_iter = _builtins.iter
_next = _builtins.next
_list = _builtins.list
_BaseException = _builtins.BaseException
_StopIteration = _builtins.StopIteration
_id = _builtins.id
_GeneratorType = _type(x for x in ())

__all__ = [
    "CheckFailed",
    "fail",
    "expect",
    "expect_equal",
    "spy",
    "Call",
    "FakeClock",
    "decorate",
    "expect_wraps",
    "CountingIterable",
    "expect_iterator",
    "take",
    "raises",
    "BlockOutcome",
    "run_with",
    "expect_enters",
    "expect_propagates",
    "expect_suppresses",
]


class CheckFailed(AssertionError):
    """A check failed; the text is the learner-facing explanation."""


# The expectation each failing helper raised, by the id of its `CheckFailed` (the exception is
# kept with it, so a later object with the same id never passes for it). Learner code cannot
# reach it to change what a failure says.
_unmet = {}


def _unmet_expectation(key, **args):
    """Fail the check with the engine's message `key` and its `args` (text and numbers)."""
    failure = CheckFailed(key, args)
    _unmet[_id(failure)] = (failure, key, args)
    raise failure


def expectation_of(failure):
    """`(key, args)` of a failure a helper raised, else None (not in `__all__`: the engine's)."""
    entry = _unmet.get(_id(failure))
    if entry is None or entry[0] is not failure:
        return None
    return entry[1], entry[2]


def fail(message):
    """Fail the check with `message`."""
    raise CheckFailed(message)


def expect(condition, message):
    """Fail the check with `message` unless `condition` is true."""
    if not condition:
        raise CheckFailed(message)


def _short(value, limit=200):
    text = _repr(value)
    return text if _len(text) <= limit else text[: limit - 3] + "..."


def expect_equal(actual, expected, message=None):
    """Fail unless `actual` equals `expected` and has exactly its type.

    The exact type test means an object whose `__eq__` always says True cannot pass.
    """
    if _type(actual) is not _type(expected) or not (expected == actual):
        if message:
            _unmet_expectation("not_equal_because", reason=message, expected=_short(expected), actual=_short(actual))
        _unmet_expectation("not_equal", expected=_short(expected), actual=_short(actual))


class Call:
    """One recorded call: positional `args` and keyword `kwargs`."""

    def __init__(self, args, kwargs):
        self.args = args
        self.kwargs = kwargs

    def __eq__(self, other):
        return _isinstance(other, Call) and (self.args, self.kwargs) == (other.args, other.kwargs)

    def __repr__(self):
        parts = [_repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return "call(" + ", ".join(parts) + ")"


def spy(returns=None, *, raises=None, name="target", doc="The original docstring."):
    """A real function named `name` with docstring `doc` that records its calls in `.calls`.

    It returns `returns`, or raises `raises` (an exception instance or class) when given.
    Use it as the function a learner's decorator wraps.
    """

    def target(*args, **kwargs):
        target.calls.append(Call(args, kwargs))
        if raises is not None:
            raise raises
        return returns

    target.calls = []
    target.__name__ = name
    target.__qualname__ = name
    target.__doc__ = doc
    return target


class FakeClock:
    """A clock that stands still until the check moves it: calling it returns `now`.

    Pass it where the code under test reads the time — a `clock` argument, or in place of
    `time.monotonic` / `time.perf_counter` (restore the real one in a `finally:`). `reads`
    counts the calls, so a check can tell the learner their code never read this clock;
    `at(seconds)` moves it to `seconds` after the time it started at, or set `now` directly.
    """

    def __init__(self, now=0.0):
        self.start = now
        self.now = now
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.now

    def at(self, seconds):
        """Move to `seconds` after the start."""
        self.now = self.start + seconds


def _labelled(label):
    """The `label` argument of a message: left out when the check gave none, so the engine's
    wording says "your decorator" or "your function"."""
    return {} if label is None else {"label": label}


def decorate(decorator, function, label=None):
    """Apply `decorator` to `function`, failing clearly if it does not give back a callable.
    `label` names the decorator in failures (default: "your decorator")."""
    if not _callable(decorator):
        _unmet_expectation("decorator_not_callable", got=_short(decorator), **_labelled(label))
    wrapped = decorator(function)
    if wrapped is None:
        _unmet_expectation("decorator_returned_none", **_labelled(label))
    if not _callable(wrapped):
        _unmet_expectation("decorator_returned_uncallable", got=_short(wrapped), **_labelled(label))
    return wrapped


def expect_wraps(wrapper, original):
    """Fail unless `wrapper` carries `original`'s name, docstring and `__wrapped__`."""
    if wrapper is None:
        _unmet_expectation("decorator_returned_none")
    if not _callable(wrapper):
        _unmet_expectation("decorator_returned_uncallable", got=_short(wrapper))
    name = _getattr(original, "__name__", None)
    if _getattr(wrapper, "__name__", None) != name:
        _unmet_expectation("wrapper_name", actual=_repr(_getattr(wrapper, "__name__", None)), expected=_repr(name))
    if _getattr(wrapper, "__doc__", None) != _getattr(original, "__doc__", None):
        _unmet_expectation("wrapper_docstring")
    if _getattr(wrapper, "__wrapped__", None) is not original:
        _unmet_expectation("wrapper_not_wrapped")


# What each CountingIterable has seen, kept where learner code cannot reset it.
_progress = {}


class CountingIterable:
    """An iterable over `items` that counts how many items have been pulled from it.

    `pulled` proves laziness: a lazy generator pulls only what it needs to yield. With
    `limit`, pulling more than `limit` items fails the check at once, so an endless source
    (`itertools.count()`) can be used without hanging a generator that reads everything.
    The count cannot be changed by the code under test (`source.pulled = 0` is refused).
    """

    __slots__ = ("_items", "_limit", "__weakref__")

    def __init__(self, items, limit=None):
        self._items = items
        self._limit = limit
        _progress[_id(self)] = [0, False]

    @property
    def pulled(self):
        """How many items have been pulled so far."""
        return _progress[_id(self)][0]

    @property
    def finished(self):
        """True once every item has been pulled."""
        return _progress[_id(self)][1]

    def __iter__(self):
        progress = _progress[_id(self)]
        limit = self._limit
        for item in self._items:
            if limit is not None and progress[0] >= limit:
                _unmet_expectation("read_ahead", limit=limit)
            progress[0] += 1
            yield item
        progress[1] = True


def expect_iterator(value, label=None):
    """Fail unless `value` is a lazy iterator (such as a generator), not a ready-made collection.
    `label` names the function in failures (default: "your function")."""
    if _isinstance(value, (_builtins.list, _builtins.tuple, _builtins.set, _builtins.dict)):
        _unmet_expectation("not_lazy", type=_type(value).__name__, **_labelled(label))
    if value is None:
        _unmet_expectation("generator_returned_none", **_labelled(label))
    if not _hasattr(value, "__next__"):
        _unmet_expectation("not_an_iterator", got=_short(value), **_labelled(label))
    return value


def take(iterator, count):
    """The next `count` items of `iterator` as a list (fewer if it runs out); fails as
    `expect_iterator` does when `iterator` is not one."""
    expect_iterator(iterator)
    items = []
    for _ in _builtins.range(count):
        try:
            items.append(_next(iterator))
        except _StopIteration:
            break
    return items


def raises(exception_type, function, *args, **kwargs):
    """Call `function(*args, **kwargs)` and return the `exception_type` it raises; fail if it does not.

    A `function` that cannot be called fails at once: calling it would raise a `TypeError`,
    which `raises(TypeError, ...)` would take for the expected one."""
    if not _callable(function):
        _unmet_expectation("not_callable", got=_short(function))
    try:
        result = function(*args, **kwargs)
    except exception_type as error:
        return error
    if _hasattr(result, "__next__"):
        try:
            for _ in result:
                pass
        except exception_type as error:
            return error
    _unmet_expectation("nothing_raised", exception=exception_type.__name__)


class BlockOutcome:
    """What happened when a `with` block ran: see `run_with`."""

    def __init__(self):
        self.entered = False
        self.value = None
        self.body_ran = False
        self.raised = None
        self.escaped = None

    @property
    def suppressed(self):
        """True when the block raised but the exception did not escape the `with` statement."""
        return self.body_ran and self.raised is not None and self.escaped is None


def _expect_context_manager(manager):
    """Fail unless `manager`'s class has `__enter__` and `__exit__` (where `with` looks them up).
    A bare generator is the usual mistake: a generator function without `@contextmanager`."""
    kind = _type(manager)
    for method in ("__enter__", "__exit__"):
        if not _hasattr(kind, method):
            if _isinstance(manager, _GeneratorType):
                _unmet_expectation("generator_not_context_manager", got=_short(manager))
            _unmet_expectation("not_a_context_manager", got=_short(manager), method=method)


def run_with(manager, body=None, raises=None):
    """Run `with manager as value:` and report what happened as a `BlockOutcome`; fails at
    once if `manager` is not a context manager.

    `body(value)` runs inside the block when given; then `raises` (an exception instance)
    is raised inside the block when given. Whatever escapes the `with` is caught and recorded.
    """
    _expect_context_manager(manager)
    outcome = BlockOutcome()
    outcome.raised = raises
    try:
        with manager as value:
            outcome.entered = True
            outcome.value = value
            if body is not None:
                body(value)
            outcome.body_ran = True
            if raises is not None:
                raise raises
    except _BaseException as escaped:
        outcome.escaped = escaped
    return outcome


def expect_enters(manager, expected):
    """Fail unless `with manager as value:` gives the very object `expected` as `value` (what
    `__enter__` returns): `expect_enters(manager, manager)` for an `__enter__` that must
    `return self`."""
    outcome = run_with(manager)
    if not outcome.entered:
        _unmet_expectation("with_not_entered", escaped=_short(outcome.escaped))
    if outcome.value is not expected:
        if outcome.value is None:
            _unmet_expectation("enter_returned_none", expected=_short(expected))
        _unmet_expectation("enter_returned", got=_short(outcome.value), expected=_short(expected))
    return outcome


def expect_propagates(manager, error=None):
    """Fail unless an exception raised inside `with manager:` escapes it unchanged."""
    error = error if error is not None else _builtins.ValueError("raised inside the with block")
    outcome = run_with(manager, raises=error)
    if not outcome.entered:
        _unmet_expectation("with_not_entered", escaped=_short(outcome.escaped))
    if outcome.escaped is None:
        _unmet_expectation("with_swallowed")
    if outcome.escaped is not error:
        _unmet_expectation("with_replaced", raised=_short(error), escaped=_short(outcome.escaped))
    return outcome


def expect_suppresses(manager, error):
    """Fail unless an exception raised inside `with manager:` is suppressed."""
    outcome = run_with(manager, raises=error)
    if not outcome.entered:
        _unmet_expectation("with_not_entered", escaped=_short(outcome.escaped))
    if outcome.escaped is error:
        _unmet_expectation("with_not_suppressed", raised=_short(error))
    if outcome.escaped is not None:
        _unmet_expectation("exit_raised", raised=_short(error), escaped=_short(outcome.escaped))
    return outcome
