//! Exercises written as one self-contained text (a page's TOML, a Markdown fence) or as JSON:
//! the same validator as pack folders, from strings alone.

use pykata_pack::{Severity, parse_exercise_json, parse_exercise_text};
use std::path::Path;

const TEXT: &str = include_str!("../../../tests/fixtures/shout.toml");

fn errors(text: &str) -> Vec<String> {
    let loaded = parse_exercise_text(Path::new("post.md"), text);
    assert!(
        loaded.value.is_none(),
        "a broken text must not load: {:?}",
        loaded.diagnostics
    );
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_text_loads_with_its_prompt_rendered_and_its_wrong_solutions() {
    let loaded = parse_exercise_text(Path::new("post.md"), TEXT);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let exercise = loaded.value.unwrap();
    assert_eq!(exercise.manifest.checks.len(), 1);
    assert!(exercise.solution.contains("upper()"));
    assert_eq!(
        exercise.prompt_html.as_deref(),
        Some("<p>Write <code>shout</code>: the wrapped function's result, upper-cased.</p>\n")
    );
    assert_eq!(exercise.wrong.len(), 1);
    assert_eq!(exercise.wrong[0].fails, "upper");
    assert_eq!(
        exercise.wrong[0].span.line,
        Some(27),
        "the wrong solution's code is located"
    );
    assert_eq!(exercise.origin.solution.line, Some(11));
}

#[test]
fn a_misspelled_check_field_is_named_with_the_field_it_misspells() {
    let found = errors(&TEXT.replace("code = \"assert", "cdoe = \"assert"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("post.md:23:1: error: checks[0].cdoe: unknown field `cdoe`"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("did you mean `code`?"), "{}", found[0]);
}

#[test]
fn an_unknown_kind_lists_the_kinds_and_the_nearest() {
    let found = errors(&TEXT.replace("kind = \"assert\"", "kind = \"behavior\""));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("checks[0].kind: unknown kind `behavior`"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("did you mean `behaviour`?"), "{}", found[0]);
    assert!(
        found[0].contains("`output`, `assert`, `behaviour`, `static`, `unittest`"),
        "{}",
        found[0]
    );
}

#[test]
fn an_exercise_without_checks_is_an_error() {
    let without = &TEXT[..TEXT.find("[[checks]]").unwrap()];
    let found = errors(without);
    assert!(
        found
            .iter()
            .any(|e| e.contains("checks: an exercise needs at least one check")),
        "{found:#?}"
    );
}

#[test]
fn every_problem_of_a_text_is_reported_once() {
    let broken = TEXT
        .replace("difficulty = \"easy\"", "dificulty = \"easy\"")
        .replace("code = \"assert", "cdoe = \"assert")
        .replace("fails = \"upper\"", "fails = \"uper\"")
        + "\n[[checks]]\nid = \"two\"\nkind = \"outptu\"\ntitle = \"t\"\nmessage = \"m\"\n";
    let found = errors(&broken);
    let fields: Vec<&str> = found.iter().map(|e| e.split(": ").nth(2).unwrap_or_default()).collect();
    assert_eq!(fields, ["dificulty", "checks[0].cdoe", "checks[1].kind"], "{found:#?}");
    assert!(found[0].contains("did you mean `difficulty`?"));
    assert!(found[2].contains("did you mean `output`?"));
}

#[test]
fn a_wrong_solution_must_name_a_check() {
    let found = errors(&TEXT.replace("fails = \"upper\"", "fails = \"uper\""));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("wrong[0].fails: no check named `uper`"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("did you mean `upper`?"), "{}", found[0]);
}

#[test]
fn the_solution_is_required_and_must_say_something() {
    let found = errors(&TEXT.replace("solution = \"\"\"", "solution_ = \"\"\""));
    assert!(
        found.iter().any(|e| e.contains("did you mean `solution`?")),
        "{found:#?}"
    );
    let start = TEXT.find("solution = ").unwrap();
    let end = TEXT.find("[[checks]]").unwrap();
    let blank = format!("{}solution = \"  \"\n\n{}", &TEXT[..start], &TEXT[end..]);
    let found = errors(&blank);
    assert!(
        found.iter().any(|e| e.contains("solution: the solution is empty")),
        "{found:#?}"
    );
}

/// An exercise object as the inline HTML form (or `pykata build`) gives it.
fn json(checks: &str) -> String {
    format!(
        r#"{{"manifest": {{"id": "closing", "title": "Always close", "topic": "inline", "difficulty": "easy",
            "hints": [], "checks": {checks}}}, "prompt": "", "prompt_html": "<p>Close it.</p>",
            "starter": "class Closing: pass\n", "solution": "class Closing:\n    pass\n"}}"#
    )
}

