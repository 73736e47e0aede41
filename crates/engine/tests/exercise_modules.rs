//! What Exercism-style unittest checks need: the learner's code imported by the check's
//! `module` name, the exercise's helper modules, pytest's stand-in, each test reported once
//! with its own duration.

use pykata_engine::{Engine, PROGRAM_FILE, Report, Status, SystemHost, TestResult};
use pykata_pack::Manifest;

fn manifest(rest: &str) -> Manifest {
    let text = format!(
        "id = \"t\"\ntitle = \"T\"\ntopic = \"test\"\ndifficulty = \"easy\"\nhints = []\ntime_limit_ms = 3000\n{rest}"
    );
    toml::from_str(&text).unwrap_or_else(|e| panic!("test manifest: {e}"))
}

fn grade(rest: &str, source: &str) -> Report {
    Engine::new(SystemHost::default())
        .grade(&manifest(rest), source)
        .expect("engine works")
}

fn test<'r>(report: &'r Report, name: &str) -> &'r TestResult {
    report
        .tests
        .iter()
        .find(|t| t.name.ends_with(name))
        .unwrap_or_else(|| panic!("no test {name} in {report:#?}"))
}

fn names(report: &Report) -> Vec<&str> {
    report.tests.iter().map(|t| t.name.as_str()).collect()
}

const ALIASED: &str = r#"
[[checks]]
id = "tests"
kind = "unittest"
title = "Tests"
message = "The tests must pass."
module = "two_fer"
code = '''
import unittest
import two_fer
MODULE = two_fer  # the star import below rebinds the name to the function
import two_fer as tf
from two_fer import (
    two_fer as say,
    SUFFIX,
)
from two_fer import *

class TwoFerTest(unittest.TestCase):
    def test_module(self):
        self.assertEqual(MODULE.two_fer("Ada"), "One for Ada, one for me.")

    def test_alias(self):
        self.assertEqual(tf.two_fer(), "One for you, one for me.")

    def test_from_import(self):
        self.assertEqual(say("Bo"), "One for Bo" + SUFFIX)

    def test_star(self):
        self.assertEqual(two_fer("Cy"), "One for Cy, one for me.")
'''
"#;

#[test]
fn the_tests_import_the_learners_code_by_the_checks_module_name() {
    let good = "SUFFIX = ', one for me.'\n\ndef two_fer(name='you'):\n    return f'One for {name}{SUFFIX}'\n";
    let report = grade(ALIASED, good);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    assert_eq!(report.tests.len(), 4);

    let bad = "SUFFIX = ', one for me.'\n\ndef two_fer(name):\n    return f'One for {name}{SUFFIX}'\n";
    let report = grade(ALIASED, bad);
    assert_eq!(test(&report, "test_alias").status, Status::Error, "{report:#?}");
    assert_eq!(test(&report, "test_star").status, Status::Pass);
    let message = test(&report, "test_alias").message.as_deref().unwrap();
    assert!(message.contains("TypeError"), "{message}");

    let raises = "SUFFIX = ''\n\ndef two_fer(name='you'):\n    raise ValueError(name)\n";
    let report = grade(ALIASED, raises);
    let message = test(&report, "test_module").message.as_deref().unwrap();
    assert!(
        message.contains("File \"t.py\", line 4, in two_fer"),
        "the learner's file is named after the exercise `t`, whatever module the tests import: {message}"
    );

    // Without `module`, the same tests cannot import `two_fer`.
    let report = grade(&ALIASED.replace("module = \"two_fer\"\n", ""), good);
    let message = test(&report, "Tests").message.as_deref().unwrap();
    assert!(message.contains("No module named 'two_fer'"), "{message}");
}

const HELPERS: &str = r#"
[[checks]]
id = "uses-data"
kind = "assert"
title = "Uses the data"
message = "m"
code = '''
import recipes_data
assert recipes_data.SEEN == ["loaded"], recipes_data.SEEN
assert count() == 2
'''

