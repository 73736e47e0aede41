//! Every kind of malformed exercise and pack gives diagnostics naming file, line, column and
//! field (snapshot-tested), and a valid one loads.

use pykata_pack::{CheckKind, Construct, MAX_FILE_BYTES, Severity, load_exercise, load_pack};
use std::fs;
use std::path::Path;

const MANIFEST: &str = r#"id = "greet"
title = "Greet"
topic = "basics"
difficulty = "easy"
hints = ["Use print.", "print(f'Hello, {name}!')"]

[[checks]]
id = "says-hello"
kind = "output"
title = "Says hello"
message = "Print a greeting."
stdin = "Ada\n"
expected = "Hello, Ada!\n"

[[checks]]
id = "uses-input"
kind = "static"
title = "Reads input"
message = "Read the name with input()."
must_call = ["input"]
must_not_use = ["while"]
"#;

/// Write a valid exercise folder `greet` into `root`, then let `mutate` break it.
fn exercise(root: &Path, mutate: impl FnOnce(&Path)) -> std::path::PathBuf {
    let dir = root.join("greet");
    fs::create_dir_all(dir.join("wrong")).unwrap();
    fs::write(dir.join("exercise.toml"), MANIFEST).unwrap();
    fs::write(dir.join("prompt.md"), "# Greet\n").unwrap();
    fs::write(dir.join("starter.py"), "name = input()\n").unwrap();
    fs::write(dir.join("solution.py"), "name = input()\nprint(f'Hello, {name}!')\n").unwrap();
    fs::write(
        dir.join("wrong/no-input.py"),
        "# fails: uses-input\nprint('Hello, Ada!')\n",
    )
    .unwrap();
    mutate(&dir);
    dir
}

/// The diagnostics for an exercise broken by `mutate`, one per line, with the temp path hidden.
fn diagnostics(mutate: impl FnOnce(&Path)) -> String {
    let root = tempfile::tempdir().unwrap();
    let loaded = load_exercise(&exercise(root.path(), mutate));
    assert!(loaded.value.is_none(), "a broken exercise must not load");
    let text: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    text.join("\n").replace(&root.path().display().to_string(), "<tmp>")
}

fn replace_in_manifest(from: &'static str, to: &'static str) -> impl FnOnce(&Path) {
    move |dir| {
        let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        assert!(text.contains(from), "test setup: {from:?} not in the manifest");
        fs::write(dir.join("exercise.toml"), text.replacen(from, to, 1)).unwrap();
    }
}

#[test]
fn a_valid_exercise_loads_with_every_field() {
    let root = tempfile::tempdir().unwrap();
    let loaded = load_exercise(&exercise(root.path(), |_| {}));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let exercise = loaded.value.unwrap();
    assert_eq!(exercise.manifest.id, "greet");
    assert_eq!(exercise.manifest.checks[0].kind, CheckKind::Output);
    assert_eq!(exercise.manifest.checks[0].stdin.as_deref(), Some("Ada\n"));
    assert_eq!(exercise.manifest.checks[1].must_not_use, vec![Construct::While]);
    assert_eq!(exercise.wrong.len(), 1);
    assert_eq!(exercise.wrong[0].fails, "uses-input");
    assert_eq!(exercise.prompt, "# Greet\n");
}

#[test]
fn toml_syntax_error() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest("title = \"Greet\"", "title = \"Greet")));
}

#[test]
fn wrong_type() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest(
        "difficulty = \"easy\"",
        "difficulty = 3"
    )));
}

#[test]
fn unknown_difficulty() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest(
        "difficulty = \"easy\"",
        "difficulty = \"trivial\""
    )));
}

#[test]
fn missing_field_in_a_check() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest("title = \"Reads input\"\n", "")));
}

#[test]
fn unknown_field_is_a_typo() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest("expected = ", "expect = ")));
}

#[test]
fn unknown_check_kind() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest("kind = \"static\"", "kind = \"lint\"")));
}

#[test]
fn unknown_construct() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest("[\"while\"]", "[\"goto\"]")));
}

#[test]
fn field_that_does_not_apply_to_the_kind_and_missing_required_field() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest(
        "must_call = [\"input\"]",
        "expected = \"x\""
    )));
}

#[test]
fn duplicate_check_id_and_bad_hint_number() {
    insta::assert_snapshot!(diagnostics(replace_in_manifest(
        "id = \"uses-input\"",
        "id = \"says-hello\"\nhint = 3"
    )));
}

