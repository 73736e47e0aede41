//! Property tests ("fuzzing") of the pack loader: arbitrary bytes and near-valid mutations of
//! the built-in exercises' `exercise.toml`, `pack.toml`, text files and wrong solutions.
//! Whatever the input, loading never panics, and every diagnostic is well formed: it names a
//! file, and its line and column exist in that file. Each property runs 256 cases; set
//! `PROPTEST_CASES` for a longer run, e.g. `PROPTEST_CASES=100000 cargo test --test fuzz`.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use pykata_pack::{Diagnostic, Exercise, Severity, load_exercise, load_pack};
use std::fs;
use std::path::{Path, PathBuf};

/// The built-in packs, copied once per test thread so that cases can overwrite files.
struct Workspace {
    _root: tempfile::TempDir,
    packs: Vec<PathBuf>,
    exercises: Vec<PathBuf>,
}

impl Workspace {
    fn new() -> Self {
        let root = tempfile::tempdir().unwrap();
        // Named at run time: the shared build folder may hold this binary from another checkout.
        let from = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("../../exercises");
        copy_dir(&from, root.path());
        let mut packs: Vec<PathBuf> = fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("pack.toml").is_file())
            .collect();
        packs.sort();
        let mut exercises: Vec<PathBuf> = packs
            .iter()
            .flat_map(|pack| fs::read_dir(pack).unwrap().map(|e| e.unwrap().path()))
            .filter(|p| p.join("exercise.toml").is_file())
            .collect();
        exercises.sort();
        assert!(exercises.len() >= 3, "the built-in exercises are the seeds");
        for dir in &exercises {
            let loaded = load_exercise(dir);
            assert!(
                loaded.diagnostics.is_empty(),
                "seed {}: {:?}",
                dir.display(),
                loaded.diagnostics
            );
        }
        Workspace {
            _root: root,
            packs,
            exercises,
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

thread_local! {
    static WORKSPACE: Workspace = Workspace::new();
}

/// Files a case overwrote or created, put back as they were when the case ends (even when it
/// fails), so the next case starts from the seeds.
#[derive(Default)]
struct Restore(Vec<(PathBuf, Option<Vec<u8>>)>);

impl Restore {
    fn write(&mut self, path: &Path, bytes: &[u8]) {
        if !self.0.iter().any(|(p, _)| p == path) {
            self.0.push((path.to_path_buf(), fs::read(path).ok()));
        }
        fs::write(path, bytes).unwrap();
    }
}

impl Drop for Restore {
    fn drop(&mut self) {
        for (path, original) in self.0.drain(..).rev() {
            match original {
                Some(bytes) => fs::write(&path, bytes).unwrap(),
                None => fs::remove_file(&path).unwrap(),
            }
        }
    }
}

/// Lines of `text` as an editor counts them (a final newline starts an empty last line).
fn editor_lines(text: &str) -> Vec<&str> {
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect()
}

/// Every diagnostic names a file; a line and column, when given, exist in that file; the
/// TOML file under test is always located by line; rendering never fails.
fn check_diagnostics(diagnostics: &[Diagnostic], toml_file: &Path) -> Result<(), TestCaseError> {
    for d in diagnostics {
        let shown = d.to_string();
        prop_assert!(!d.message.trim().is_empty(), "empty message: {shown}");
        prop_assert!(!d.span.file.as_os_str().is_empty(), "no file: {shown}");
        prop_assert_eq!(d.span.line.is_some(), d.span.column.is_some(), "{}", shown);
        if d.severity == Severity::Error && d.span.file == toml_file {
            prop_assert!(
                d.span.line.is_some(),
                "an error in the TOML file without a line: {shown}"
            );
        }
        if let (Some(line), Some(column)) = (d.span.line, d.span.column) {
            let bytes = fs::read(&d.span.file).map_err(|e| TestCaseError::fail(format!("{e}: {shown}")))?;
            let text = String::from_utf8_lossy(&bytes);
            let lines = editor_lines(&text);
            prop_assert!(
                line >= 1 && line <= lines.len(),
                "line {line} of {}: {shown}",
                lines.len()
            );
            let width = lines[line - 1].chars().count();
            prop_assert!(
                column >= 1 && column <= width + 1,
                "column {column} of {width}: {shown}"
            );
        }
        if let Some(field) = &d.field {
            prop_assert!(!field.is_empty(), "empty field: {shown}");
        }
        // What the CLI does: render with miette, with the source when it is UTF-8.
        let source = fs::read_to_string(&d.span.file).ok();
        let _ = format!("{:?}", d.to_report(source));
    }
    serde_json::to_string(diagnostics).map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(())
}

/// Load the exercise in `dir` and check everything about the result.
fn load_and_check(dir: &Path) -> Result<Vec<Diagnostic>, TestCaseError> {
    let loaded = load_exercise(dir);
    check_diagnostics(&loaded.diagnostics, &dir.join("exercise.toml"))?;
    let failed = loaded.diagnostics.iter().any(|d| d.severity == Severity::Error);
    prop_assert_eq!(loaded.value.is_none(), failed, "{:?}", loaded.diagnostics);
    if let Some(exercise) = loaded.value {
        // A loaded exercise survives the JSON a bundle carries.
        let json = serde_json::to_string(&exercise).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Exercise = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.manifest, exercise.manifest);
        prop_assert_eq!(back.solution, exercise.solution);
    }
    Ok(loaded.diagnostics)
}

/// One edit of a TOML document, at positions taken modulo its length.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// Replace what follows the first `=` on a line.
    ReplaceValue(usize, String),
    /// Replace what precedes the first `=` on a line.
    RenameKey(usize, String),
    InsertLine(usize, String),
    InsertBytes(usize, Vec<u8>),
    Truncate(usize),
}