[[checks]]
id = "tests"
kind = "unittest"
title = "Tests"
message = "m"
module = "recipes"
code = '''
import unittest
from recipes import count
from recipes_data import VEGAN, SEEN
from recipes_test_data import expected_count

class RecipesTest(unittest.TestCase):
    def test_count(self):
        self.assertEqual(count(), expected_count)

    def test_fresh(self):
        self.assertEqual(SEEN, ["loaded"])
'''

[[module_code]]
name = "recipes_data"
code = '''
VEGAN = {"tofu", "rice"}
SEEN = []
SEEN.append("loaded")
'''

[[module_code]]
name = "recipes_test_data"
code = "expected_count = 2\n"
"#;

#[test]
fn helper_modules_are_importable_from_the_solution_and_every_check_fresh_each_time() {
    let solution = "from recipes_data import VEGAN\nimport recipes_data\n\ndef count():\n    return len(VEGAN)\n";
    let engine = Engine::new(SystemHost::default());
    for _ in 0..2 {
        let report = engine.grade(&manifest(HELPERS), solution).unwrap();
        assert_eq!(report.status, Status::Pass, "{report:#?}");
    }
    // A learner that changes a helper module changes it for its own check only.
    let meddling = "import recipes_data\nrecipes_data.SEEN.append('learner')\n\ndef count():\n    return 2\n";
    let report = engine.grade(&manifest(HELPERS), meddling).unwrap();
    assert_eq!(test(&report, "Uses the data").status, Status::Fail);
    assert_eq!(test(&report, "test_fresh").status, Status::Fail);
    let report = engine.grade(&manifest(HELPERS), solution).unwrap();
    assert_eq!(
        report.status,
        Status::Pass,
        "nothing is kept across submissions: {report:#?}"
    );

    let broken = HELPERS.replace("expected_count = 2\\n", "expected_count = (\\n");
    let report = grade(&broken, solution);
    let message = test(&report, "Tests").message.as_deref().unwrap();
    assert!(
        message.contains("The exercise's helper module recipes_test_data.py could not be loaded"),
        "{message}"
    );
}

const PYTEST: &str = r#"
[[checks]]
id = "tests"
kind = "unittest"
title = "Tests"
message = "m"
module = "lasagna"
code = '''
import unittest
import pytest
from lasagna import bake_time, check

class LasagnaTest(unittest.TestCase):
    @pytest.mark.task(taskno=1)
    def test_bake_time(self):
        self.assertEqual(bake_time(10), 30)

    @pytest.mark.slow
    def test_bare_mark(self):
        self.assertEqual(bake_time(0), 40)

    @pytest.mark.task(taskno=2)
    def test_raises(self):
        with pytest.raises(ValueError, match="negative") as info:
            check(-1)
        self.assertEqual(info.type, ValueError)

    @pytest.mark.skip(reason="not yet")
    def test_skipped(self):
        self.fail("skipped tests do not run")

    def test_skip_call(self):
        pytest.skip("not here")
        self.fail("skipped tests stop")
'''
"#;