#[test]
fn too_few_hints_and_id_not_matching_folder() {
    insta::assert_snapshot!(diagnostics(|dir| {
        replace_in_manifest("id = \"greet\"", "id = \"hello\"")(dir);
        replace_in_manifest("hints = [\"Use print.\", ", "hints = [")(dir);
    }));
}

#[test]
fn wrong_solution_naming_a_check_that_does_not_exist() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::write(
            dir.join("wrong/typo.py"),
            "# A plausible mistake.\n# fails: uses-inptu\nprint('hi')\n",
        )
        .unwrap();
    }));
}

#[test]
fn wrong_solution_without_a_fails_line() {
    insta::assert_snapshot!(diagnostics(
        |dir| fs::write(dir.join("wrong/bare.py"), "print('hi')\n").unwrap()
    ));
}

#[test]
fn missing_files() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::remove_file(dir.join("prompt.md")).unwrap();
        fs::remove_file(dir.join("solution.py")).unwrap();
    }));
}

#[test]
fn non_utf8_file() {
    insta::assert_snapshot!(diagnostics(|dir| fs::write(
        dir.join("starter.py"),
        b"x = 1\ny = '\xff'\n"
    )
    .unwrap()));
}

#[test]
fn non_utf8_exercise_toml_names_the_field() {
    insta::assert_snapshot!(diagnostics(|dir| {
        // A Latin-1 "é" (the single byte 0xE9) inside a check's title.
        let text = MANIFEST.replacen("Reads input", "Reads @ input", 1);
        let bytes: Vec<u8> = text.bytes().map(|b| if b == b'@' { 0xE9 } else { b }).collect();
        fs::write(dir.join("exercise.toml"), bytes).unwrap();
    }));
}

#[test]
fn non_utf8_prompt_solution_and_wrong_solution() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::write(dir.join("prompt.md"), b"# Greet\n\nSay caf\xE9.\n").unwrap();
        fs::write(
            dir.join("solution.py"),
            b"name = input()\nprint(f'Hello, {name}!') # \xC3\n",
        )
        .unwrap();
        fs::write(dir.join("wrong/no-input.py"), b"# fails: uses-input\nprint('\x80')\n").unwrap();
    }));
}

#[test]
fn utf16_file() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("id = \"greet\"\n".encode_utf16().flat_map(u16::to_le_bytes));
    insta::assert_snapshot!(diagnostics(|dir| fs::write(dir.join("exercise.toml"), utf16).unwrap()));
}

#[test]
fn oversized_solution_and_exercise_toml() {
    // 10 MB each: reported from the file's size, without reading it.
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::write(dir.join("solution.py"), "#".repeat(10 * 1024 * 1024)).unwrap();
        let padding = format!("\n# {}\n", "x".repeat(10 * 1024 * 1024));
        fs::write(dir.join("exercise.toml"), MANIFEST.to_owned() + &padding).unwrap();
    }));
}

#[test]
fn a_file_of_exactly_the_limit_loads_and_one_byte_more_does_not() {
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap();
    let root = tempfile::tempdir().unwrap();
    let dir = exercise(root.path(), |dir| {
        fs::write(dir.join("prompt.md"), "x".repeat(limit)).unwrap();
    });
    let loaded = load_exercise(&dir);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.value.unwrap().prompt.len(), limit);
    fs::write(dir.join("prompt.md"), "x".repeat(limit + 1)).unwrap();
    let loaded = load_exercise(&dir);
    assert!(loaded.value.is_none());
    assert_eq!(
        loaded.diagnostics[0].message,
        "file is 1048577 bytes, over the 1 MiB (1048576 bytes) limit for pack files"
    );
}

/// A file that claims to be empty but never ends is not read to the end.
#[cfg(unix)]
#[test]
fn a_device_is_not_a_pack_file() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::remove_file(dir.join("solution.py")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.join("solution.py")).unwrap();
    }));
}

#[test]
fn empty_exercise_toml() {
    insta::assert_snapshot!(diagnostics(|dir| fs::write(dir.join("exercise.toml"), "").unwrap()));
}

#[test]
fn empty_prompt_solution_wrong_solution_and_check_file() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::write(dir.join("prompt.md"), "").unwrap();
        fs::write(dir.join("solution.py"), "\n  \n").unwrap();
        fs::write(dir.join("wrong/empty.py"), "").unwrap();
        fs::write(dir.join("tests.py"), "").unwrap();
        let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        let check =
            "\n[[checks]]\nid = \"tests\"\nkind = \"assert\"\ntitle = \"T\"\nmessage = \"m\"\nfile = \"tests.py\"\n";
        fs::write(dir.join("exercise.toml"), text + check).unwrap();
    }));
}

