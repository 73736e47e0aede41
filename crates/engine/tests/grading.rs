//! Every check kind passing and failing, budgets, tracebacks and isolation, on the native engine.

mod common;

use common::on_big_stack;
use pykata_engine::{Budget, Engine, MessageKey, Report, Status, SystemHost};
use pykata_pack::Manifest;

fn manifest(checks: &str) -> Manifest {
    let text = format!(
        "id = \"log-calls\"\ntitle = \"T\"\ntopic = \"test\"\ndifficulty = \"easy\"\nhints = [\"a\", \"b\"]\ntime_limit_ms = 1500\n{checks}"
    );
    toml::from_str(&text).unwrap_or_else(|e| panic!("test manifest: {e}"))
}

fn grade(checks: &str, source: &str) -> Report {
    Engine::new(SystemHost::default())
        .grade(&manifest(checks), source)
        .expect("engine works")
}

fn only(report: &Report) -> &pykata_engine::TestResult {
    assert_eq!(report.tests.len(), 1, "{report:#?}");
    &report.tests[0]
}

const OUTPUT_EXACT: &str = r#"
[[checks]]
id = "greets"
kind = "output"
title = "Greets"
message = "Print Hello, NAME!"
stdin = "Ada\n"
expected = "Hello, Ada!\n"
"#;

#[test]
fn output_check_feeds_stdin_and_compares_exactly() {
    let pass = grade(OUTPUT_EXACT, "print(f'Hello, {input()}!')\n");
    assert_eq!(pass.status, Status::Pass, "{pass:#?}");
    let fail = grade(OUTPUT_EXACT, "print(f'Hello,  {input()}!')\n");
    let test = only(&fail);
    assert_eq!(test.status, Status::Fail);
    let message = test.message.as_deref().unwrap();
    assert!(message.starts_with("Print Hello, NAME!"), "{message}");
    assert!(
        message.contains("Expected output:\nHello, Ada!\n\nYour output:\nHello,  Ada!"),
        "{message}"
    );
}

#[test]
fn output_mismatch_points_at_the_first_difference() {
    let args = |source: &str| only(&grade(OUTPUT_EXACT, source)).message_args.clone();
    let extra_space = args("print(f'Hello,  {input()}!')\n");
    assert_eq!(extra_space["line"], 1);
    assert_eq!(extra_space["column"], 8, "after `Hello, `: {extra_space:?}");
    assert_eq!(extra_space["expected_line"], "Hello, Ada!");
    assert_eq!(extra_space["actual_line"], "Hello,  Ada!");
    let message = only(&grade(OUTPUT_EXACT, "print(f'Hello,  {input()}!')\n")).message.clone().unwrap();
    assert!(message.ends_with("The first difference is on line 1, column 8."), "{message}");
    // A missing last newline: the second line exists only in the expected text.
    let no_newline = args("print(f'Hello, {input()}!', end='')\n");
    assert_eq!((no_newline["line"].clone(), no_newline["column"].clone()), (2.into(), 1.into()));
    assert_eq!(no_newline["expected_line"], "");
    assert!(!no_newline.contains_key("actual_line"), "{no_newline:?}");
    let extra_line = args("print(f'Hello, {input()}!')\nprint('bye')\n");
    assert_eq!(extra_line["line"], 2);
    assert_eq!(extra_line["actual_line"], "bye");
}

#[test]
fn output_check_normalised_and_regex() {
    let normalised = r#"
[[checks]]
id = "n"
kind = "output"
title = "N"
message = "m"
expected = "a b\nc"
match = "normalised"
"#;
    assert_eq!(
        grade(normalised, "print('a   b  ')\nprint('c')\nprint()\n").status,
        Status::Pass
    );
    assert_eq!(grade(normalised, "print('a b c')\n").status, Status::Fail);
    let regex = r#"
[[checks]]
id = "r"
kind = "output"
title = "R"
message = "m"
expected = '^took \d+ ms$'
match = "regex"
"#;
    assert_eq!(
        grade(regex, "print('start')\nprint('took 12 ms')\n").status,
        Status::Pass
    );
    assert_eq!(grade(regex, "print('took many ms')\n").status, Status::Fail);
}

#[test]
fn output_check_with_code_runs_the_learner_module_first() {
    let checks = r#"
[[checks]]
id = "c"
kind = "output"
title = "C"
message = "m"
code = "shout('hi')"
expected = "HI\n"
"#;
    let source = "def shout(s):\n    print(s.upper())\n\nif __name__ == '__main__':\n    print('demo')\n";
    assert_eq!(grade(checks, source).status, Status::Pass);
}