#[test]
fn pytest_markers_raises_and_skip_work_in_unittest_checks() {
    let good = "def bake_time(elapsed):\n    return 40 - elapsed\n\ndef check(n):\n    if n < 0:\n        raise ValueError('negative minutes')\n";
    let report = grade(PYTEST, good);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    assert_eq!(
        names(&report),
        [
            "Tests: LasagnaTest.test_bake_time",
            "Tests: LasagnaTest.test_bare_mark",
            "Tests: LasagnaTest.test_raises"
        ],
        "skipped tests are not reported"
    );

    let silent = good.replace(
        "        raise ValueError('negative minutes')\n",
        "        return None\n",
    );
    let report = grade(PYTEST, &silent);
    let raises = test(&report, "test_raises");
    assert_eq!(raises.status, Status::Fail, "{report:#?}");
    assert!(
        raises.message.as_deref().unwrap().contains("expected ValueError to be raised, but nothing was raised"),
        "{raises:#?}"
    );

    let other_message = good.replace("negative minutes", "too few");
    let report = grade(PYTEST, &other_message);
    let raises = test(&report, "test_raises");
    assert_eq!(raises.status, Status::Fail, "{report:#?}");
    assert!(
        raises
            .message
            .as_deref()
            .unwrap()
            .contains("ValueError was raised, but its message 'too few' does not match 'negative'"),
        "{raises:#?}"
    );

    let other_type = good.replace("ValueError('negative minutes')", "TypeError('negative')");
    let report = grade(PYTEST, &other_type);
    assert_eq!(test(&report, "test_raises").status, Status::Error, "{report:#?}");

    // Learner code cannot hand the tests a pytest of its own.
    let faking = format!(
        "import sys, types\nfake = types.ModuleType('pytest')\nfake.raises = lambda *a, **k: __import__('contextlib').suppress(BaseException)\nfake.mark = __import__('pytest').mark\nsys.modules['pytest'] = fake\n{silent}"
    );
    let report = grade(PYTEST, &faking);
    assert_eq!(test(&report, "test_raises").status, Status::Fail, "{report:#?}");
}

#[test]
fn a_failing_test_with_subtests_is_reported_once_with_the_first_failure() {
    let checks = r#"
[[checks]]
id = "tests"
kind = "unittest"
title = "Tests"
message = "m"
code = '''
import unittest
from solution import double

class DoubleTest(unittest.TestCase):
    def test_values(self):
        for n in (1, 2, 3):
            with self.subTest(n=n):
                self.assertEqual(double(n), 2 * n, f"double({n})")

Again = DoubleTest
'''
"#;
    let report = grade(checks, "def double(n):\n    return n * 3\n");
    assert_eq!(names(&report), ["Tests: DoubleTest.test_values"], "{report:#?}");
    let message = report.tests[0].message.as_deref().unwrap();
    assert!(
        message.contains("double(1)") && !message.contains("double(2)"),
        "{message}"
    );
}

#[test]
fn each_test_gets_its_own_duration() {
    let checks = r#"
[[checks]]
id = "tests"
kind = "unittest"
title = "Tests"
message = "m"
code = '''
import time
from solution import spin

def test_slow():
    spin(0.3)

def test_fast():
    pass
'''
"#;
    let source = "import time\n\ndef spin(seconds):\n    end = time.time() + seconds\n    while time.time() < end:\n        pass\n";
    let report = grade(checks, source);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    let (slow, fast) = (
        test(&report, "test_slow").duration_ms,
        test(&report, "test_fast").duration_ms,
    );
    assert!(slow >= 290.0, "slow took {slow} ms");
    assert!(
        fast < slow / 2.0,
        "fast took {fast} ms, slow {slow} ms: not an even share"
    );
}

#[test]
fn a_run_of_the_program_imports_the_helper_modules_too() {
    use pykata_pack::ModuleCode;
    let modules = [ModuleCode {
        name: "prices".to_owned(),
        code: "TABLE = {'tea': 3}\n".to_owned(),
    }];
    let engine = Engine::new(SystemHost::default());
    let output = engine
        .run_with_modules("import prices\nprint(prices.TABLE['tea'])\n", "", 5000, &modules, PROGRAM_FILE)
        .unwrap();
    assert_eq!((output.stdout.as_str(), output.error), ("3\n", None));
    let broken = [ModuleCode {
        name: "prices".to_owned(),
        code: "raise ValueError('no prices')\n".to_owned(),
    }];
    let output = engine.run_with_modules("print('never')\n", "", 5000, &broken, PROGRAM_FILE).unwrap();
    assert_eq!(output.stdout, "");
    assert_eq!(output.message_key, Some(pykata_engine::MessageKey::HelperModuleFailed));
    assert_eq!(
        output.error.as_deref(),
        Some("The exercise's helper module prices.py could not be loaded:\nValueError: no prices")
    );
    // Without them (the next run), the module is gone.
    let output = engine.run("import prices\n", "", 5000).unwrap();
    assert!(output.error.unwrap().contains("ModuleNotFoundError"));
}