#[test]
fn an_empty_starter_is_a_fair_start() {
    let root = tempfile::tempdir().unwrap();
    let dir = exercise(root.path(), |dir| fs::write(dir.join("starter.py"), "").unwrap());
    let loaded = load_exercise(&dir);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.value.unwrap().starter, "");
}

#[test]
fn wrong_types() {
    // Deserialising stops at the first wrong type, so each case is its own manifest.
    let cases = [
        (
            "hints = [\"Use print.\", \"print(f'Hello, {name}!')\"]",
            "hints = \"Use print.\"",
        ),
        ("hints = [\"Use print.\", ", "hints = [1, "),
        (
            "difficulty = \"easy\"",
            "difficulty = \"easy\"\ntime_limit_ms = \"5000\"",
        ),
        ("difficulty = \"easy\"", "difficulty = \"easy\"\ntime_limit_ms = -1"),
        ("difficulty = \"easy\"", "difficulty = \"easy\"\ntime_limit_ms = 1.5"),
        ("id = \"greet\"", "id = 7"),
        ("must_call = [\"input\"]", "must_call = \"input\""),
        ("stdin = \"Ada\\n\"", "stdin = 1979-05-27"),
        (
            "message = \"Print a greeting.\"",
            "message = \"Print a greeting.\"\nhidden = \"yes\"",
        ),
        (
            "message = \"Print a greeting.\"",
            "message = \"Print a greeting.\"\nhint = -1",
        ),
        (
            "message = \"Print a greeting.\"",
            "message = { text = \"Print a greeting.\" }",
        ),
        ("[[checks]]\nid = \"says-hello\"", "[checks]\nid = \"says-hello\""),
    ];
    let mut report = String::new();
    for (from, to) in cases {
        report += &format!("--- {to}\n{}\n", diagnostics(replace_in_manifest(from, to)));
    }
    insta::assert_snapshot!(report);
}

#[test]
fn missing_exercise_toml_and_starter() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::remove_file(dir.join("exercise.toml")).unwrap();
        fs::remove_file(dir.join("starter.py")).unwrap();
    }));
}

#[test]
fn folders_where_files_should_be() {
    insta::assert_snapshot!(diagnostics(|dir| {
        for name in ["exercise.toml", "solution.py"] {
            fs::remove_file(dir.join(name)).unwrap();
            fs::create_dir(dir.join(name)).unwrap();
        }
        fs::create_dir(dir.join("wrong/folder.py")).unwrap();
    }));
}

#[test]
fn a_check_file_that_is_a_folder() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::create_dir(dir.join("tests")).unwrap();
        let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        let check =
            "\n[[checks]]\nid = \"tests\"\nkind = \"assert\"\ntitle = \"T\"\nmessage = \"m\"\nfile = \"tests\"\n";
        fs::write(dir.join("exercise.toml"), text + check).unwrap();
    }));
}

#[test]
fn wrong_is_a_file_not_a_folder() {
    insta::assert_snapshot!(diagnostics(|dir| {
        fs::remove_dir_all(dir.join("wrong")).unwrap();
        fs::write(dir.join("wrong"), "# fails: uses-input\n").unwrap();
    }));
}

#[test]
fn every_diagnostic_is_an_error_with_a_line_when_it_is_in_toml() {
    let root = tempfile::tempdir().unwrap();
    let dir = exercise(
        root.path(),
        replace_in_manifest("difficulty = \"easy\"", "difficulty = 3"),
    );
    let loaded = load_exercise(&dir);
    let diagnostic = &loaded.diagnostics[0];
    assert_eq!(diagnostic.severity, Severity::Error);
    assert_eq!(diagnostic.span.line, Some(4));
    assert_eq!(diagnostic.span.column, Some(14));
    assert_eq!(diagnostic.field.as_deref(), Some("difficulty"));
}

fn pack(root: &Path, pack_toml: &str) -> std::path::PathBuf {
    let dir = root.join("basics");
    fs::create_dir_all(&dir).unwrap();
    exercise(&dir, |_| {});
    fs::write(dir.join("pack.toml"), pack_toml).unwrap();
    dir
}

