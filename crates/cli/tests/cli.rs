//! The `pykata` binary end to end: `check` over the built-in exercises (the golden test),
//! `grade`'s exit codes, and `build`'s output.

mod common;

use common::{fake_assets, pykata};
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The checkout, as cargo names it when it runs the test (not when it compiled it: the shared
/// build folder may hold this binary from another checkout).
fn repo() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("../..")
}


fn exercise_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(repo().join("exercises"))
        .unwrap()
        .flat_map(|pack| fs::read_dir(pack.unwrap().path()).into_iter().flatten())
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("exercise.toml").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_built_in_exercise_is_sound() {
    let exercises = repo().join("exercises");
    let output = pykata(&["check", exercises.to_str().unwrap(), "--format", "json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let verdicts: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(verdicts["load_problems"], Value::Array(vec![]));
    let by_dir: Vec<&Value> = verdicts["exercises"].as_array().unwrap().iter().collect();
    let dirs = exercise_dirs();
    assert_eq!(by_dir.len(), dirs.len(), "check saw every exercise folder");
    for dir in dirs {
        let pack = dir.parent().unwrap().file_name().unwrap().to_str().unwrap();
        let name = format!("{pack}/{}", dir.file_name().unwrap().to_str().unwrap());
        let verdict = by_dir
            .iter()
            .find(|v| v["exercise"].as_str().unwrap().ends_with(&name))
            .unwrap_or_else(|| panic!("no verdict for {name}"));
        let wrong_files = fs::read_dir(dir.join("wrong")).unwrap().count();
        assert!(wrong_files >= 3, "{name} has at least three wrong solutions");
        assert_eq!(verdict["solution"], "pass", "{name}");
        assert_ne!(verdict["starter"], "pass", "{name}");
        assert_eq!(verdict["wrong_caught"], wrong_files, "{name}");
        assert_eq!(verdict["problems"], Value::Array(vec![]), "{name}");
    }
}

fn copy_exercise(to: &Path) -> PathBuf {
    let from = repo().join("exercises/decorators/log-calls");
    let dir = to.join("log-calls");
    fs::create_dir_all(dir.join("wrong")).unwrap();
    for name in ["exercise.toml", "prompt.md", "starter.py", "solution.py"] {
        fs::copy(from.join(name), dir.join(name)).unwrap();
    }
    for entry in fs::read_dir(from.join("wrong")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join("wrong").join(entry.file_name())).unwrap();
    }
    dir
}

#[test]
fn check_rejects_a_wrong_solution_that_no_check_catches() {
    let root = tempfile::tempdir().unwrap();
    let dir = copy_exercise(root.path());
    let solution = fs::read_to_string(dir.join("solution.py")).unwrap();
    fs::write(
        dir.join("wrong/not-wrong.py"),
        format!("# fails: keeps-metadata\n{solution}"),
    )
    .unwrap();
    fs::write(
        dir.join("wrong/broken.py"),
        "# fails: keeps-metadata\ndef log_calls(:\n",
    )
    .unwrap();
    let output = pykata(&["check", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("UNSOUND"), "{stdout}");
    assert!(
        stderr.contains("not-wrong.py: error: check `keeps-metadata` does not catch this wrong solution"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.py: error: fails for the wrong reason"),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_malformed_exercise_with_file_and_line() {
    let root = tempfile::tempdir().unwrap();
    let dir = copy_exercise(root.path());
    let manifest = fs::read_to_string(dir.join("exercise.toml")).unwrap();
    fs::write(
        dir.join("exercise.toml"),
        manifest.replacen("kind = \"behaviour\"", "kind = \"behavior\"", 1),
    )
    .unwrap();
    let output = pykata(&["check", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("exercise.toml:13:8: error: checks[0].kind: unknown kind `behavior`")
            && stderr.contains("hint: did you mean `behaviour`?"),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_malformed_pack_with_file_and_line_and_fails() {
    let root = tempfile::tempdir().unwrap();
    let pack = root.path().join("broken-pack");
    let dir = copy_exercise(&pack);
    fs::write(
        pack.join("pack.toml"),
        "title = \"Broken\"\norder = [\"log-calls\", \"missing\"]\n",
    )
    .unwrap();
    fs::write(dir.join("prompt.md"), b"# Log calls\n\nCaf\xE9\n").unwrap();
    fs::write(dir.join("solution.py"), "#".repeat(2 * 1024 * 1024)).unwrap();
    let output = pykata(&["check", pack.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Non-zero, and not a panic (101) or a signal.
    assert!(
        matches!(output.status.code(), Some(1 | 2)),
        "{:?}\n{stderr}",
        output.status
    );
    assert!(
        stderr.contains("pack.toml:2:23: error: order[1]: no exercise folder `missing`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("prompt.md:3:4: error: file is not valid UTF-8 (byte 0xE9)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("solution.py: error: file is 2097152 bytes, over the 1 MiB"),
        "{stderr}"
    );
}

#[test]
fn grade_exit_codes() {
    let dir = repo().join("exercises/decorators/log-calls");
    let grade = |file: &str| pykata(&["grade", dir.to_str().unwrap(), dir.join(file).to_str().unwrap()]);
    let pass = grade("solution.py");
    assert_eq!(pass.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&pass.stdout).unwrap();
    assert_eq!(
        (report["version"].as_u64(), report["status"].as_str()),
        (Some(3), Some("pass"))
    );
    assert_eq!(grade("starter.py").status.code(), Some(1));
    assert_eq!(grade("wrong/no-wraps.py").status.code(), Some(1));

    let root = tempfile::tempdir().unwrap();
    let broken = copy_exercise(root.path());
    fs::write(broken.join("exercise.toml"), "id = ").unwrap();
    let output = pykata(&[
        "grade",
        broken.to_str().unwrap(),
        dir.join("solution.py").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("exercise.toml:1:6: error"));
    assert_eq!(
        pykata(&["grade", dir.to_str().unwrap()]).status.code(),
        Some(2),
        "usage error"
    );
}


#[test]
fn build_writes_assets_index_and_one_json_per_exercise() {
    let root = tempfile::tempdir().unwrap();
    let assets = fake_assets(root.path());
    let out = root.path().join("out");
    let output = pykata(&[
        "build",
        repo().join("exercises").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--assets",
        assets.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for file in ["index.html", "site.css", "pykata.js", "pkg/pykata_wasm_bg.wasm"] {
        assert!(out.join(file).is_file(), "{file} is in the built folder");
    }
    for twin in [
        "pkg/pykata_wasm_bg.wasm.br",
        "pkg/pykata_wasm_bg.wasm.gz",
        "pykata.js.br",
        "worker.js.gz",
    ] {
        assert!(out.join(twin).is_file(), "{twin}: the big assets are pre-compressed");
    }
    let index: Value = serde_json::from_str(&fs::read_to_string(out.join("exercises/index.json")).unwrap()).unwrap();
    let entries: Vec<&Value> = index["packs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["exercises"].as_array().unwrap())
        .collect();
    assert_eq!(entries.len(), exercise_dirs().len());
    for entry in entries {
        let exercise: Value =
            serde_json::from_str(&fs::read_to_string(out.join(entry["src"].as_str().unwrap())).unwrap()).unwrap();
        assert_eq!(exercise["manifest"]["id"], entry["id"]);
        assert!(exercise["prompt_html"].as_str().unwrap().starts_with("<h1>"));
        assert!(exercise.get("wrong").is_none(), "known-wrong solutions are not shipped");
    }
}

/// A pack folder `root/<id>` with `pack_toml`, and an exercise scaffolded by `pykata new` for
/// each `(folder, title)`, in that order.
fn user_pack(root: &Path, id: &str, pack_toml: &str, exercises: &[(&str, &str)]) -> PathBuf {
    let pack = root.join(id);
    fs::create_dir_all(&pack).unwrap();
    fs::write(pack.join("pack.toml"), pack_toml).unwrap();
    for (folder, title) in exercises {
        let dir = pack.join(folder);
        let output = pykata(&["new", dir.to_str().unwrap()]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let manifest = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        let titled = manifest.replace("title = \"TODO: a short title\"", &format!("title = '{title}'"));
        assert_ne!(titled, manifest, "the scaffold's title line was found");
        fs::write(dir.join("exercise.toml"), titled).unwrap();
    }
    pack
}

/// What follows each `start` in `html` up to the next `end`.
fn all_between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    html.match_indices(start)
        .map(|(at, _)| {
            let rest = &html[at + start.len()..];
            &rest[..rest.find(end).expect("closed")]
        })
        .collect()
}

fn build_site(paths: &[&Path], out: &Path, assets: &Path, more: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--out", out.to_str().unwrap(), "--assets", assets.to_str().unwrap()]);
    args.extend(more);
    let output = pykata(&args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    fs::read_to_string(out.join("index.html")).unwrap()
}

#[test]
fn build_makes_a_site_of_the_users_own_packs() {
    let root = tempfile::tempdir().unwrap();
    let assets = fake_assets(root.path());
    let course = root.path().join("course");
    user_pack(
        &course,
        "basics",
        "title = \"Basics & <friends>\"\ndescription = \"Start <b>here</b>.\"\norder = []\n",
        &[("hello", "Say hello"), ("add", "Add <two> numbers")],
    );
    let loops = user_pack(
        &course,
        "loops",
        "title = \"Loops\"\norder = []\n",
        &[("count", "Count up")],
    );
    let out = root.path().join("site");
    let index = build_site(&[&course], &out, &assets, &[]);

    // The index lists the user's packs and exercises, in order, escaped; nothing of pykata's.
    assert!(
        index.contains("<title>Exercises</title>"),
        "two packs: a plain title\n{index}"
    );
    assert_eq!(
        all_between(&index, "<h2>", "</h2>"),
        ["Basics &amp; &lt;friends&gt;", "Loops"]
    );
    assert!(index.contains("<p>Start &lt;b&gt;here&lt;/b&gt;.</p>"), "{index}");
    assert_eq!(
        all_between(&index, "<li><a href=\"", "</a>"),
        [
            "exercises/basics/hello.html\">Say hello",
            "exercises/basics/add.html\">Add &lt;two&gt; numbers",
            "exercises/loops/count.html\">Count up",
        ]
    );
    assert_eq!(all_between(&index, "<small>· ", "</small>"), ["easy"; 3]);
    assert!(!index.contains("blog.html") && !index.contains("Decorators"), "{index}");
    for demo in ["blog.html", "demo.js"] {
        assert!(
            !out.join(demo).exists(),
            "{demo}: pykata's demo is not in a user's site"
        );
    }
    let old_address = fs::read_to_string(out.join("exercise.html")).unwrap();
    assert_eq!(
        all_between(&old_address, "<h2>", "</h2>"),
        ["Basics &amp; &lt;friends&gt;", "Loops"]
    );
    // Both lists show the learner's progress, through the widget's module.
    for html in [&index, &old_address] {
        assert!(html.contains("import { showProgress } from \"./pykata.js\";"), "{html}");
    }

    // Each exercise's page: its widget, the way back, and the previous and next exercise,
    // across packs too.
    for (page, previous, next) in [
        ("basics/hello", None, Some("../basics/add.html")),
        ("basics/add", Some("../basics/hello.html"), Some("../loops/count.html")),
        ("loops/count", Some("../basics/add.html"), None),
    ] {
        let html = fs::read_to_string(out.join(format!("exercises/{page}.html"))).unwrap();
        let id = page.split('/').nth(1).unwrap();
        assert!(html.contains(&format!("<py-kata src=\"{id}.json\">")), "{html}");
        assert!(out.join(format!("exercises/{page}.json")).is_file());
        assert!(html.contains("<a href=\"../../\">← All exercises</a>"), "{html}");
        assert!(
            html.contains("<pre><code>def answer():"),
            "the starter, for readers without JavaScript"
        );
        assert_eq!(
            all_between(&html, "rel=\"prev\" href=\"", "\""),
            previous.into_iter().collect::<Vec<_>>(),
            "{page}"
        );
        assert_eq!(
            all_between(&html, "rel=\"next\" href=\"", "\""),
            next.into_iter().collect::<Vec<_>>(),
            "{page}"
        );
        assert!(
            !html.contains("<friends>") && !html.contains("<two>"),
            "pack text is escaped: {html}"
        );
    }
    let add = fs::read_to_string(out.join("exercises/basics/add.html")).unwrap();
    assert!(
        add.contains("<title>Add &lt;two&gt; numbers · Exercises</title>"),
        "{add}"
    );
    assert!(add.contains("Next: Count up →</a>"), "{add}");

    // One pack: its title is the site's, unless --title says otherwise.
    let single = build_site(&[&loops], &root.path().join("single"), &assets, &[]);
    assert!(single.contains("<title>Loops</title>"), "{single}");
    let titled = build_site(
        &[&loops],
        &root.path().join("titled"),
        &assets,
        &["--title", "Ada's <course>"],
    );
    assert!(titled.contains("<title>Ada&#39;s &lt;course&gt;</title>"), "{titled}");
}

#[test]
fn build_with_demo_adds_the_demo_pages() {
    let root = tempfile::tempdir().unwrap();
    let assets = fake_assets(root.path());
    let out = root.path().join("demo");
    let pages = root.path().join("demo-pages");
    let index = build_site(
        &[&repo().join("exercises/decorators")],
        &out,
        &assets,
        &["--title", "pykata", "--with-demo", pages.to_str().unwrap()],
    );
    assert!(out.join("blog.html").is_file());
    assert!(index.contains("<a href=\"blog.html\">"), "{index}");
    assert_eq!(all_between(&index, "<h2>", "</h2>"), ["Decorators"]);
}

/// `--lang` words the pages' own links and labels in the learner's language and says it in
/// `<html lang>`, which the widget follows; the packs' texts stay as written.
#[test]
fn build_lang_words_the_site_in_that_language() {
    let root = tempfile::tempdir().unwrap();
    let assets = fake_assets(root.path());
    let out = root.path().join("site");
    let pack = repo().join("exercises/context-managers");
    let index = build_site(&[&pack], &out, &assets, &["--lang", "de"]);
    assert!(index.contains("<html lang=\"de\">"), "{index}");
    assert!(index.contains("aria-label=\"Übungspakete\""), "{index}");
    assert!(index.contains("Diese Seite muss über HTTP ausgeliefert werden."), "{index}");
    assert!(index.contains("<small>· leicht</small>"), "{index}");
    assert_eq!(all_between(&index, "<h2>", "</h2>"), ["Context managers"], "the pack's title as written");
    let page = fs::read_to_string(out.join("exercises/context-managers/timer.html")).unwrap();
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    assert!(page.contains(">← Alle Übungen</a>"), "{page}");
    assert!(page.contains(">← Zurück: Always close the resource</a>"), "{page}");
    assert!(page.contains(">Weiter: Ignore only the errors you expect →</a>"), "{page}");
    let old_address = fs::read_to_string(out.join("exercise.html")).unwrap();
    assert!(old_address.contains("moved.append(\"Diese Übung hat eine eigene Seite: \", link.cloneNode(true), \".\")"), "{old_address}");

    let traditional = build_site(&[&pack], &root.path().join("zh"), &assets, &["--lang", "zh-Hant"]);
    assert!(traditional.contains("<html lang=\"zh-Hant\">"), "{traditional}");
    assert!(traditional.contains("<small>· 簡單</small>"), "{traditional}");

    let english = build_site(&[&pack], &root.path().join("en"), &assets, &[]);
    assert!(english.contains("<html lang=\"en\">") && english.contains("<small>· easy</small>"), "{english}");

    let unknown = pykata(&["build", pack.to_str().unwrap(), "--out", root.path().join("xx").to_str().unwrap(), "--lang", "xx"]);
    assert_eq!(unknown.status.code(), Some(2));
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("invalid value 'xx' for '--lang") && said.contains("zh-Hant"), "{said}");
}

#[test]
fn batch_grading_writes_results_and_a_summary() {
    let root = tempfile::tempdir().unwrap();
    let exercise = repo().join("exercises/decorators/log-calls");
    let subs = root.path().join("subs");
    fs::create_dir_all(&subs).unwrap();
    fs::copy(exercise.join("solution.py"), subs.join("ada.py")).unwrap();
    fs::copy(exercise.join("wrong/no-wraps.py"), subs.join("bob.py")).unwrap();
    fs::write(subs.join("cy.py"), "def log_calls(:\n").unwrap();
    fs::write(root.path().join("manifest.csv"), "id,path\ndee,subs/ada.py\n").unwrap();
    let out = root.path().join("out");
    let output = pykata(&[
        "grade",
        exercise.to_str().unwrap(),
        subs.to_str().unwrap(),
        root.path().join("manifest.csv").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        "2",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "not every submission passes: {stdout}");
    assert!(stdout.contains("graded 4 submissions"), "{stdout}");
    assert!(stdout.contains("2 pass, 1 fail, 1 error"), "{stdout}");
    let report: Value = serde_json::from_str(&fs::read_to_string(out.join("bob/results.json")).unwrap()).unwrap();
    assert_eq!(report["status"], "fail");
    let mut reader = csv::Reader::from_path(out.join("summary.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[0] == id)
            .unwrap_or_else(|| panic!("no row for {id}"))
            .clone()
    };
    assert_eq!((&row("ada")[1], &row("ada")[2], &row("ada")[5]), ("pass", "6", "6"));
    assert_eq!((&row("bob")[1], &row("bob")[6]), ("fail", "keeps-metadata"));
    assert_eq!(&row("cy")[1], "error");
    assert!(row("cy")[8].contains("syntax error"));
    assert_eq!(&row("dee")[1], "pass");
}

#[test]
fn batch_grading_refuses_duplicate_ids_and_a_missing_out() {
    let exercise = repo().join("exercises/decorators/log-calls");
    let solution = exercise.join("solution.py");
    let twice = pykata(&[
        "grade",
        exercise.to_str().unwrap(),
        solution.to_str().unwrap(),
        solution.to_str().unwrap(),
    ]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("needs --out DIR"));
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let dupes = pykata(&[
        "grade",
        exercise.to_str().unwrap(),
        solution.to_str().unwrap(),
        solution.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(dupes.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dupes.stderr).contains("two submissions have the id `solution`"));
}

#[test]
fn new_scaffolds_a_sound_exercise_and_lists_it_in_the_pack() {
    let root = tempfile::tempdir().unwrap();
    let pack = root.path().join("basics");
    fs::create_dir_all(&pack).unwrap();
    fs::write(
        pack.join("pack.toml"),
        "# My pack.\ntitle = \"Basics\"\norder = [] # easiest first\n",
    )
    .unwrap();
    let first = pack.join("first-steps");
    let second = pack.join("second-steps");
    for dir in [&first, &second] {
        let output = pykata(&["new", dir.to_str().unwrap()]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let pack_toml = fs::read_to_string(pack.join("pack.toml")).unwrap();
    assert!(pack_toml.starts_with("# My pack.\n"), "comments are kept: {pack_toml}");
    assert!(
        pack_toml.contains("order = [\"first-steps\", \"second-steps\"] # easiest first"),
        "{pack_toml}"
    );
    let check = pykata(&["check", pack.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        stdout.contains("2 of 2 exercises sound; 4 wrong solutions caught"),
        "{stdout}"
    );
    let again = pykata(&["new", first.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing exercise is never overwritten"
    );
    let bad = pykata(&["new", pack.join("Bad Name").to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn new_creates_the_pack_toml_when_there_is_none() {
    let root = tempfile::tempdir().unwrap();
    let exercise = root.path().join("loops/while-loops");
    fs::create_dir_all(root.path().join("loops")).unwrap();
    assert_eq!(pykata(&["new", exercise.to_str().unwrap()]).status.code(), Some(0));
    let check = pykata(&["check", root.path().join("loops").to_str().unwrap()]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn check_flags_weak_exercises() {
    let root = tempfile::tempdir().unwrap();
    let dir = copy_exercise(root.path());
    // Only these two wrong solutions fail `calls-once` (the second fails every check).
    fs::remove_file(dir.join("wrong/calls-twice.py")).unwrap();
    fs::remove_file(dir.join("wrong/forgot-return-wrapper.py")).unwrap();
    fs::write(
        dir.join("wrong/crashes.py"),
        "# fails: returns-result\nraise RuntimeError('boom')\n",
    )
    .unwrap();
    let output = pykata(&["check", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("crashes.py: error: fails for the wrong reason: it crashes while being loaded"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: checks[4]: no wrong solution fails check `calls-once`, so nothing proves it works"),
        "{stderr}"
    );
}

#[test]
fn the_shipped_json_schemas_are_up_to_date() {
    let root = tempfile::tempdir().unwrap();
    assert_eq!(
        pykata(&["schema", root.path().to_str().unwrap()]).status.code(),
        Some(0)
    );
    let names = [
        "exercise.schema.json",
        "pack.schema.json",
        "exercise-text.schema.json",
        "engine.schema.json",
    ];
    for name in names {
        let fresh = fs::read_to_string(root.path().join(name)).unwrap();
        let shipped = fs::read_to_string(repo().join("docs/schema").join(name)).unwrap_or_default();
        assert!(
            fresh == shipped,
            "docs/schema/{name} is stale: run `pykata schema docs/schema`"
        );
        let schema: Value = serde_json::from_str(&fresh).unwrap();
        if name != "engine.schema.json" {
            assert_eq!(
                schema["additionalProperties"],
                Value::Bool(false),
                "typos are flagged in editors too"
            );
        }
        if name.starts_with("exercise") {
            // Only `pykata build` writes the digest: an author's is flagged as a typo.
            let check = &schema["$defs"]["Check"]["properties"];
            assert!(
                check["expected"].is_object() && check["expected_sha256"].is_null(),
                "{name}"
            );
        }
    }
    // What the engine answers, from which www/make-types.mjs generates the widget's types: the
    // serialising side (an `Option` always written is required and may be null), and a built
    // exercise's check may carry the digest `pykata build` writes.
    let engine: Value =
        serde_json::from_str(&fs::read_to_string(root.path().join("engine.schema.json")).unwrap()).unwrap();
    let defs = &engine["$defs"];
    for answer in ["Report", "RunOutput", "Validation"] {
        assert!(
            engine["anyOf"]
                .as_array()
                .unwrap()
                .contains(&json!({"$ref": format!("#/$defs/{answer}")})),
            "{answer}"
        );
    }
    assert_eq!(defs["Report"]["properties"]["version"]["const"], json!(3));
    let required = &defs["TestResult"]["required"];
    assert!(required.as_array().unwrap().contains(&json!("message")), "{required}");
    assert!(!required.as_array().unwrap().contains(&json!("hint")), "{required}");
    assert!(defs["Check"]["properties"]["expected_sha256"].is_object());
    assert!(defs["Budgets"]["properties"]["check_ms"].is_object());
    assert!(defs["Diagnostic"]["properties"]["span"].is_object());
}

#[test]
fn import_exercism_turns_the_test_file_into_a_unittest_check() {
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("two-fer");
    fs::create_dir_all(source.join(".docs")).unwrap();
    fs::create_dir_all(source.join(".meta")).unwrap();
    fs::write(
        source.join(".docs/instructions.md"),
        "# Two Fer\n\nSay `One for X, one for me.`\n",
    )
    .unwrap();
    fs::write(
        source.join(".docs/hints.md"),
        "# Hints\n\n- Use a default argument.\n- Use an f-string.\n",
    )
    .unwrap();
    fs::write(
        source.join(".meta/config.json"),
        r#"{"blurb": "Create a sentence of the form \"One for X, one for me.\"", "files": {"solution": ["two_fer.py"], "test": ["two_fer_test.py"], "example": [".meta/example.py"]}}"#,
    )
    .unwrap();
    fs::write(source.join("two_fer.py"), "def two_fer(name):\n    pass\n").unwrap();
    fs::write(
        source.join(".meta/example.py"),
        "def two_fer(name='you'):\n    return f'One for {name}, one for me.'\n",
    )
    .unwrap();
    fs::write(
        source.join("two_fer_test.py"),
        "import unittest\n\nfrom two_fer import (\n    two_fer,\n)\n\n\nclass TwoFerTest(unittest.TestCase):\n    def test_no_name_given(self):\n        self.assertEqual(two_fer(), 'One for you, one for me.')\n\n    def test_a_name_given(self):\n        self.assertEqual(two_fer('Alice'), 'One for Alice, one for me.')\n",
    )
    .unwrap();
    let pack = root.path().join("imported");
    fs::create_dir_all(&pack).unwrap();
    let output = pykata(&[
        "import",
        "exercism",
        source.to_str().unwrap(),
        "--into",
        pack.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let exercise = pack.join("two-fer");
    assert!(
        fs::read_to_string(exercise.join("tests.py"))
            .unwrap()
            .contains("from two_fer import (\n"),
        "the tests are copied as they are"
    );
    assert!(
        fs::read_to_string(exercise.join("exercise.toml"))
            .unwrap()
            .contains("module = \"two_fer\"\n")
    );
    let check = pykata(&["check", pack.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(stdout.contains("1 of 1 exercises sound"), "{stdout}");
    let graded = pykata(&[
        "grade",
        exercise.to_str().unwrap(),
        exercise.join("starter.py").to_str().unwrap(),
    ]);
    let report: Value = serde_json::from_slice(&graded.stdout).unwrap();
    let names: Vec<&str> = report["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Tests: TwoFerTest.test_a_name_given",
            "Tests: TwoFerTest.test_no_name_given"
        ]
    );
}

#[test]
fn learner_code_cannot_write_to_the_real_stdout() {
    let root = tempfile::tempdir().unwrap();
    let fake = root.path().join("fake.py");
    fs::write(
        &fake,
        "import sys\nsys.__stdout__.write('{\"version\": 3, \"status\": \"pass\", \"tests\": []}')\nsys.__stdout__.flush()\n",
    )
    .unwrap();
    let dir = repo().join("exercises/decorators/log-calls");
    let output = pykata(&["grade", dir.to_str().unwrap(), fake.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("stdout holds only the real report");
    assert_eq!(report["status"], "fail");
}

/// A small exercise, `add`, whose checks get `time_limit_ms` each (a submission twice that).
fn budget_exercise(root: &Path, time_limit_ms: u64) -> PathBuf {
    let dir = root.join("add");
    fs::create_dir_all(dir.join("wrong")).unwrap();
    fs::write(
        dir.join("exercise.toml"),
        format!(
            r#"id = "add"
title = "Add"
topic = "basics"
difficulty = "easy"
hints = ["Use +.", "Return a + b."]
time_limit_ms = {time_limit_ms}

[[checks]]
id = "adds"
kind = "assert"
title = "add adds"
message = "add(2, 3) should be 5."
code = "assert add(2, 3) == 5"
"#
        ),
    )
    .unwrap();
    fs::write(dir.join("prompt.md"), "# Add\n\nWrite `add(a, b)`.\n").unwrap();
    fs::write(dir.join("starter.py"), "def add(a, b):\n    pass\n").unwrap();
    fs::write(dir.join("solution.py"), "def add(a, b):\n    return a + b\n").unwrap();
    fs::write(
        dir.join("wrong/subtracts.py"),
        "# fails: adds\ndef add(a, b):\n    return a - b\n",
    )
    .unwrap();
    dir
}

/// Run pykata, but fail (and kill it with its children) rather than hang past a minute.
fn pykata_within_a_minute(args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let child = Command::new(env!("CARGO_BIN_EXE_pykata"))
        .args(args)
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pykata runs");
    let group = format!("-{}", child.id());
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    match receiver.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            panic!("pykata {args:?} did not finish within a minute");
        }
    }
}

/// Grade `source` against the `add` exercise; the report, after checking the exit code.
fn grade_source(source: &str, time_limit_ms: u64) -> Value {
    let root = tempfile::tempdir().unwrap();
    let dir = budget_exercise(root.path(), time_limit_ms);
    let file = root.path().join("submission.py");
    fs::write(&file, source).unwrap();
    let output = pykata_within_a_minute(&["grade", dir.to_str().unwrap(), file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{source}: {stderr}");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{source}: {e}: {stderr}"))
}

/// The budget a report says the code ran out of, with its message: the whole submission's
/// (the child was killed or died) or else the first check's (the engine stopped the code).
fn budget_and_message(report: &Value) -> (&str, &str) {
    let stopped = if report.get("budget").is_some() {
        report
    } else {
        report["tests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t.get("budget").is_some())
            .unwrap_or_else(|| panic!("no budget in {report}"))
    };
    assert_eq!(stopped["status"], "error", "{report}");
    (
        stopped["budget"].as_str().unwrap(),
        stopped["message"].as_str().unwrap(),
    )
}

#[test]
fn grade_stops_a_loop_inside_a_builtin_at_the_deadline_costing_only_that_check() {
    for source in [
        // At import: the engine's watchdog never gets a bytecode boundary to act on.
        "import itertools\nsum(itertools.count())\n",
        // Inside the function a check calls.
        "import itertools\n\ndef add(a, b):\n    return sum(itertools.count(a))\n",
    ] {
        let report = grade_source(source, 500);
        // Killed at the deadline while its check ran: that check is a time-budget error, as
        // if the watchdog had stopped it, and the grading went on after it.
        assert_eq!(report["status"], "fail", "{source}: {report}");
        assert_eq!(report.get("budget"), None, "{source}: {report}");
        let (budget, message) = budget_and_message(&report);
        assert_eq!(budget, "time", "{source}");
        assert_eq!(
            message, "Your code ran for more than 0.5 s and was stopped. Is there a loop that never ends?",
            "{source}"
        );
    }
}

#[test]
fn grade_after_a_check_killed_in_a_builtin_grades_the_others() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("double");
    fs::create_dir_all(&dir).unwrap();
    let check = |n: u32| {
        format!(
            "[[checks]]\nid = \"c{n}\"\nkind = \"assert\"\ntitle = \"Doubles {n}\"\nmessage = \"m\"\ncode = \"assert double({n}) == {}\"\n",
            2 * n
        )
    };
    let checks: String = (1..=4).map(check).collect();
    fs::write(
        dir.join("exercise.toml"),
        format!("id = \"double\"\ntitle = \"Double\"\ntopic = \"t\"\ndifficulty = \"easy\"\nhints = [\"a\", \"b\"]\ntime_limit_ms = 500\n{checks}"),
    )
    .unwrap();
    fs::write(dir.join("prompt.md"), "Double.\n").unwrap();
    fs::write(dir.join("starter.py"), "def double(x):\n    pass\n").unwrap();
    fs::write(dir.join("solution.py"), "def double(x):\n    return 2 * x\n").unwrap();
    let file = root.path().join("submission.py");
    let source = "import itertools\n\ndef double(x):\n    if x == 2:\n        sum(itertools.count())\n    return 0 if x == 4 else 2 * x\n";
    fs::write(&file, source).unwrap();
    let output = pykata_within_a_minute(&["grade", dir.to_str().unwrap(), file.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let outcome: Vec<(&str, &str, Option<&str>)> = report["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["check_id"].as_str().unwrap(), t["status"].as_str().unwrap(), t["budget"].as_str()))
        .collect();
    assert_eq!(
        outcome,
        [("c1", "pass", None), ("c2", "error", Some("time")), ("c3", "pass", None), ("c4", "fail", None)],
        "{report}"
    );
}

#[test]
fn grade_reports_a_memory_bomb_as_out_of_memory() {
    for source in [
        "s = 'x' * (10**10)\n",
        "b = bytearray(10**10)\n",
        "grown = []\nwhile True:\n    grown.append(bytearray(10**8))\n",
        "def add(a, b):\n    return len(list(range(10**10)))\n",
        // These end the grading process (Rust's "memory allocation of … failed").
        "s = format(1, '>1000000000')\n",
        "s = ' '.join(['a' * 10**6] * 1000)\n",
    ] {
        let report = grade_source(source, 500);
        let (budget, message) = budget_and_message(&report);
        assert_eq!(budget, "memory", "{source}: {report}");
        assert!(message.contains("more memory than the 512 MiB"), "{source}: {message}");
    }
}

#[test]
fn grade_survives_recursion_that_overflows_the_native_stack() {
    // Python-level recursion stops at the engine's recursion limit, however high the code sets it.
    let report = grade_source(
        "import sys\nsys.setrecursionlimit(10**6)\n\nclass A:\n    def __repr__(self):\n        return repr(self)\n\nrepr(A())\n",
        500,
    );
    assert_eq!(budget_and_message(&report).0, "recursion", "{report}");
    // A million nested `map`s recurse in Rust alone, past the engine thread's 256 MiB stack:
    // the grading process dies, and is replaced. (A generous time limit: building them takes
    // a second or more.)
    let report = grade_source(
        "it = iter([1])\nfor _ in range(10**6):\n    it = map(abs, it)\nnext(it)\n",
        20_000,
    );
    assert_eq!(
        (&report["status"], &report["budget"]),
        (&"error".into(), &"recursion".into()),
        "{report}"
    );
    assert!(
        report["message"].as_str().unwrap().contains("it was restarted"),
        "{report}"
    );
}

#[test]
fn batch_grading_moves_on_after_a_hanging_and_a_crashing_submission() {
    let root = tempfile::tempdir().unwrap();
    let dir = budget_exercise(root.path(), 500);
    let subs = root.path().join("subs");
    fs::create_dir_all(&subs).unwrap();
    fs::write(subs.join("a-hangs.py"), "import itertools\nsum(itertools.count())\n").unwrap();
    fs::write(subs.join("b-crashes.py"), "s = format(1, '>1000000000')\n").unwrap();
    fs::copy(dir.join("solution.py"), subs.join("c-good.py")).unwrap();
    let out = root.path().join("out");
    // One job: its grading process is replaced twice, in order.
    let output = pykata_within_a_minute(&[
        "grade",
        dir.to_str().unwrap(),
        subs.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        "1",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("graded 3 submissions"), "{stdout}");
    assert!(stdout.contains("1 pass, 1 fail, 1 error"), "{stdout}");
    let results = |id: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(out.join(id).join("results.json")).unwrap()).unwrap()
    };
    // Killed while its check ran: that check is the time-budget error.
    assert_eq!(results("a-hangs")["tests"][0]["budget"], "time");
    assert_eq!(results("b-crashes")["budget"], "memory");
    assert_eq!(results("c-good")["status"], "pass");
    let summary = fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(summary.contains("a-hangs,fail,0,0,1,1,adds,"), "{summary}");
}

#[test]
fn the_worker_subcommand_is_not_in_the_help() {
    let help = String::from_utf8(pykata(&["--help"]).stdout).unwrap();
    assert!(help.contains("grade") && !help.contains("worker"), "{help}");
}

/// An exercise as one text: `tests/fixtures/shout.toml`, shared with the other tests of pages.
const SHOUT: &str = include_str!("../../../tests/fixtures/shout.toml");

/// A Markdown post with that exercise in a `py-kata` fence, as a blogger writes it.
fn shout_post() -> String {
    format!("# Decorators that shout\n\nSome prose first.\n\n```py-kata\n{SHOUT}```\n")
}

#[test]
fn check_proves_an_exercise_written_in_a_markdown_post() {
    let root = tempfile::tempdir().unwrap();
    let post = root.path().join("post.md");
    fs::write(&post, shout_post()).unwrap();
    let output = pykata(&["check", post.to_str().unwrap(), "--format", "json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let verdicts: Value = serde_json::from_slice(&output.stdout).unwrap();
    let verdict = &verdicts["exercises"][0];
    assert!(
        verdict["exercise"].as_str().unwrap().ends_with("post.md#shout"),
        "{verdict}"
    );
    assert_eq!(verdict["solution"], "pass");
    assert_eq!(verdict["starter"], "fail");
    assert_eq!(verdict["wrong_caught"], 1);
}

#[test]
fn check_points_at_the_lines_of_the_page() {
    let root = tempfile::tempdir().unwrap();
    // The starter passes, the wrong solution is not caught, and a second fence is malformed.
    let unsound = shout_post()
        .replace("    return func\n", "    return lambda *a: func(*a).upper()\n")
        .replace(".lower()", ".upper()");
    let broken = "\n```py-kata\nid = \"two\"\ntitle = \"Two\"\ntopic = \"x\"\ndifficulty = \"easy\"\nhints = []\nsolution = \"pass\"\n\n[[checks]]\nid = \"c\"\nkind = \"behavior\"\ntitle = \"t\"\nmessage = \"m\"\ncdoe = \"pass\"\n```\n";
    let post = root.path().join("post.md");
    fs::write(&post, format!("{unsound}{broken}")).unwrap();
    let output = pykata(&["check", post.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let at = |line: usize| format!("{}:{line}:", post.display());
    // Lines of the post: the starter's value opens at line 12, the wrong code at 32; the
    // second fence's kind is at line 48 and its misspelled field at 51.
    for (line, text) in [
        (12, "error: the starter passes every check"),
        (32, "error: check `upper` does not catch this wrong solution"),
        (48, "error: checks[0].kind: unknown kind `behavior`"),
        (51, "error: checks[0].cdoe: unknown field `cdoe`"),
    ] {
        let shown = stderr.lines().find(|l| l.contains(text)).unwrap_or_default();
        assert!(
            shown.starts_with(&at(line)),
            "{text} is reported at line {line}: {shown}"
        );
    }
    assert!(
        stderr.contains("did you mean `behaviour`?") && stderr.contains("did you mean `code`?"),
        "{stderr}"
    );
}

#[test]
fn check_reads_toml_script_elements_in_html_pages() {
    let root = tempfile::tempdir().unwrap();
    let page = root.path().join("page.html");
    fs::write(
        &page,
        format!("<!doctype html>\n<p>Try it:</p>\n<py-kata>\n<script type=\"application/toml\" data-kata>\n{SHOUT}</script>\n</py-kata>\n"),
    )
    .unwrap();
    let output = pykata(&["check", page.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let verdicts: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(verdicts["exercises"][0]["wrong_caught"], 1);

    let empty = root.path().join("empty.md");
    fs::write(&empty, "# Nothing to practise here\n").unwrap();
    let output = pykata(&["check", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "a page without exercises proves nothing");
    assert!(String::from_utf8_lossy(&output.stderr).contains("no exercise in this page"));
}

#[test]
fn check_annotates_problems_for_github_actions() {
    let root = tempfile::tempdir().unwrap();
    let post = root.path().join("post.md");
    let broken = shout_post().replace("code = \"assert", "cdoe = \"assert");
    fs::write(&post, broken).unwrap();
    let output = pykata(&["check", post.to_str().unwrap(), "--format", "github"]);
    assert_eq!(output.status.code(), Some(1), "exit codes as for the table");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let annotation = stdout
        .lines()
        .find(|line| line.starts_with("::error "))
        .unwrap_or_else(|| panic!("no ::error annotation in:\n{stdout}"));
    // The fence opens at line 5 of the post; `cdoe` is line 23 of the exercise text.
    let file = post.display().to_string().replace(':', "%3A").replace(',', "%2C");
    assert_eq!(
        annotation,
        format!(
            "::error file={file},line=28,col=1,title=checks[0].cdoe::unknown field `cdoe`%0Ahint: did you mean `code`?%0Ahint: the fields here are `id`, `kind`, `title`, `message`, `hidden`, `hint`, `code`, `file`, `module`, `stdin`, `expected`, `match`, `expected_sha256`, `must_use`, `must_not_use`, `must_call`, `must_not_call`"
        )
    );
    assert!(stdout.contains("verdict"), "the table is printed too:\n{stdout}");
}