const ASSERT: &str = r#"
[[checks]]
id = "adds"
kind = "assert"
title = "Adds"
message = "add(a, b) must return a + b."
code = "assert add(2, 3) == 5, 'add(2, 3) should be 5'"
"#;

#[test]
fn assert_check_passes_and_fails_with_its_message() {
    assert_eq!(grade(ASSERT, "def add(a, b):\n    return a + b\n").status, Status::Pass);
    let fail = grade(ASSERT, "def add(a, b):\n    return a - b\n");
    let test = only(&fail);
    assert_eq!(test.status, Status::Fail);
    assert_eq!(
        test.message.as_deref(),
        Some("add(a, b) must return a + b.\n\nadd(2, 3) should be 5")
    );
}

#[test]
fn learner_exceptions_are_errors_with_the_learner_line_and_no_harness_frames() {
    let report = grade(ASSERT, "def add(a, b):\n    total = a + b\n    return total / 0\n");
    let test = only(&report);
    assert_eq!(test.status, Status::Error);
    assert_eq!(test.line, Some(3));
    let message = test.message.as_deref().unwrap();
    // The learner's file is named after the exercise (`log-calls`), not "solution".
    assert!(
        message.contains("File \"log_calls.py\", line 3, in add\n    return total / 0"),
        "{message}"
    );
    assert!(message.contains("ZeroDivisionError"), "{message}");
    assert!(
        !message.contains("_pykata_runner") && !message.contains("<check>"),
        "{message}"
    );
}

#[test]
fn the_first_exception_is_described_whatever_learner_code_changed() {
    // pykata imports `traceback` the first time it describes an exception, after learner code
    // may have changed the interpreter: the import must not see those changes.
    let source = "import sys, warnings\nwarnings.simplefilter('error')\nsys.setrecursionlimit(40)\n\
                  sys.modules['textwrap'] = sys.modules['linecache'] = None\n\n\
                  def add(a, b):\n    return a / 0\n";
    let report = grade(ASSERT, source);
    let test = only(&report);
    assert_eq!(test.status, Status::Error, "{report:#?}");
    assert_eq!(test.line, Some(7));
    let message = test.message.as_deref().unwrap();
    assert!(
        message.ends_with("    return a / 0\nZeroDivisionError: division by zero"),
        "{message}"
    );
}

#[test]
fn crash_while_loading_is_reported_per_check() {
    let report = grade(ASSERT, "import nonexistent_module\n");
    let test = only(&report);
    assert_eq!(test.status, Status::Error);
    assert_eq!(test.line, Some(1));
    assert!(test.message.as_deref().unwrap().contains("ModuleNotFoundError"));
}

#[test]
fn syntax_error_is_one_top_level_error() {
    let report = grade(ASSERT, "def add(a, b)\n    return a + b\n");
    assert_eq!(report.status, Status::Error);
    assert_eq!(report.line, Some(1));
    assert!(report.message.as_deref().unwrap().contains("syntax error"));
    assert!(report.tests.is_empty());
}

#[test]
fn behaviour_helpers_judge_decorators() {
    let checks = r#"
[[checks]]
id = "wraps"
kind = "behaviour"
title = "W"
message = "Keep metadata."
code = '''
original = spy(returns=3, name="f", doc="Doc.")
wrapped = decorate(deco, original, "deco")
expect_wraps(wrapped, original)
expect_equal(wrapped(1, k=2), 3, "result")
expect_equal(original.calls, [Call((1,), {"k": 2})], "calls")
'''
"#;
    let good = "import functools\ndef deco(f):\n    @functools.wraps(f)\n    def w(*a, **k):\n        return f(*a, **k)\n    return w\n";
    assert_eq!(grade(checks, good).status, Status::Pass, "{:#?}", grade(checks, good));
    let no_wraps = "def deco(f):\n    def w(*a, **k):\n        return f(*a, **k)\n    return w\n";
    let message = only(&grade(checks, no_wraps)).message.clone().unwrap();
    assert!(message.contains("called 'w' instead of 'f'"), "{message}");
    let returns_none = "def deco(f):\n    def w(*a, **k):\n        return f(*a, **k)\n";
    let message = only(&grade(checks, returns_none)).message.clone().unwrap();
    assert!(message.contains("did you forget `return wrapper`"), "{message}");
}