#[test]
fn a_valid_pack_loads_in_order() {
    let root = tempfile::tempdir().unwrap();
    let loaded = load_pack(&pack(root.path(), "title = \"Basics\"\norder = [\"greet\"]\n"));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let pack = loaded.value.unwrap();
    assert_eq!(pack.id, "basics");
    assert_eq!(pack.exercises.len(), 1);
}

#[test]
fn pack_order_problems() {
    let root = tempfile::tempdir().unwrap();
    let dir = pack(
        root.path(),
        "title = \"Basics\"\norder = [\"farewell\", \"farewell\"]\n",
    );
    let loaded = load_pack(&dir);
    assert!(loaded.value.is_none());
    let text: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    insta::assert_snapshot!(text.join("\n").replace(&root.path().display().to_string(), "<tmp>"));
}

/// The diagnostics for the pack `basics` (holding the exercise `greet`) with `pack_toml`.
fn pack_diagnostics(pack_toml: &[u8], mutate: impl FnOnce(&Path)) -> String {
    let root = tempfile::tempdir().unwrap();
    let dir = pack(root.path(), "");
    fs::write(dir.join("pack.toml"), pack_toml).unwrap();
    mutate(&dir);
    let loaded = load_pack(&dir);
    assert!(loaded.value.is_none(), "a broken pack must not load");
    let text: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    text.join("\n").replace(&root.path().display().to_string(), "<tmp>")
}

#[test]
fn pack_listing_exercises_that_do_not_exist_or_are_not_folder_names() {
    insta::assert_snapshot!(pack_diagnostics(
        b"title = \"Basics\"\norder = [\"greet\", \"farewell\", \"empty\", \"../greet\", \"/etc\", \"\"]\n",
        |dir| fs::create_dir(dir.join("empty")).unwrap(),
    ));
}

#[test]
fn empty_non_utf8_and_mistyped_pack_toml() {
    let mut report = String::new();
    let cases: [&[u8]; 4] = [
        b"",
        b"title = \"Caf\xE9\"\norder = [\"greet\"]\n",
        b"title = \"Basics\"\norder = \"greet\"\n",
        b"title = \"Basics\"\norder = [\"greet\"]\nauthor = \"me\"\n",
    ];
    for pack_toml in cases {
        report += &format!(
            "--- {}\n{}\n",
            String::from_utf8_lossy(pack_toml).trim_end(),
            pack_diagnostics(pack_toml, |_| {})
        );
    }
    insta::assert_snapshot!(report);
}

#[test]
fn a_check_can_keep_its_code_in_a_file() {
    let root = tempfile::tempdir().unwrap();
    let dir = exercise(root.path(), |dir| {
        fs::write(dir.join("test_greet.py"), "def test_hello():\n    assert True\n").unwrap();
        let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        let unittest = "\n[[checks]]\nid = \"tests\"\nkind = \"unittest\"\ntitle = \"Tests\"\nmessage = \"m\"\nfile = \"test_greet.py\"\n";
        fs::write(dir.join("exercise.toml"), text + unittest).unwrap();
    });
    let loaded = load_exercise(&dir);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let check = &loaded.value.unwrap().manifest.checks[2];
    assert_eq!(check.kind, CheckKind::Unittest);
    assert_eq!(check.code.as_deref(), Some("def test_hello():\n    assert True\n"));
    assert_eq!(check.file, None, "the file is read into `code`");
}

#[test]
fn check_file_problems() {
    insta::assert_snapshot!(diagnostics(|dir| {
        let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        let checks = "\n[[checks]]\nid = \"a\"\nkind = \"assert\"\ntitle = \"A\"\nmessage = \"m\"\nfile = \"missing.py\"\n\n[[checks]]\nid = \"b\"\nkind = \"assert\"\ntitle = \"B\"\nmessage = \"m\"\nfile = \"../outside.py\"\n\n[[checks]]\nid = \"c\"\nkind = \"assert\"\ntitle = \"C\"\nmessage = \"m\"\nfile = \"x.py\"\ncode = \"pass\"\n";
        fs::write(dir.join("exercise.toml"), text + checks).unwrap();
    }));
}

/// A unittest check for the helper-module tests, importing the learner's code as `greeter`.
const UNITTEST_CHECK: &str = "\n[[checks]]\nid = \"tests\"\nkind = \"unittest\"\ntitle = \"Tests\"\nmessage = \"m\"\nmodule = \"greeter\"\ncode = \"def test_x():\\n    pass\\n\"\n";

