"""Helpers for pykata checks.

Check code runs with every public name of this module already in scope, so a behaviour check
reads like a short story about what the learner's code must *do*:

    logged = decorate(log_calls, spy(returns=42, name="fetch", doc="Fetch a row."))
    expect_wraps(logged, "fetch", "Fetch a row.")
    expect_equal(logged(1, key="a"), 42, "the wrapper must return what the function returns")

Every helper fails with `CheckFailed`, whose text is shown to the learner as it is, so the
messages speak the learner's language and name the likely mistake.
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
    "expect_propagates",
    "expect_suppresses",
]


class CheckFailed(AssertionError):
    """A check failed; the text is the learner-facing explanation."""


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
        detail = f"expected {_short(expected)}, got {_short(actual)}"
        raise CheckFailed(f"{message}: {detail}" if message else detail)


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


def decorate(decorator, function, label="your decorator"):
    """Apply `decorator` to `function`, failing clearly if it does not give back a callable."""
    if not _callable(decorator):
        fail(f"{label} is not callable (got {_short(decorator)})")
    wrapped = decorator(function)
    if wrapped is None:
        fail(f"{label} returned None — did you forget `return wrapper`?")
    if not _callable(wrapped):
        fail(f"{label} returned {_short(wrapped)}, which cannot be called — return the wrapper function itself")
    return wrapped


def expect_wraps(wrapper, original):
    """Fail unless `wrapper` carries `original`'s name, docstring and `__wrapped__`."""
    name = _getattr(original, "__name__", None)
    if _getattr(wrapper, "__name__", None) != name:
        fail(
            f"the decorated function is called {_getattr(wrapper, '__name__', None)!r} instead of {name!r} — "
            "decorate your wrapper with @functools.wraps(func)"
        )
    if _getattr(wrapper, "__doc__", None) != _getattr(original, "__doc__", None):
        fail("the decorated function lost its docstring — decorate your wrapper with @functools.wraps(func)")
    if _getattr(wrapper, "__wrapped__", None) is not original:
        fail(
            "the decorated function has no __wrapped__ pointing at the original — "
            "@functools.wraps(func) sets it for you"
        )


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
                fail(
                    f"your code read more than {limit} items from the source before giving any back — "
                    "it builds the whole list before yielding; yield items as you go"
                )
            progress[0] += 1
            yield item
        progress[1] = True


def expect_iterator(value, label="your function"):
    """Fail unless `value` is a lazy iterator (such as a generator), not a ready-made collection."""
    if _isinstance(value, (_builtins.list, _builtins.tuple, _builtins.set, _builtins.dict)):
        fail(
            f"{label} returned a {_type(value).__name__} — it builds the whole result before giving any of it; "
            "use `yield` to produce items one at a time"
        )
    if value is None:
        fail(f"{label} returned None — a generator function needs at least one `yield`")
    if not _hasattr(value, "__next__"):
        fail(f"{label} returned {_short(value)}, which is not an iterator — use `yield`")
    return value


def take(iterator, count):
    """The next `count` items of `iterator` as a list (fewer if it runs out)."""
    items = []
    for _ in _builtins.range(count):
        try:
            items.append(_next(iterator))
        except _StopIteration:
            break
    return items


def raises(exception_type, function, *args, **kwargs):
    """Call `function(*args, **kwargs)` and return the `exception_type` it raises; fail if it does not."""
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
    fail(f"expected {exception_type.__name__} to be raised, but nothing was raised")


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


def run_with(manager, body=None, raises=None):
    """Run `with manager as value:` and report what happened as a `BlockOutcome`.

    `body(value)` runs inside the block when given; then `raises` (an exception instance)
    is raised inside the block when given. Whatever escapes the `with` is caught and recorded.
    """
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


def expect_propagates(manager, error=None):
    """Fail unless an exception raised inside `with manager:` escapes it unchanged."""
    error = error if error is not None else _builtins.ValueError("raised inside the with block")
    outcome = run_with(manager, raises=error)
    if not outcome.entered:
        fail(f"the with block never started: {_short(outcome.escaped)} was raised on entry")
    if outcome.escaped is None:
        fail(
            "the exception raised inside the with block was silently swallowed — "
            "`__exit__` must return False (or None) unless it means to suppress it"
        )
    if outcome.escaped is not error:
        fail(f"the with block raised {_short(error)}, but {_short(outcome.escaped)} came out instead")
    return outcome


def expect_suppresses(manager, error):
    """Fail unless an exception raised inside `with manager:` is suppressed."""
    outcome = run_with(manager, raises=error)
    if outcome.escaped is not None:
        fail(f"{_short(error)} raised inside the with block escaped, but it should have been suppressed")
    return outcome