#[test]
fn behaviour_helpers_judge_generators_and_context_managers() {
    let checks = r#"
[[checks]]
id = "lazy"
kind = "behaviour"
title = "Lazy"
message = "Be lazy."
code = '''
import itertools
source = CountingIterable(itertools.count(), limit=50)
first = take(expect_iterator(evens(source)), 2)
expect_equal(first, [0, 2], "first two")
expect(source.pulled == 3, f"pulled {source.pulled}")
'''

[[checks]]
id = "propagates"
kind = "behaviour"
title = "Propagates"
message = "Do not swallow."
code = "expect_propagates(Guard())"
"#;
    let good = "def evens(xs):\n    for x in xs:\n        if x % 2 == 0:\n            yield x\n\nclass Guard:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return False\n";
    assert_eq!(grade(checks, good).status, Status::Pass, "{:#?}", grade(checks, good));
    let bad = "def evens(xs):\n    return [x for x in xs if x % 2 == 0]\n\nclass Guard:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return True\n";
    let report = grade(checks, bad);
    let lazy = report.test("lazy").unwrap().message.clone().unwrap();
    assert!(lazy.contains("builds the whole list before yielding"), "{lazy}");
    let swallowed = report.test("propagates").unwrap().message.clone().unwrap();
    assert!(swallowed.contains("silently swallowed"), "{swallowed}");
}

/// Each `with` helper names the real mistake: what a manager lacks or does, not an exception
/// the mistake made escape.
#[test]
fn context_manager_helpers_say_what_is_wrong_with_the_manager() {
    let checks = r#"
[[checks]]
id = "suppresses"
kind = "behaviour"
title = "S"
message = "Suppress it."
code = "expect_suppresses(Manager(), ValueError('bad'))"

[[checks]]
id = "propagates"
kind = "behaviour"
title = "P"
message = "Let it through."
code = "expect_propagates(Manager())"

[[checks]]
id = "runs"
kind = "behaviour"
title = "R"
message = "Run the block."
code = "run_with(Manager())"

[[checks]]
id = "enters"
kind = "behaviour"
title = "E"
message = "Give the manager itself."
code = "manager = Manager()\nexpect_enters(manager, manager)"
"#;
    let said = |source: &str| {
        let report = grade(checks, source);
        ["suppresses", "propagates", "runs", "enters"].map(|id| {
            let test = report.test(id).unwrap_or_else(|| panic!("{id}: {report:#?}"));
            assert_eq!(test.status, Status::Fail, "{id}: {test:#?}");
            (test.message_key.unwrap(), test.message.clone().unwrap())
        })
    };
    for (source, method) in [
        ("class Manager:\n    def __exit__(self, *exc):\n        return True\n", "__enter__"),
        ("class Manager:\n    def __enter__(self):\n        return self\n", "__exit__"),
    ] {
        for (key, message) in said(source) {
            assert_eq!(key, MessageKey::NotAContextManager, "{message}");
            assert!(message.contains(&format!("its class has no `{method}` method")), "{message}");
        }
    }
    let generator = "def Manager():\n    try:\n        yield\n    except ValueError:\n        pass\n";
    for (key, message) in said(generator) {
        assert_eq!(key, MessageKey::GeneratorNotContextManager, "{message}");
        assert!(message.contains("@contextlib.contextmanager"), "{message}");
    }

    // `__exit__` with the wrong signature raises a TypeError of its own.
    let bad_exit = "class Manager:\n    def __enter__(self):\n        return self\n    def __exit__(self):\n        return True\n";
    let report = grade(checks, bad_exit);
    let suppresses = report.test("suppresses").unwrap();
    assert_eq!(suppresses.message_key, Some(MessageKey::ExitRaised), "{suppresses:#?}");
    let message = suppresses.message.as_deref().unwrap();
    assert!(message.contains("`__exit__` itself raised TypeError("), "{message}");
    assert!(message.contains("while handling ValueError('bad')"), "{message}");
    assert_eq!(report.test("propagates").unwrap().message_key, Some(MessageKey::WithReplaced));

    // `__enter__` raising: the block never started, for either expectation.
    let bad_enter = "class Manager:\n    def __enter__(self):\n        raise KeyError('k')\n    def __exit__(self, *exc):\n        return True\n";
    let report = grade(checks, bad_enter);
    for id in ["suppresses", "propagates", "enters"] {
        let test = report.test(id).unwrap();
        assert_eq!(test.message_key, Some(MessageKey::WithNotEntered), "{id}: {test:#?}");
        assert!(test.message.as_deref().unwrap().contains("KeyError('k') was raised on entry"), "{test:#?}");
    }

    // A manager that lets the exception through still gets the plain answer.
    let propagates = "class Manager:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return False\n";
    let report = grade(checks, propagates);
    assert_eq!(report.test("suppresses").unwrap().message_key, Some(MessageKey::WithNotSuppressed));
    assert_eq!(report.test("propagates").unwrap().status, Status::Pass);
    assert_eq!(report.test("enters").unwrap().status, Status::Pass);

    // `__enter__` without `return self`, or returning something else.
    let no_return = propagates.replace("        return self\n", "        pass\n");
    let enters = grade(checks, &no_return).test("enters").cloned().unwrap();
    assert_eq!(enters.message_key, Some(MessageKey::EnterReturnedNone), "{enters:#?}");
    assert!(enters.message.unwrap().contains("did you forget `return self`?"));
    let other = propagates.replace("        return self\n", "        return 42\n");
    let enters = grade(checks, &other).test("enters").cloned().unwrap();
    assert_eq!(enters.message_key, Some(MessageKey::EnterReturned), "{enters:#?}");
    assert!(enters.message.unwrap().contains("gave 42, but it should be <"), "the manager's repr");
}

