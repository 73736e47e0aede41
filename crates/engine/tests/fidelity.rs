//! Python as CPython runs it, where pykata's own machinery could make it differ: a real
//! `gc.collect()`, finalizers that run within their own submission, `__main__` and the
//! learner's module in `sys.modules`, source lines in tracebacks code prints, and strict
//! equality that never hands learner code one of pykata's objects. Expected outputs are
//! CPython 3.13's for the same programs (pykata's standard library is RustPython's, from
//! CPython 3.14, which prints the same for these).

mod common;

use common::on_big_stack;
use pykata_engine::{Engine, Status, SystemHost};
use pykata_pack::Manifest;

fn run(engine: &Engine<SystemHost>, source: &str) -> (String, Option<String>) {
    let output = engine.run(source, "", 5000).expect("engine works");
    (output.stdout + &output.stderr, output.error)
}

fn program(source: &'static str) -> String {
    on_big_stack(move || {
        let (output, error) = run(&Engine::new(SystemHost::default()), source);
        assert_eq!(error, None, "{output}");
        output
    })
}

/// A generator suspended inside a reference cycle, whose `finally` prints.
const CYCLE_WITH_FINALLY: &str = r#"
def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = numbers()
print(next(g))
loop = [g]
loop.append(loop)
"#;

#[test]
fn a_programs_finalizers_run_in_its_own_output_never_in_the_next_submissions() {
    on_big_stack(|| {
        let engine = Engine::new(SystemHost::default());
        assert_eq!(run(&engine, CYCLE_WITH_FINALLY), ("1\ncleanup\n".to_owned(), None));
        assert_eq!(run(&engine, "print('second')"), ("second\n".to_owned(), None));
        // A check's learner module is collected between submissions, printing nowhere.
        let checks = manifest(
            r#"
[[checks]]
id = "first"
kind = "assert"
title = "First"
message = "m"
code = "assert next(numbers()) == 1"
"#,
        );
        let report = engine.grade(&checks, CYCLE_WITH_FINALLY).expect("engine works");
        assert_eq!(report.status, Status::Pass, "{report:#?}");
        assert_eq!(run(&engine, "print('third')"), ("third\n".to_owned(), None));
    });
}

#[test]
fn gc_collect_collects_cycles() {
    let output = program(
        r#"
import gc
class Node:
    pass
node = Node()
node.me = node
del node
print(gc.collect() >= 1, gc.isenabled())
gc.disable()
print(gc.isenabled())
"#,
    );
    assert_eq!(output, "True True\nFalse\n");
    // Switched off by one submission, collection is on again for the next.
    on_big_stack(|| {
        let engine = Engine::new(SystemHost::default());
        run(&engine, "import gc\ngc.disable()\ngc.set_threshold(1)");
        assert_eq!(
            run(&engine, "import gc\nprint(gc.isenabled(), gc.get_threshold()[0] > 1)"),
            ("True True\n".to_owned(), None)
        );
    });
}

#[test]
fn main_is_in_sys_modules_and_inspect_stack_works() {
    let output = program(
        r#"
import sys, inspect
x = 42
print(sys.modules["__main__"].x, __name__)
print(inspect.stack()[0].function, inspect.stack()[0].code_context[0].strip())
"#,
    );
    assert_eq!(output, "42 __main__\n<module> print(inspect.stack()[0].function, inspect.stack()[0].code_context[0].strip())\n");
}

#[test]
fn tracebacks_printed_by_learner_code_show_its_lines() {
    let output = program(
        r#"
import sys, traceback
def divide():
    return 1 / 0
try:
    divide()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
print(traceback.extract_stack()[-1].line)
"#,
    );
    assert_eq!(
        output,
        "Traceback (most recent call last):\n  File \"main.py\", line 6, in <module>\n    divide()\n    ~~~~~~^^\n  \
         File \"main.py\", line 4, in divide\n    return 1 / 0\n           ~~^~~\n\
         ZeroDivisionError: division by zero\nprint(traceback.extract_stack()[-1].line)\n"
    );
}

fn manifest(checks: &str) -> Manifest {
    let text = format!("id = \"t\"\ntitle = \"T\"\ntopic = \"test\"\ndifficulty = \"easy\"\nhints = []\n{checks}");
    toml::from_str(&text).unwrap_or_else(|e| panic!("test manifest: {e}"))
}

/// A class whose `__eq__` reads the other object's field, as most do.
const POINT: &str = r#"
from dataclasses import dataclass

class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return self.x == other.x

@dataclass
class Pair:
    left: "int"
    right: "Point"
"#;