#[test]
fn helper_modules_load_into_module_code_with_their_text() {
    let root = tempfile::tempdir().unwrap();
    let dir = exercise(root.path(), |dir| {
        replace_in_manifest("hints = [", "modules = [\"names_data.py\"]\nhints = [")(dir);
        let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
        fs::write(dir.join("exercise.toml"), text + UNITTEST_CHECK).unwrap();
        fs::write(dir.join("names_data.py"), "NAMES = ['Ada']\n").unwrap();
    });
    let loaded = load_exercise(&dir);
    assert!(
        loaded.diagnostics.iter().all(|d| d.severity != Severity::Error),
        "{:?}",
        loaded.diagnostics
    );
    let manifest = loaded.value.unwrap().manifest;
    assert!(manifest.modules.is_empty(), "the files are read into module_code");
    assert_eq!(manifest.module_code.len(), 1);
    assert_eq!(manifest.module_code[0].name, "names_data");
    assert_eq!(manifest.module_code[0].code, "NAMES = ['Ada']\n");
    assert_eq!(manifest.checks[2].module.as_deref(), Some("greeter"));
}

#[test]
fn helper_module_problems_name_file_line_and_field() {
    let found = diagnostics(|dir| {
        replace_in_manifest(
            "hints = [",
            "modules = [\"absent.py\", \"solution.py\", \"data.txt\", \"sub/x.py\", \"json.py\", \"2nd.py\", \"ok_data.py\", \"ok_data.py\"]\nhints = [",
        )(dir);
        fs::write(dir.join("solution.py"), "print('hi')\n").unwrap();
        fs::write(dir.join("json.py"), "X = 1\n").unwrap();
        fs::write(dir.join("2nd.py"), "X = 1\n").unwrap();
        fs::write(dir.join("ok_data.py"), "X = 1\n").unwrap();
    });
    let lines: Vec<&str> = found.lines().filter(|l| l.contains("error")).collect();
    let expect = [
        "<tmp>/greet/exercise.toml:5:25: error: modules[1]: `solution` is the learner's own module; a helper module needs another name",
        "<tmp>/greet/exercise.toml:5:40: error: modules[2]: `data.txt` is not a Python file: helper modules end in .py",
        "<tmp>/greet/exercise.toml:5:52: error: modules[3]: `sub/x.py` must be a file beside exercise.toml, not in a folder",
        "<tmp>/greet/exercise.toml:5:64: error: modules[4]: `json` is the name of a module of Python's standard library or of pykata, which the tests may need",
        "<tmp>/greet/exercise.toml:5:75: error: modules[5]: `2nd` is not a Python module name: letters, digits and underscores, not starting with a digit",
        "<tmp>/greet/exercise.toml:5:99: error: modules[7]: helper module `ok_data` is given twice (also by modules[6])",
        "<tmp>/greet/absent.py: error: modules[0]: file is missing",
    ];
    for line in expect {
        assert!(lines.contains(&line), "missing {line:?} in\n{found}");
    }
    assert_eq!(lines.len(), expect.len(), "each problem once:\n{found}");
}

#[test]
fn a_unittest_checks_module_must_be_a_free_module_name_and_only_for_unittest() {
    let check = |module: &'static str, kind: &'static str| {
        diagnostics(move |dir| {
            replace_in_manifest("hints = [", "modules = [\"names_data.py\"]\nhints = [")(dir);
            fs::write(dir.join("names_data.py"), "X = 1\n").unwrap();
            let text = fs::read_to_string(dir.join("exercise.toml")).unwrap();
            let extra = UNITTEST_CHECK
                .replace("\"greeter\"", &format!("\"{module}\""))
                .replace("\"unittest\"", &format!("\"{kind}\""));
            fs::write(dir.join("exercise.toml"), text + &extra).unwrap();
        })
    };
    let found = check("names_data", "unittest");
    assert!(
        found.contains("exercise.toml:29:10: error: checks[2].module: `names_data` is also the name of one of the exercise's helper modules"),
        "{found}"
    );
    let found = check("unittest", "unittest");
    assert!(
        found.contains("error: checks[2].module: `unittest` is the name of a module of Python's standard library"),
        "{found}"
    );
    let found = check("two-fer", "unittest");
    assert!(
        found.contains("error: checks[2].module: `two-fer` is not a Python module name"),
        "{found}"
    );
    let found = check("greeter", "assert");
    assert!(
        found.contains("error: checks[2].module: `module` does not apply to assert checks"),
        "{found}"
    );
}