/// A decorator's result that is not a function, a function that is not one, a generator
/// function's result that is not an iterator: each is named, never hidden behind the
/// `TypeError` or `AttributeError` using it would raise.
#[test]
fn other_helpers_say_what_they_were_given() {
    let checks = r#"
[[checks]]
id = "wraps"
kind = "behaviour"
title = "W"
message = "Keep metadata."
code = "expect_wraps(deco(len), len)"

[[checks]]
id = "raises"
kind = "behaviour"
title = "R"
message = "Reject bad input."
code = "raises(TypeError, parse, 'x')"

[[checks]]
id = "take"
kind = "behaviour"
title = "T"
message = "Be lazy."
code = "take(evens(), 2)"
"#;
    let source = "def deco(f):\n    pass\n\nparse = None\n\ndef evens():\n    return None\n";
    let report = grade(checks, source);
    let key = |id| report.test(id).unwrap().message_key;
    assert_eq!(key("wraps"), Some(MessageKey::DecoratorReturnedNone), "{report:#?}");
    // Calling None would raise a TypeError: `raises(TypeError, ...)` must not take it for a pass.
    assert_eq!(report.test("raises").unwrap().status, Status::Fail, "{report:#?}");
    assert_eq!(key("raises"), Some(MessageKey::NotCallable));
    assert!(report.test("raises").unwrap().message.as_deref().unwrap().ends_with("got None"));
    assert_eq!(key("take"), Some(MessageKey::GeneratorReturnedNone));
    let listed = grade(checks, "def deco(f):\n    return 3\n\nparse = int\n\ndef evens():\n    return [0, 2]\n");
    assert_eq!(listed.test("wraps").unwrap().message_key, Some(MessageKey::DecoratorReturnedUncallable));
    assert_eq!(listed.test("take").unwrap().message_key, Some(MessageKey::NotLazy));
}

#[test]
fn static_check_rules() {
    let checks = r#"
[[checks]]
id = "s"
kind = "static"
title = "S"
message = "Use a generator, and do not call list()."
must_use = ["yield"]
must_not_call = ["list"]
must_call = ["functools.wraps"]
"#;
    let good = "import functools\n@functools.wraps(len)\ndef f():\n    yield 1\n";
    assert_eq!(grade(checks, good).status, Status::Pass);
    let no_yield = "import functools\nfunctools.wraps(len)\ndef f():\n    return 1\n";
    assert!(
        only(&grade(checks, no_yield))
            .message
            .as_deref()
            .unwrap()
            .contains("does not use `yield`")
    );
    let calls_list = "from functools import wraps\nwraps(len)\ndef f():\n    yield 1\n\nx = list(f())\n";
    let report = grade(checks, calls_list);
    assert_eq!(only(&report).line, Some(6));
    assert!(
        only(&report)
            .message
            .as_deref()
            .unwrap()
            .contains("Line 6 calls `list()`")
    );
}