#[test]
fn json_exercises_get_the_same_rules() {
    let good = r#"[{"id": "closes", "kind": "behaviour", "title": "Closes", "message": "m", "code": "pass"}]"#;
    let loaded = parse_exercise_json(Path::new("blog.html"), &json(good), false);
    let exercise = loaded.value.expect("a valid JSON exercise loads");
    assert_eq!(
        exercise.prompt_html.as_deref(),
        Some("<p>Close it.</p>"),
        "the page's HTML prompt is kept"
    );

    let typo = good.replace("\"code\"", "\"cdoe\"");
    let loaded = parse_exercise_json(Path::new("blog.html"), &json(&typo), false);
    assert!(loaded.value.is_none());
    let shown: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("blog.html: error: checks[0].cdoe: unknown field")
                && d.contains("did you mean `code`?")),
        "{shown:#?}"
    );

    let loaded = parse_exercise_json(Path::new("blog.html"), &json("[]"), false);
    assert!(loaded.diagnostics.iter().any(|d| d.field.as_deref() == Some("checks")));
    assert!(loaded.value.is_none(), "no checks: never graded");

    let loaded = parse_exercise_json(Path::new("blog.html"), "{\"manifest\": ", false);
    assert_eq!(loaded.diagnostics[0].span.line, Some(1), "{:?}", loaded.diagnostics);
}

#[test]
fn only_a_built_exercise_may_carry_a_digest_instead_of_the_expected_output() {
    let hidden = r#"[{"id": "out", "kind": "output", "title": "t", "message": "m", "hidden": true,
        "expected_sha256": "00"}]"#;
    assert!(
        parse_exercise_json(Path::new("x.json"), &json(hidden), true)
            .value
            .is_some()
    );
    assert!(
        parse_exercise_json(Path::new("x.json"), &json(hidden), false)
            .value
            .is_none()
    );
}

#[test]
fn a_text_writes_helper_modules_inline_and_json_carries_them() {
    let inline = TEXT.replace(
        "prompt = ",
        "[[module_code]]\nname = \"loud\"\ncode = \"BANG = '!'\"\n\n[[module_code]]\nname = \"loud\"\ncode = \"\"\n\nprompt = ",
    );
    // TOML needs the tables after the top-level keys: move them to the end.
    let (head, tables) = inline.split_once("[[module_code]]").unwrap();
    let (modules, rest) = tables.split_once("prompt = ").unwrap();
    let text = format!("{head}prompt = {rest}\n[[module_code]]{modules}");
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .contains("error: module_code[1].name: helper module `loud` is given twice (also by module_code[0].name)"),
        "{}",
        found[0]
    );
    let once = text.replacen("[[module_code]]\nname = \"loud\"\ncode = \"\"\n", "", 1);
    let loaded = parse_exercise_text(Path::new("post.md"), &once);
    let exercise = loaded.value.expect("one inline module loads");
    assert_eq!(exercise.manifest.module_code[0].name, "loud");

    let json = serde_json::to_string(&exercise).unwrap();
    let back = parse_exercise_json(Path::new("x.json"), &json, true)
        .value
        .expect("round trip");
    assert_eq!(back.manifest.module_code, exercise.manifest.module_code);

    let files = TEXT.replace("prompt = ", "modules = [\"loud.py\"]\nprompt = ");
    let found = errors(&files);
    assert!(
        found
            .iter()
            .any(|e| e.contains("modules[0]: an exercise written in a page has no folder to read files from")),
        "{found:#?}"
    );
}