/// A TOML string holding `text`, with every escape TOML needs.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// Values of every TOML type, valid and near-valid words, and random strings.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "1",
            "3",
            "-1",
            "99",
            "18446744073709551616",
            "1.5",
            "-0.0",
            "nan",
            "inf",
            "true",
            "false",
            "[]",
            "[1, \"a\"]",
            "[[]]",
            "[\"yield\", \"goto\"]",
            "{}",
            "{ a = 1 }",
            "{ id = \"x\" }",
            "1979-05-27T07:32:00Z",
            "07:32:00",
            "\"\"",
            "''",
            "'''\nx'''",
            "\"\"\"\n\"\"\"",
            "\"output\"",
            "\"static\"",
            "\"assert\"",
            "\"behaviour\"",
            "\"unittest\"",
            "\"regex\"",
            "\"normalised\"",
            "\"easy\"",
            "\"hard\"",
            "\"tests.py\"",
            "\"prompt.md\"",
            "\"wrong\"",
            "\".\"",
            "\"\"",
            "\"../x.py\"",
            "\"/etc/passwd\"",
            "\"wrong/no.py\"",
            "[\"input\"]",
            "\"",
        ])
        .prop_map(str::to_owned),
        "[a-z0-9-]{0,12}".prop_map(|s| toml_string(&s)),
        any::<String>().prop_map(|s| toml_string(&s)),
        any::<String>(),
        prop::collection::vec(any::<String>(), 0..4).prop_map(|items| {
            let items: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
            format!("[{}]", items.join(", "))
        }),
    ]
}