#[test]
fn reports_say_what_happened_as_a_message_key_and_arguments_beside_the_english() {
    let checks = r#"
[[checks]]
id = "s"
kind = "static"
title = "S"
message = "Do not call list()."
must_not_call = ["list"]

[[checks]]
id = "a"
kind = "assert"
title = "A"
message = "Return the number."
code = "assert f() == 1, 'got something else'"
"#;
    let report = grade(checks, "def f():\n    return list()\n");
    let (rule, assert) = (&report.tests[0], &report.tests[1]);
    assert_eq!(rule.message_key, Some(MessageKey::ForbiddenCall));
    assert_eq!(rule.message_args["name"], "list");
    assert_eq!(rule.message_args["line"], 2);
    assert_eq!(rule.message_args["check_message"], "Do not call list().");
    assert_eq!(rule.message.as_deref(), Some("Do not call list().\n\nLine 2 calls `list()`."));
    assert_eq!(assert.message_key, Some(MessageKey::CheckFailed));
    assert_eq!(assert.message_args["detail"], "got something else");

    let loading = grade(checks, "raise ValueError('bad')\n");
    let test = &loading.tests[1];
    assert_eq!(test.message_key, Some(MessageKey::RaisedWhileLoading));
    assert!(test.message_args["traceback"].as_str().unwrap().ends_with("ValueError: bad"), "{test:#?}");
    assert_eq!(test.message, Some(format!(
        "Your code raised an exception while being loaded:\n{}",
        test.message_args["traceback"].as_str().unwrap()
    )));

    let syntax = grade(checks, "def f(:\n");
    assert_eq!(syntax.message_key, Some(MessageKey::SyntaxError));
    assert!(syntax.message.as_deref().unwrap().starts_with("Your code has a syntax error:\n"), "{syntax:#?}");
}

const SPIN_THEN_PASS: &str = r#"
[[checks]]
id = "a"
kind = "assert"
title = "A"
message = "m"
code = "spin()"

[[checks]]
id = "b"
kind = "assert"
title = "B"
message = "m"
code = "assert True"
"#;

#[test]
fn an_endless_loop_is_stopped_by_the_time_budget_and_the_next_check_runs() {
    let report = grade(SPIN_THEN_PASS, "def spin():\n    while True:\n        pass\n");
    let spun = report.test("a").unwrap();
    assert_eq!(spun.status, Status::Error);
    assert_eq!(spun.budget, Some(Budget::Time));
    assert!(spun.message.as_deref().unwrap().contains("ran for more than 1.5 s"));
    assert_eq!(
        report.test("b").unwrap().status,
        Status::Pass,
        "the next check runs normally"
    );
}

#[test]
fn a_loop_that_catches_everything_is_still_stopped() {
    let source = "def spin():\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\n";
    let report = grade(SPIN_THEN_PASS, source);
    let spun = report.test("a").unwrap();
    assert_eq!((spun.status, spun.budget), (Status::Error, Some(Budget::Time)));
}

#[test]
fn a_submission_that_loops_in_every_check_is_capped_at_two_budgets() {
    let check = |id: &str| {
        format!("[[checks]]\nid = \"{id}\"\nkind = \"assert\"\ntitle = \"{id}\"\nmessage = \"m\"\ncode = \"pass\"\n")
    };
    let checks: String = ["a", "b", "c", "d"].iter().map(|id| check(id)).collect();
    let report = grade(&checks, "while True:\n    pass\n");
    assert!(
        report.tests.iter().all(|t| t.budget == Some(Budget::Time)),
        "{report:#?}"
    );
    let skipped = report.test("d").unwrap();
    assert!(
        skipped.message.as_deref().unwrap().starts_with("Not run"),
        "{skipped:#?}"
    );
}

#[test]
fn hidden_checks_show_only_their_message() {
    let checks = r#"
[[checks]]
id = "h"
kind = "output"
title = "Hidden"
message = "A hidden case fails."
hidden = true
code = "print(secret_sauce(41))"
expected = "42\n"
"#;
    let report = grade(checks, "def secret_sauce(n):\n    print('debug', n)\n    return n\n");
    let test = only(&report);
    assert_eq!(test.status, Status::Fail);
    assert_eq!(test.message.as_deref(), Some("A hidden case fails."));
    assert_eq!(test.output, None);
    assert!(test.hidden);
}