#[test]
fn strict_equality_compares_learner_objects_without_pykatas_own_and_dataclasses_load() {
    let checks = manifest(
        r#"
[[checks]]
id = "equal"
kind = "assert"
title = "Equal points"
message = "m"
code = "assert Point(1) == Point(1)"

[[checks]]
id = "unequal"
kind = "assert"
title = "Unequal points"
message = "different"
code = "assert Point(1) == Point(2), 'different'"

[[checks]]
id = "dataclass"
kind = "assert"
title = "Dataclass"
message = "m"
code = "assert Pair(1, Point(2)) == Pair(1, Point(2))"

[[checks]]
id = "unittest"
kind = "unittest"
title = "Unittest"
message = "m"
code = '''
import unittest
from solution import Point, Pair
class T(unittest.TestCase):
    def test_equal(self):
        self.assertEqual(Point(3), Point(3))
    def test_pair(self):
        self.assertEqual(Pair(1, Point(2)).right, Point(2))
'''
"#,
    );
    let report = on_big_stack(move || Engine::new(SystemHost::default()).grade(&checks, POINT).expect("engine works"));
    let statuses: Vec<(&str, Status)> = report.tests.iter().map(|t| (t.name.as_str(), t.status)).collect();
    assert_eq!(
        statuses,
        [
            ("Equal points", Status::Pass),
            ("Unequal points", Status::Fail),
            ("Dataclass", Status::Pass),
            ("Unittest: T.test_equal", Status::Pass),
            ("Unittest: T.test_pair", Status::Pass),
        ],
        "{report:#?}"
    );
}

/// `asyncio` runs: its event loop waits on the in-memory pipe of pykata's `_socket` and
/// `select` stand-ins. A program of coroutines, async generators and async context managers,
/// sleeps, `gather`, `timeout` and a `Queue`, shared with the wasm engine's test
/// (tests/parity.test.mjs).
#[test]
fn asyncio_runs_coroutines_async_generators_and_async_context_managers() {
    let output = program(include_str!("../../../tests/fixtures/asyncio_program.py"));
    // CPython 3.13's output.
    assert_eq!(output, "open\nr [0, 1, 2]\nclose\n['a', 'b']\ntimed out\n[0, 1, 2]\nagain\n");
}

/// The learner's `sys.stdout` is described as CPython's (`doctest` reads its encoding), and a
/// program's doctests run.
#[test]
fn doctest_runs_a_programs_examples() {
    let output = program(
        r#"
import doctest, sys

def double(n):
    """
    >>> double(2)
    4
    >>> double(3)
    7
    """
    return n * 2

print(sys.stdout.encoding, sys.stdout.isatty())
print(doctest.testmod(verbose=False))
"#,
    );
    // CPython 3.13's output for the same file run as `python main.py` (it names the file by
    // its full path).
    let expected = "utf-8 False\n**********************************************************************\nFile \"main.py\", line 8, in __main__.double\nFailed example:\n    double(3)\nExpected:\n    7\nGot:\n    6\n**********************************************************************\n1 item had failures:\n   1 of   2 in __main__.double\n***Test Failed*** 1 failure.\nTestResults(failed=1, attempted=2)\n";
    assert_eq!(output, expected);
}

/// Files work as in CPython on Linux, in memory: `open` in every mode, `os`, `pathlib`,
/// `shutil`, `tempfile`, `gzip` and `zipfile`, and the same errors.
#[test]
fn files_are_read_and_written_as_in_cpython() {
    let output = program(include_str!("../../../tests/fixtures/files_program.py"));
    // CPython 3.13's output (and 3.11's), run in an empty folder.
    assert_eq!(output, include_str!("../../../tests/fixtures/files_program.out"));
}

/// What CPython's start (`site`) puts in builtins that pykata has too: `help()` shows a learner's
/// decorated function as CPython does (signature and docstring through `functools.wraps`), and
/// `quit` and `exit` are CPython's.
#[test]
fn help_quit_and_exit_are_in_builtins_as_cpythons_start_puts_them() {
    on_big_stack(|| {
        let engine = Engine::new(SystemHost::default());
        let (output, error) = run(&engine, include_str!("../../../tests/fixtures/site_program.py"));
        assert_eq!(error, None, "{output}");
        // CPython 3.13's output (and 3.11's).
        assert_eq!(output, include_str!("../../../tests/fixtures/site_program.out"));
        // `quit` closed that program's stdin, as CPython's does; the next one reads its own
        // (echoed, as a terminal shows what was typed, then printed).
        let next = engine.run("print(input())", "typed\n", 5000).expect("engine works");
        assert_eq!((next.stdout.as_str(), next.error), ("typed\ntyped\n", None));
    });
}

/// `threading.RLock` and `Condition` say whether the current thread holds them, as CPython's
/// do (RustPython's build without threads has a stand-in `_thread` whose `RLock` could not).
#[test]
fn locks_know_their_owner() {
    let output = program(
        r#"
import threading

for lock in (threading.RLock(), threading.Condition()):
    owned = lock._is_owned
    states = [owned()]
    with lock:
        with lock:
            states.append(owned())
        states.append(owned())
    states.append(owned())
    print(type(lock).__name__, states)
"#,
    );
    // CPython 3.13's output.
    assert_eq!(output, "RLock [False, True, True, False]\nCondition [False, True, True, False]\n");
}