const KEYS: &[&str] = &[
    "id",
    "title",
    "topic",
    "difficulty",
    "hints",
    "time_limit_ms",
    "checks",
    "kind",
    "message",
    "hidden",
    "hint",
    "code",
    "file",
    "stdin",
    "expected",
    "match",
    "must_use",
    "must_not_use",
    "must_call",
    "must_not_call",
    "order",
    "description",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(KEYS).prop_map(str::to_owned),
        "[a-z_]{1,10}",
        "[a-z_]{1,6}\\.[a-z_]{1,6}",
        any::<String>(),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "[[checks]]",
            "[checks]",
            "[checks.x]",
            "[[hints]]",
            "[[order]]",
            "[",
            "]]",
            "\"",
            "'''",
            "=",
            "#",
            "# fails:",
            "id = \"x\"",
            "kind = \"static\"",
            "must_use = [\"yield\"]",
            "code = \"pass\"",
            "expected = \"\"",
            "hint = 0",
            "hint = 99",
            "time_limit_ms = 0",
            "file = \"../x.py\"",
            "file = \"/etc/passwd\"",
            "file = \"prompt.md\"",
            "file = \"wrong\"",
            "file = \"\"",
            "file = \"missing.py\"",
            "file = \"solution.py\"",
        ])
        .prop_map(str::to_owned),
        (key(), value()).prop_map(|(k, v)| format!("{k} = {v}")),
        any::<String>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<usize>().prop_map(Mutation::DeleteLine),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (any::<usize>(), value()).prop_map(|(n, v)| Mutation::ReplaceValue(n, v)),
        1 => (any::<usize>(), key()).prop_map(|(n, k)| Mutation::RenameKey(n, k)),
        2 => (any::<usize>(), line()).prop_map(|(n, l)| Mutation::InsertLine(n, l)),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8)).prop_map(|(n, b)| Mutation::InsertBytes(n, b)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Apply `mutation` to `doc`, split into lines (each without its newline).
fn apply(doc: &mut Vec<Vec<u8>>, mutation: &Mutation) {
    let line_count = doc.len().max(1);
    if doc.is_empty() {
        doc.push(Vec::new());
    }
    let split_at_eq = |line: &[u8]| line.iter().position(|&b| b == b'=');
    match mutation {
        Mutation::DeleteLine(n) => {
            doc.remove(n % line_count);
        }
        Mutation::DuplicateLine(n) => {
            let copy = doc[n % line_count].clone();
            doc.insert(n % line_count, copy);
        }
        Mutation::SwapLines(a, b) => doc.swap(a % line_count, b % line_count),
        Mutation::ReplaceValue(n, value) => {
            let line = &mut doc[n % line_count];
            if let Some(eq) = split_at_eq(line) {
                line.truncate(eq + 1);
                line.push(b' ');
                line.extend_from_slice(value.as_bytes());
            }
        }
        Mutation::RenameKey(n, key) => {
            let line = &mut doc[n % line_count];
            if let Some(eq) = split_at_eq(line) {
                let rest = line[eq..].to_vec();
                *line = [key.as_bytes(), b" ", &rest].concat();
            }
        }
        Mutation::InsertLine(n, text) => doc.insert(n % (doc.len() + 1), text.as_bytes().to_vec()),
        Mutation::InsertBytes(n, bytes) => {
            let line = &mut doc[n % line_count];
            let at = n % (line.len() + 1);
            line.splice(at..at, bytes.iter().copied());
        }
        Mutation::Truncate(n) => {
            let mut flat = doc.join(&b'\n');
            flat.truncate(n % (flat.len() + 1));
            *doc = flat.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
        }
    }
}

fn mutate(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut doc: Vec<Vec<u8>> = original.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    for mutation in mutations {
        apply(&mut doc, mutation);
    }
    doc.join(&b'\n')
}

/// Bytes that are mostly TOML's own characters, sometimes anything.
fn toml_ish_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        "[\\[\\]{}a-z_=\"'., \n0-9#+:-]{0,600}".prop_map(String::into_bytes),
        any::<String>().prop_map(String::into_bytes),
    ]
}