#[test]
fn a_hidden_check_that_raises_names_only_the_exception_type() {
    let checks = r#"
[[checks]]
id = "h"
kind = "assert"
title = "Hidden"
message = "A hidden case fails."
hidden = true
code = "f()"
"#;
    let named = grade(checks, "def f():\n    raise KeyError('secret')\n");
    assert_eq!(
        only(&named).message.as_deref(),
        Some("A hidden case fails.\n\nYour code raised KeyError during this hidden check.")
    );
    assert_eq!(only(&named).message_args["exception"], "KeyError");
    // A class whose metaclass gives no string for its name: the engine's words stand in.
    let nameless = grade(
        checks,
        "class Meta(type):\n    __name__ = property(lambda cls: 5)\n\nclass Odd(Exception, metaclass=Meta):\n    pass\n\ndef f():\n    raise Odd()\n",
    );
    assert_eq!(
        only(&nameless).message.as_deref(),
        Some("A hidden case fails.\n\nYour code raised an exception during this hidden check.")
    );
    assert!(!only(&nameless).message_args.contains_key("exception"), "{nameless:#?}");
}

#[test]
fn every_grade_gets_a_fresh_interpreter() {
    let checks = "[[checks]]\nid = \"a\"\nkind = \"assert\"\ntitle = \"A\"\nmessage = \"m\"\ncode = \"import sys\\nassert not hasattr(sys, 'leak'), 'state leaked'\"\n";
    let engine = Engine::new(SystemHost::default());
    let manifest = manifest(checks);
    let first = engine.grade(&manifest, "import sys\n").unwrap();
    assert_eq!(first.status, Status::Pass);
    let polluting = engine.grade(&manifest, "import sys\nsys.leak = True\n").unwrap();
    assert_eq!(
        polluting.status,
        Status::Fail,
        "the check sees this submission's own state"
    );
    let after = engine.grade(&manifest, "import sys\n").unwrap();
    assert_eq!(after.status, Status::Pass, "the next submission does not");
}

#[test]
fn run_captures_output_errors_and_truncates_floods() {
    let engine = Engine::new(SystemHost::default());
    let ok = engine.run("print(input('? ') * 2)\n", "ab\n", 2000).unwrap();
    assert_eq!(ok.stdout, "? ab\nabab\n", "the input read is echoed after its prompt");
    assert!(ok.error.is_none() && ok.exception.is_none());
    let read_all = engine.run("import sys\nprint('got', sys.stdin.read().split())\n", "a b", 2000).unwrap();
    assert_eq!(read_all.stdout, "a b\ngot ['a', 'b']\n", "read() echoes what it read on a line of its own");
    let no_input = engine.run("name = input('? ')\n", "", 2000).unwrap();
    assert_eq!(no_input.exception.as_deref(), Some("EOFError"), "{no_input:?}");
    let flood = engine
        .run("for i in range(100000):\n    print('spam spam spam')\n", "", 10000)
        .unwrap();
    assert!(flood.truncated);
    assert!(flood.stdout.len() <= 64 * 1024);
    let looping = engine.run("while True:\n    pass\n", "", 300).unwrap();
    assert_eq!(looping.budget, Some(Budget::Time));
    let exits = engine.run("import sys\nprint('bye')\nsys.exit(0)\n", "", 2000).unwrap();
    assert_eq!((exits.stdout.as_str(), exits.error), ("bye\n", None));
}

#[test]
fn unittest_checks_report_each_test() {
    let checks = r#"
[[checks]]
id = "tests"
kind = "unittest"
title = "Tests"
message = "The tests must pass."
code = '''
import unittest
from solution import add

class AddTest(unittest.TestCase):
    def test_small(self):
        self.assertEqual(add(2, 3), 5)

    def test_negative(self):
        self.assertEqual(add(-2, -3), -5)

def test_zero():
    assert add(0, 0) == 0, "add(0, 0) should be 0"
'''
"#;
    let good = grade(checks, "def add(a, b):\n    return a + b\n");
    assert_eq!(good.status, Status::Pass, "{good:#?}");
    let names: Vec<&str> = good.tests.iter().map(|t| t.name.as_str()).collect();
    // Methods in unittest's own (alphabetical) order, then functions in definition order.
    assert_eq!(
        names,
        [
            "Tests: AddTest.test_negative",
            "Tests: AddTest.test_small",
            "Tests: test_zero"
        ]
    );

    let bad = grade(
        checks,
        "def add(a, b):\n    if a < 0:\n        raise ValueError('negative')\n    return abs(a) + b\n",
    );
    let status = |name: &str| bad.tests.iter().find(|t| t.name.ends_with(name)).unwrap();
    assert_eq!(status("test_small").status, Status::Pass);
    assert_eq!(status("test_negative").status, Status::Error);
    assert_eq!(status("test_negative").line, Some(3), "the learner's line is found");
    assert_eq!(
        bad.test("tests").unwrap().status,
        Status::Error,
        "a check's worst test speaks for it"
    );
    let wrong = grade(checks, "def add(a, b):\n    return a + b + (a == 0)\n");
    let zero = wrong.tests.iter().find(|t| t.name.ends_with("test_zero")).unwrap();
    assert_eq!(zero.status, Status::Fail);
    assert_eq!(
        zero.message.as_deref(),
        Some("The tests must pass.\n\nadd(0, 0) should be 0")
    );
}

