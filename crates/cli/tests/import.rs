//! `pykata import exercism` on exercises in Exercism's own layout (tests/fixtures/exercism):
//! a concept exercise (exemplar, helper modules in files.editor, pytest markers, no hints) and
//! a practice exercise (`import m as x`, a multi-line `from m import (…)`) import, check sound
//! with no manual step, build, and grade a wrong solution by its failing tests' names.

mod common;

use common::{fake_assets, pykata};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exercism")
        .join(name)
}


fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `pykata import exercism SOURCE --into PACK`.
fn run_import(source: &Path, pack: &Path) -> Output {
    pykata(&[
        "import",
        "exercism",
        source.to_str().unwrap(),
        "--into",
        pack.to_str().unwrap(),
    ])
}

/// Import the fixture `name` into the pack folder `pack`; returns the exercise's folder and
/// what the importer said.
fn import(name: &str, pack: &Path) -> (PathBuf, String) {
    let source = fixture(name);
    let output = run_import(&source, pack);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let slug = source.file_name().unwrap().to_str().unwrap().to_owned();
    (pack.join(slug), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// `pykata check` of `pack`: it must succeed, the exercise sound.
fn assert_sound(pack: &Path) {
    let check = pykata(&["check", pack.to_str().unwrap(), "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    let verdicts: Value = serde_json::from_slice(&check.stdout).unwrap();
    let verdict = &verdicts["exercises"][0];
    assert_eq!(verdict["solution"], "pass", "{verdicts:#}");
    assert_ne!(verdict["starter"], "pass", "{verdicts:#}");
    let errors: Vec<&Value> = verdict["problems"]
        .as_array()
        .unwrap()
        .iter()
        .chain(verdicts["load_problems"].as_array().unwrap())
        .filter(|p| p["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{verdicts:#}");
}

/// Grade `source` against the exercise in `dir`: the report, and the names of its tests that
/// did not pass.
fn grade(dir: &Path, source: &str) -> (Value, Vec<String>) {
    let file = dir.parent().unwrap().join("submission.py");
    fs::write(&file, source).unwrap();
    let output = pykata(&["grade", dir.to_str().unwrap(), file.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&output)));
    let failing = report["tests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] != "pass")
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    (report, failing)
}


#[test]
fn a_concept_exercise_imports_with_its_exemplar_helper_modules_and_pytest_marks() {
    let root = tempfile::tempdir().unwrap();
    let pack = root.path().join("concepts");
    let (dir, said) = import("concept/pantry-planner", &pack);
    assert!(!said.contains("add at least"), "hints are not demanded: {said}");

    let source = fixture("concept/pantry-planner");
    let copied = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    let original = |name: &str| fs::read_to_string(source.join(name)).unwrap();
    assert_eq!(
        copied("tests.py"),
        original("pantry_test.py"),
        "the tests are copied unchanged"
    );
    assert_eq!(copied("solution.py"), original(".meta/exemplar.py"));
    assert_eq!(copied("starter.py"), original("pantry.py"));
    for helper in ["pantry_data.py", "pantry_test_data.py"] {
        assert_eq!(copied(helper), original(helper), "{helper} is copied");
    }
    let manifest: toml_edit::DocumentMut = copied("exercise.toml").parse().unwrap();
    let strings = |key: &str| -> Vec<String> {
        let items = manifest[key].as_array().unwrap().iter();
        items.map(|v| v.as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(strings("modules"), ["pantry_test_data.py", "pantry_data.py"]);
    assert_eq!(strings("hints"), Vec::<String>::new(), "there is no .docs/hints.md");
    assert_eq!(manifest["checks"][0]["module"].as_str(), Some("pantry"));

    assert_sound(&pack);

    let wrong = original(".meta/exemplar.py")
        .replace("return set(recipe) - PANTRY", "return set(recipe)")
        .replace(
            "        raise ValueError(\"servings cannot be negative\")\n",
            "        return 0\n",
        );
    let (report, failing) = grade(&dir, &wrong);
    assert_eq!(report["status"], "fail", "{report:#}");
    assert_eq!(
        failing,
        [
            "Tests: PantryTest.test_missing",
            "Tests: PantryTest.test_negative_servings"
        ],
        "{report:#}"
    );
    let negative = report["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Tests: PantryTest.test_negative_servings")
        .unwrap();
    assert!(
        negative["message"]
            .as_str()
            .unwrap()
            .contains("expected ValueError to be raised, but nothing was raised"),
        "{negative:#}"
    );
    let (report, failing) = grade(&dir, &original(".meta/exemplar.py"));
    assert_eq!(
        (report["status"].as_str(), failing.len()),
        (Some("pass"), 0),
        "{report:#}"
    );

    // The built exercise carries the helper modules' text: the browser has no files.
    let out = root.path().join("site");
    let assets = fake_assets(root.path());
    let built = pykata(&[
        "build",
        pack.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--assets",
        assets.to_str().unwrap(),
    ]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    let json: Value =
        serde_json::from_str(&fs::read_to_string(out.join("exercises/concepts/pantry-planner.json")).unwrap()).unwrap();
    let modules = json["manifest"]["module_code"].as_array().unwrap();
    let named: Vec<(&str, &str)> = modules
        .iter()
        .map(|m| (m["name"].as_str().unwrap(), m["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        [
            ("pantry_test_data", original("pantry_test_data.py").as_str()),
            ("pantry_data", original("pantry_data.py").as_str())
        ]
    );
    assert!(json["manifest"].get("modules").is_none(), "no file names are shipped");
    assert_eq!(json["manifest"]["checks"][0]["module"], "pantry");
}

#[test]
fn a_practice_exercise_keeps_its_import_as_and_multi_line_from_imports() {
    let root = tempfile::tempdir().unwrap();
    let pack = root.path().join("practice");
    let (dir, _) = import("practice/word-score", &pack);
    let tests = fs::read_to_string(dir.join("tests.py")).unwrap();
    assert!(
        tests.contains("import word_score as ws\nfrom word_score import (\n    score,\n"),
        "{tests}"
    );
    assert!(
        fs::read_to_string(dir.join("prompt.md"))
            .unwrap()
            .contains("`best_word` of an empty list"),
        "instructions.append.md is appended"
    );
    assert!(!dir.join("tests.toml").exists(), ".meta files are not helper modules");

    assert_sound(&pack);

    let ties_last = fs::read_to_string(fixture("practice/word-score/.meta/example.py"))
        .unwrap()
        .replace("return max(words, key=score)", "return max(reversed(words), key=score)");
    let (_, failing) = grade(&dir, &ties_last);
    assert_eq!(failing, ["Tests: WordScoreTest.test_first_best_word_on_a_tie"]);
    let case_sensitive = "def score(word):\n    return sum(ord(c) - 96 for c in word)\n\n\ndef best_word(words):\n    return max(words, key=score) if words else None\n";
    let (_, failing) = grade(&dir, case_sensitive);
    assert_eq!(
        failing,
        [
            "Tests: WordScoreTest.test_ignores_case",
            "Tests: WordScoreTest.test_no_words"
        ]
    );
}

#[test]
fn an_exercise_without_a_reference_solution_is_refused_by_name() {
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("lonely");
    fs::create_dir_all(source.join(".docs")).unwrap();
    fs::write(source.join(".docs/instructions.md"), "# Lonely\n").unwrap();
    fs::write(source.join("lonely.py"), "pass\n").unwrap();
    fs::write(source.join("lonely_test.py"), "def test_x():\n    pass\n").unwrap();
    let output = run_import(&source, &root.path().join("pack"));
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("no reference solution"), "{}", text(&output));
}
