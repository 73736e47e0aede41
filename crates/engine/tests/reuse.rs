//! One interpreter grades submission after submission: whatever a submission changes is put
//! back before the next, or the interpreter is replaced. A later submission must get exactly
//! the report a fresh engine gives it.

mod common;

use common::on_big_stack;
use pykata_engine::{Engine, Report, Status, SystemHost};
use pykata_pack::{Exercise, Manifest};
use std::path::{Path, PathBuf};

/// The checkout, as cargo names it when it runs the test (not when it compiled it: the shared
/// build folder may hold this binary from another checkout).
fn repository() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("../..")
}

fn exercise(folder: &Path) -> Exercise {
    let loaded = pykata_pack::load_exercise(folder);
    loaded
        .value
        .unwrap_or_else(|| panic!("{}: {:?}", folder.display(), loaded.diagnostics))
}

/// Every exercise folder under `exercises/`.
fn built_in_exercises() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    for pack in std::fs::read_dir(repository().join("exercises")).unwrap() {
        let pack = pack.unwrap().path();
        if !pack.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&pack).unwrap() {
            let entry = entry.unwrap().path();
            if entry.join("exercise.toml").is_file() {
                folders.push(entry);
            }
        }
    }
    folders.sort();
    assert!(folders.len() >= 30, "{folders:?}");
    folders
}

/// A report without its timings, which differ from run to run.
fn untimed(mut report: Report) -> Report {
    for test in &mut report.tests {
        test.duration_ms = 0.0;
    }
    report
}

#[test]
fn correct_solutions_keep_the_interpreter_for_the_next_submission() {
    // Reuse is what makes grading fast: an honest solution must not make the engine think
    // its interpreter was tampered with.
    let engine = Engine::new(SystemHost::default());
    for folder in built_in_exercises() {
        let exercise = exercise(&folder);
        for source in [&exercise.solution, &exercise.starter] {
            engine.grade(&exercise.manifest, source).unwrap();
            assert!(engine.is_warm(), "{}: the interpreter was discarded", folder.display());
        }
    }
}

#[test]
fn after_every_hostile_submission_the_next_one_is_graded_as_by_a_fresh_engine() {
    on_big_stack(|| {
        let corpus = repository().join("tests/hostile/submissions");
        let mut files: Vec<_> = std::fs::read_dir(&corpus)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        assert!(files.len() >= 30);
        let engine = Engine::new(SystemHost::default());
        for file in files {
            let attack = std::fs::read_to_string(&file).unwrap();
            if attack.lines().any(|line| line.starts_with("# loops: yes")) || file.ends_with("memory-bomb.py") {
                // Only killing the process stops these loops, and only a process-wide
                // memory cap (the CLI's children, the page's worker) stops the bomb here; a
                // killed process or a `MemoryError` keeps no interpreter either way.
                continue;
            }
            let folder = attack
                .lines()
                .find_map(|line| line.strip_prefix("# exercise:"))
                .expect("an exercise header")
                .trim();
            let exercise = exercise(&repository().join(folder));
            let attacked = engine.grade(&exercise.manifest, &attack).unwrap();
            assert_ne!(attacked.status, Status::Pass, "{}", file.display());
            let mut next = vec![exercise.solution.clone()];
            next.extend(exercise.wrong.iter().map(|wrong| wrong.source.clone()));
            for source in next {
                let fresh = Engine::new(SystemHost::default())
                    .grade(&exercise.manifest, &source)
                    .unwrap();
                let reused = engine.grade(&exercise.manifest, &source).unwrap();
                assert_eq!(
                    untimed(reused),
                    untimed(fresh),
                    "after {}, a submission was graded differently",
                    file.display()
                );
            }
        }
    });
}

fn manifest(code: &str) -> Manifest {
    let text = format!(
        "id = \"t\"\ntitle = \"T\"\ntopic = \"test\"\ndifficulty = \"easy\"\nhints = [\"a\", \"b\"]\n\
         [[checks]]\nid = \"a\"\nkind = \"assert\"\ntitle = \"A\"\nmessage = \"m\"\ncode = '''\n{code}\n'''\n"
    );
    toml::from_str(&text).unwrap_or_else(|e| panic!("test manifest: {e}"))
}