#[test]
fn a_unittest_loop_is_stopped_by_the_budget() {
    let checks = "[[checks]]\nid = \"t\"\nkind = \"unittest\"\ntitle = \"T\"\nmessage = \"m\"\ncode = \"from solution import spin\\ndef test_spin():\\n    spin()\\n\"\n";
    let report = grade(checks, "def spin():\n    while True:\n        pass\n");
    assert_eq!(report.tests[0].budget, Some(Budget::Time), "{report:#?}");
}

#[test]
fn memory_addresses_do_not_make_reports_differ() {
    let checks = "[[checks]]\nid = \"a\"\nkind = \"assert\"\ntitle = \"A\"\nmessage = \"m\"\ncode = \"print(make())\\nassert make() == 1, repr(make())\"\n";
    let report = grade(checks, "class Thing:\n    pass\n\ndef make():\n    return Thing()\n");
    let test = only(&report);
    assert_eq!(test.output.as_deref(), Some("<solution.Thing object at 0x…>\n"));
    assert!(
        test.message
            .as_deref()
            .unwrap()
            .ends_with("<solution.Thing object at 0x…>"),
        "{test:#?}"
    );
}

const CALLS_F: &str = r#"
[[checks]]
id = "a"
kind = "assert"
title = "A"
message = "f() must return 1"
code = "assert f() == 1"
"#;

#[test]
fn endless_recursion_is_a_recursion_budget_error_with_a_short_traceback() {
    let sources = [
        "def f():\n    return f()\n",
        "import sys\nsys.setrecursionlimit(10**6)\nclass Loop:\n    def __repr__(self):\n        return repr(self)\ndef f():\n    return repr(Loop())\n",
        "class Attr:\n    def __getattr__(self, name):\n        return getattr(self, name)\ndef f():\n    return Attr().x\n",
        "def key(v):\n    return sorted([v, v], key=key)\ndef f():\n    return key(1)\n",
    ];
    for source in sources {
        let report = on_big_stack(move || grade(CALLS_F, source));
        let test = only(&report);
        assert_eq!(
            (test.status, test.budget),
            (Status::Error, Some(Budget::Recursion)),
            "{source}\n{report:#?}"
        );
        let message = test.message.as_deref().unwrap();
        assert!(message.contains("calls deep and was stopped"), "{message}");
        assert!(message.contains("RecursionError"), "{message}");
        assert!(message.lines().count() < 40, "repeated frames are folded:\n{message}");
        // As CPython folds them, in its own words.
        assert!(message.contains(" more times]\nRecursionError"), "{message}");
        assert!(message.contains("  [Previous line repeated "), "{message}");
    }
}

#[test]
fn learner_code_cannot_raise_the_recursion_limit_past_the_engines() {
    let report = grade(
        "[[checks]]\nid = \"a\"\nkind = \"assert\"\ntitle = \"A\"\nmessage = \"m\"\ncode = \"import sys\\nassert sys.getrecursionlimit() == 200, sys.getrecursionlimit()\"\n",
        "import sys\nsys.setrecursionlimit(10**6)\n",
    );
    assert_eq!(report.status, Status::Pass, "{report:#?}");
}

#[test]
fn a_learner_keyboard_interrupt_is_an_error_but_not_a_time_budget() {
    let report = grade(CALLS_F, "def f():\n    raise KeyboardInterrupt\n");
    let test = only(&report);
    assert_eq!((test.status, test.budget), (Status::Error, None), "{report:#?}");
    assert!(test.message.as_deref().unwrap().contains("KeyboardInterrupt"));
}