proptest! {
    /// Arbitrary bytes as `exercise.toml`.
    #[test]
    fn any_bytes_as_exercise_toml(seed in any::<prop::sample::Index>(), bytes in toml_ish_bytes()) {
        WORKSPACE.with(|w| {
            let dir = &w.exercises[seed.index(w.exercises.len())];
            let mut restore = Restore::default();
            restore.write(&dir.join("exercise.toml"), &bytes);
            let diagnostics = load_and_check(dir)?;
            prop_assert!(!bytes.is_empty() || !diagnostics.is_empty(), "an empty exercise.toml loaded");
            Ok(())
        })?;
    }

    /// A built-in `exercise.toml` with lines deleted, duplicated, swapped or inserted, values
    /// of other types, renamed keys, stray bytes and truncation.
    #[test]
    fn mutated_exercise_toml(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        WORKSPACE.with(|w| {
            let dir = &w.exercises[seed.index(w.exercises.len())];
            let path = dir.join("exercise.toml");
            let mut restore = Restore::default();
            let original = fs::read(&path).unwrap();
            restore.write(&path, &mutate(&original, &mutations));
            load_and_check(dir).map(drop)
        })?;
    }

    /// When a mutated manifest is still valid TOML, every problem in it names its field.
    #[test]
    fn a_problem_in_valid_toml_names_its_field(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        WORKSPACE.with(|w| {
            let dir = &w.exercises[seed.index(w.exercises.len())];
            let path = dir.join("exercise.toml");
            let mut restore = Restore::default();
            let original = fs::read(&path).unwrap();
            let mutated = mutate(&original, &mutations);
            let valid_toml = std::str::from_utf8(&mutated).is_ok_and(|t| t.parse::<toml::Table>().is_ok());
            restore.write(&path, &mutated);
            for d in load_and_check(dir)? {
                if valid_toml && d.span.file == path {
                    prop_assert!(d.field.is_some(), "no field: {d}");
                }
            }
            Ok(())
        })?;
    }

    /// Arbitrary or near-valid `prompt.md`, `solution.py`, a check file and wrong solutions
    /// (headers naming real, unknown and empty check ids, with `\n` or `\r\n` line ends).
    #[test]
    fn text_files_and_wrong_solutions(
        seed in any::<prop::sample::Index>(),
        prompt in prop::option::of(toml_ish_bytes()),
        solution in prop::option::of(toml_ish_bytes()),
        wrong in prop::collection::vec(wrong_solution(), 0..3),
    ) {
        WORKSPACE.with(|w| {
            let dir = &w.exercises[seed.index(w.exercises.len())];
            let mut restore = Restore::default();
            if let Some(prompt) = &prompt {
                restore.write(&dir.join("prompt.md"), prompt);
            }
            if let Some(solution) = &solution {
                restore.write(&dir.join("solution.py"), solution);
            }
            let manifest: toml::Table = fs::read_to_string(dir.join("exercise.toml")).unwrap().parse().unwrap();
            let check_ids: Vec<String> = manifest["checks"].as_array().unwrap().iter()
                .map(|c| c["id"].as_str().unwrap().to_owned()).collect();
            for (n, (header, id, body, crlf)) in wrong.iter().enumerate() {
                let id = match id {
                    WrongId::Known(i) => check_ids[i.index(check_ids.len())].clone(),
                    WrongId::Other(id) => id.clone(),
                };
                let mut bytes = header.replace("{id}", &id).into_bytes();
                bytes.extend_from_slice(body);
                if *crlf {
                    bytes = String::from_utf8_lossy(&bytes).replace('\n', "\r\n").into_bytes();
                }
                restore.write(&dir.join(format!("wrong/fuzz-{n}.py")), &bytes);
            }
            let diagnostics = load_and_check(dir)?;
            // A wrong solution naming an unknown check is located at the id it names.
            for d in &diagnostics {
                let Some(id) = d.message.strip_prefix("no check named `").and_then(|m| m.split('`').next()) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&fs::read(&d.span.file).unwrap()).into_owned();
                let line = editor_lines(&text)[d.span.line.unwrap() - 1];
                let at: String = line.chars().skip(d.span.column.unwrap() - 1).collect();
                prop_assert!(at.trim_start().starts_with(id), "{d} points at {at:?}");
            }
            Ok(())
        })?;
    }

    /// A built-in `pack.toml`, arbitrary or mutated.
    #[test]
    fn mutated_pack_toml(
        seed in any::<prop::sample::Index>(),
        replacement in prop::option::weighted(0.2, toml_ish_bytes()),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        WORKSPACE.with(|w| {
            let dir = &w.packs[seed.index(w.packs.len())];
            let path = dir.join("pack.toml");
            let mut restore = Restore::default();
            let bytes = match replacement {
                Some(bytes) => bytes,
                None => mutate(&fs::read(&path).unwrap(), &mutations),
            };
            restore.write(&path, &bytes);
            let loaded = load_pack(dir);
            check_diagnostics(&loaded.diagnostics, &path)?;
            let failed = loaded.diagnostics.iter().any(|d| d.severity == Severity::Error);
            prop_assert_eq!(loaded.value.is_none(), failed);
            if let Some(pack) = loaded.value {
                // Only the pack's own exercises, each once.
                for exercise in &pack.exercises {
                    prop_assert_eq!(exercise.dir.parent(), Some(dir.as_path()));
                }
                prop_assert_eq!(pack.exercises.len(), pack.manifest.order.len());
            }
            Ok(())
        })?;
    }
}

#[derive(Debug, Clone)]
enum WrongId {
    Known(prop::sample::Index),
    Other(String),
}

/// (header with `{id}` for the check id, the id, body bytes, CRLF line ends).
fn wrong_solution() -> impl Strategy<Value = (String, WrongId, Vec<u8>, bool)> {
    let header = prop_oneof![
        prop::sample::select(vec![
            "# fails: {id}\n",
            "# A mistake.\n# fails: {id}\n",
            "#fails:{id}\n",
            "##   fails:   {id}   \n",
            "# fails: {id}",
            "#\n#\n# fails: {id}\n",
            "# fails:\n",
            "# fails: \n",
            "fails: {id}\n",
            "\n# fails: {id}\n",
            "\u{feff}# fails: {id}\n",
            "# héllo — ünïcode\n# fails: {id}\n",
            "",
        ])
        .prop_map(str::to_owned),
        any::<String>().prop_map(|s| format!("# {s}\n# fails: {{id}}\n")),
    ];
    let id = prop_oneof![
        3 => any::<prop::sample::Index>().prop_map(WrongId::Known),
        1 => "[a-z-]{0,10}".prop_map(WrongId::Other),
        1 => any::<String>().prop_map(WrongId::Other),
    ];
    (header, id, toml_ish_bytes(), any::<bool>())
}