#[test]
fn what_a_submission_changes_does_not_reach_the_next() {
    // (what the submission does, a check that passes only in a fresh interpreter, whether the
    // interpreter is put back and kept rather than replaced)
    let cases = [
        (
            "import sys\nsys.leak = 1",
            "import sys\nassert not hasattr(sys, 'leak')",
            true,
        ),
        (
            "import sys\nsys.modules['json'] = None",
            "import json\nassert json.dumps(1) == '1'",
            true,
        ),
        (
            "import sys, types\nsys.modules['helper'] = types.ModuleType('helper')",
            "import sys\nassert 'helper' not in sys.modules",
            true,
        ),
        (
            "import builtins\nbuiltins.sorted = reversed",
            "assert sorted([2, 1]) == [1, 2]",
            true,
        ),
        (
            "import json\njson.dumps = repr",
            "import json\nassert json.dumps('a') == '\"a\"'",
            true,
        ),
        (
            "import json\njson.JSONEncoder.default = lambda self, o: 'x'",
            "import json\ntry:\n    json.dumps({1})\nexcept TypeError:\n    pass\nelse:\n    raise AssertionError('patched encoder')",
            false,
        ),
        (
            "import json\njson._default_encoder.indent = 4",
            "import json\nassert json.dumps([1]) == '[1]'",
            true,
        ),
        (
            "import warnings\nwarnings.simplefilter('error')",
            "import warnings\nwarnings.warn('only a warning')",
            true,
        ),
        (
            "import copyreg\ncopyreg.dispatch_table[int] = None",
            "import copyreg\nassert int not in copyreg.dispatch_table",
            true,
        ),
        (
            "import json.tool",
            "import json\nassert not hasattr(json, 'tool')",
            true,
        ),
        (
            "import sys\nsys.setrecursionlimit(30)",
            "import sys\nassert sys.getrecursionlimit() > 30",
            true,
        ),
        (
            "import sys\nsys.set_int_max_str_digits(640)",
            "assert len(str(10 ** 1000)) == 1001",
            true,
        ),
        (
            "import functools\nfunctools.WRAPPER_ASSIGNMENTS = ()",
            "import functools\nassert '__name__' in functools.WRAPPER_ASSIGNMENTS",
            true,
        ),
        (
            "import sys\nsys.path_importer_cache['x'] = 1",
            "import sys\nassert 'x' not in sys.path_importer_cache",
            true,
        ),
        (
            "import collections\ncollections.Counter.leak = 1",
            "import collections\nassert not hasattr(collections.Counter, 'leak')",
            false,
        ),
        (
            "open('left.txt', 'w').write('x')\nimport os\nos.mkdir('/tmp/kept')",
            "import os\nassert sorted(os.listdir('/')) == ['dev', 'tmp'] and os.listdir('/tmp') == []",
            true,
        ),
        (
            "import os\nos.chdir('/tmp')",
            "import os\nassert os.getcwd() == '/'",
            true,
        ),
        (
            "import random\nrandom.random = lambda: 0.5",
            "import random\nassert getattr(random.random, '__self__', None) is random._inst",
            true,
        ),
    ];
    let engine = Engine::new(SystemHost::default());
    for (change, check, kept) in cases {
        let manifest = manifest(check);
        let fresh = Engine::new(SystemHost::default()).grade(&manifest, "").unwrap();
        assert_eq!(fresh.status, Status::Pass, "{check}: {fresh:#?}");
        engine.grade(&manifest, change).unwrap();
        assert_eq!(engine.is_warm(), kept, "after `{change}`");
        let next = engine.grade(&manifest, "").unwrap();
        assert_eq!(next.status, Status::Pass, "after `{change}`: {next:#?}");
    }
}

/// The learner's files are in memory and every check and Run starts with none: a file written
/// while one check ran is not there in the next, nor in a Run.
#[test]
fn every_check_and_run_starts_with_no_files() {
    on_big_stack(|| {
        let checks = toml::from_str::<Manifest>(
            r#"
id = "t"
title = "T"
topic = "test"
difficulty = "easy"
hints = ["a", "b"]

[[checks]]
id = "writes"
kind = "assert"
title = "Writes"
message = "m"
code = "assert log('first') == ['first']"

[[checks]]
id = "writes-again"
kind = "assert"
title = "Writes again"
message = "m"
code = "assert log('second') == ['second']"
"#,
        )
        .unwrap();
        let solution = "def log(line):\n    with open('log.txt', 'a') as f:\n        print(line, file=f)\n    return open('log.txt').read().split()";
        let engine = Engine::new(SystemHost::default());
        let report = engine.grade(&checks, solution).unwrap();
        assert_eq!(report.status, Status::Pass, "{report:#?}");
        let run = engine.run("import os\nprint(sorted(os.listdir('.')))", "", 1000).unwrap();
        assert_eq!(run.stdout, "['dev', 'tmp']\n");
    })
}

#[test]
fn runs_share_the_interpreter_too() {
    let engine = Engine::new(SystemHost::default());
    engine.prepare().unwrap();
    assert!(engine.is_warm());
    let first = engine.run("import sys\nsys.leak = 1\nprint('one')", "", 1000).unwrap();
    assert_eq!(first.stdout, "one\n");
    assert!(engine.is_warm());
    let second = engine.run("import sys\nprint(hasattr(sys, 'leak'))", "", 1000).unwrap();
    assert_eq!(second.stdout, "False\n");
    // Out of time: the interruption may have stopped pykata's own code halfway, so the
    // interpreter is not kept.
    let looping = engine.run("while True:\n    pass", "", 200).unwrap();
    assert!(looping.budget.is_some());
    assert!(!engine.is_warm());
    assert_eq!(engine.run("print(1)", "", 1000).unwrap().stdout, "1\n");
}

#[test]
fn a_preloaded_interpreter_grades_as_one_that_imports_on_first_need() {
    // A fresh engine imports `traceback` while describing the first exception, after learner
    // code ran; a preloaded one imported it before. Starters raise.
    on_big_stack(|| {
        for folder in built_in_exercises() {
            let exercise = exercise(&folder);
            let preloaded = Engine::new(SystemHost::default());
            preloaded.preload().unwrap();
            assert!(preloaded.is_warm());
            let fresh = Engine::new(SystemHost::default())
                .grade(&exercise.manifest, &exercise.starter)
                .unwrap();
            let report = preloaded.grade(&exercise.manifest, &exercise.starter).unwrap();
            assert_eq!(untimed(report), untimed(fresh), "{}", folder.display());
        }
    });
}