#[test]
fn strict_equality_in_asserts_keeps_honest_comparisons_working() {
    let checks = r#"
[[checks]]
id = "a"
kind = "assert"
title = "A"
message = "m"
code = '''
from collections import namedtuple, OrderedDict
assert f(1) == 1.0
assert [f(1), f(2)] == [1, 2]
assert (1, 2) == namedtuple("P", "x y")(1, 2)
assert OrderedDict(a=1) == {"a": 1}
assert {1, 2} == frozenset({2, 1})
assert not (f(1) != 1)
assert Point(1) == Point(1) and Point(1) != Point(2)
'''
"#;
    let source = "from dataclasses import dataclass\ndef f(x):\n    return x\n@dataclass\nclass Point:\n    x: int\n";
    let report = grade(checks, source);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
}

#[test]
fn a_lying_eq_fails_asserts_inside_containers_too() {
    let source = "class Yes:\n    def __eq__(self, other):\n        return True\n    __hash__ = object.__hash__\ndef f():\n    return [Yes(), {'k': Yes()}]\n";
    let report = grade(
        "[[checks]]\nid = \"a\"\nkind = \"assert\"\ntitle = \"A\"\nmessage = \"m\"\ncode = \"assert f() == [1, {'k': 2}]\"\n",
        source,
    );
    assert_eq!(only(&report).status, Status::Fail, "{report:#?}");
}

#[test]
fn patches_to_the_standard_library_do_not_outlive_the_learners_code() {
    let checks = r#"
[[checks]]
id = "a"
kind = "assert"
title = "A"
message = "m"
code = '''
import functools, json, collections.abc
assert functools.reduce(lambda a, b: a + b, [1, 2, 3]) == 6
assert json.dumps([1]) == "[1]"
assert len([1, 2]) == 2 and isinstance(1, int)
assert collections.abc.Iterable
'''
"#;
    let source = "import builtins, functools, json, collections.abc\nfunctools.reduce = None\njson.dumps = None\nbuiltins.len = None\nbuiltins.isinstance = None\n";
    let report = grade(checks, source);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    // A learner that imports a submodule first still finds it in every later check.
    let two = format!("{checks}\n{}", checks.replace("id = \"a\"", "id = \"b\""));
    let report = grade(&two, "import json.tool\nmain = json.tool.main\n");
    assert_eq!(report.status, Status::Pass, "{report:#?}");
}

#[test]
fn the_exercises_setup_runs_before_every_check_that_runs_code() {
    let checks = r#"
setup = """
def twice(f, x):
    return f(f(x))
calls = []
"""

[[checks]]
id = "assert"
kind = "assert"
title = "A"
message = "m"
code = "assert twice(inc, 1) == 3; calls.append(1); assert calls == [1]"

[[checks]]
id = "behaviour"
kind = "behaviour"
title = "B"
message = "m"
code = "assert twice(inc, 0) == 2; assert calls == [], 'each check gets a fresh setup'"

[[checks]]
id = "unittest"
kind = "unittest"
title = "U"
message = "m"
code = """
def test_twice():
    assert twice(inc, 5) == 7
"""
"#;
    on_big_stack(move || {
        let pass = grade(checks, "def inc(x):\n    return x + 1\n");
        assert_eq!(pass.status, Status::Pass, "{pass:#?}");
        let fail = grade(checks, "def inc(x):\n    return x\n");
        assert!(fail.tests.iter().all(|t| t.status == Status::Fail), "{fail:#?}");
    });
}

#[test]
fn a_hidden_output_check_grades_by_the_digest_built_bundles_ship() {
    let engine = Engine::new(SystemHost::default());
    let mut hidden = manifest(
        r#"
[[checks]]
id = "greets"
kind = "output"
title = "Greets"
message = "Print the greeting."
hidden = true
match = "normalised"
expected = "Hello,   world!\n"
"#,
    );
    assert_eq!(engine.digest_hidden_outputs(&mut hidden).unwrap(), 1);
    assert_eq!(hidden.checks[0].expected, None, "the expected text is gone");
    assert!(hidden.checks[0].expected_sha256.is_some());
    let grade = |source: &str| on_big_stack({
        let hidden = hidden.clone();
        let source = source.to_owned();
        move || Engine::new(SystemHost::default()).grade(&hidden, &source).unwrap().status
    });
    assert_eq!(grade("print('Hello, world!')"), Status::Pass);
    assert_eq!(grade("print('Hello, moon!')"), Status::Fail);
}
