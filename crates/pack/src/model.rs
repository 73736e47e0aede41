//! Typed exercise and pack data, as read from TOML and as shipped in bundles (JSON).

use crate::diagnostic::Span;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// `exercise.toml`: what an exercise is and how it is graded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Stable identifier; equals the exercise's folder name.
    pub id: String,
    pub title: String,
    /// The topic, e.g. `decorators`, `generators`, `context-managers`.
    pub topic: String,
    pub difficulty: Difficulty,
    /// Graduated hints, gentlest first.
    pub hints: Vec<String>,
    /// Time budget for each check, in milliseconds (default 5000); a submission gets twice this in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_ms: Option<u64>,
    /// Python run into the scope of every check that runs code (assert, behaviour, unittest,
    /// output with `code`), before the check's own code: helpers and fakes the checks share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup: Option<String>,
    /// A Python file beside `exercise.toml` holding the setup instead of `setup`. Loading reads
    /// it into `setup`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_file: Option<String>,
    /// Python files beside `exercise.toml` (e.g. `["recipes_data.py"]`) that the solution and
    /// every check can import by their module name (`import recipes_data`): data or helpers the
    /// learner reads but does not write. Loading reads each into `module_code`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    /// Helper modules written inline (and `modules` once loaded): each is importable by its
    /// `name` from the solution and every check, run afresh from `code` for every check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub module_code: Vec<ModuleCode>,
    pub checks: Vec<Check>,
}

/// A helper module: its name (what `import` says) and its Python source.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleCode {
    /// The module's name: a Python identifier, e.g. `recipes_data`.
    pub name: String,
    /// Its Python source.
    pub code: String,
}

impl Manifest {
    /// The time budget of a check when the exercise sets none.
    pub const DEFAULT_TIME_LIMIT_MS: u64 = 5_000;

    /// This exercise's time budget for one check, in milliseconds.
    pub fn time_limit_ms(&self) -> u64 {
        self.time_limit_ms.unwrap_or(Self::DEFAULT_TIME_LIMIT_MS)
    }
}

/// How hard an exercise is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

/// One check: a named, learner-facing test of the submission.
///
/// The fields after `hint` apply to some kinds only; [`crate::load_exercise`] rejects a field
/// given to a kind that does not use it, and a missing one that the kind needs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    pub title: String,
    /// Shown to the learner when the check fails.
    pub message: String,
    /// A hidden check runs, but only its title and status are shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// The 1-based hint to point a learner at when this check fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<usize>,
    /// Python run after the learner's code (assert, behaviour, unittest; optional for output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A Python file beside `exercise.toml` holding the check's code instead of `code`
    /// (assert, behaviour, unittest). Loading reads it into `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The module name the test file imports the learner's code by (unittest checks; default
    /// `solution`): with `module = "two_fer"`, `import two_fer` and `from two_fer import …`
    /// work as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// Standard input for the run (output checks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stdin: Option<String>,
    /// Expected standard output (output checks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// How `expected` is compared (output checks).
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_mode: Option<MatchMode>,
    /// SHA-256 (hex) of the expected output — normalised first with `match = "normalised"` —
    /// that `pykata build` ships instead of `expected` for hidden output checks. Never written
    /// by hand (the authoring schemas leave it out: see `json_schemas` in `lib.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_sha256: Option<String>,
    /// Constructs the source must use (static checks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_use: Vec<Construct>,
    /// Constructs the source must not use (static checks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not_use: Vec<Construct>,
    /// Names (plain or dotted) the source must call (static checks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_call: Vec<String>,
    /// Names (plain or dotted) the source must not call (static checks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not_call: Vec<String>,
}

/// What a check does.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    /// Run the program and compare its standard output.
    Output,
    /// Run Python assertions against the learner's definitions.
    Assert,
    /// Like assert, with pykata's behaviour helpers (spies, counting iterables, `run_with`...).
    Behaviour,
    /// AST rules on the learner's source; nothing runs.
    Static,
    /// A unittest module (`unittest.TestCase` classes or plain `test_*` functions) run against
    /// the learner's code, imported as `solution` (or the check's `module`); each test is
    /// reported on its own.
    Unittest,
}

impl CheckKind {
    /// The name used in `exercise.toml`.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Output => "output",
            CheckKind::Assert => "assert",
            CheckKind::Behaviour => "behaviour",
            CheckKind::Static => "static",
            CheckKind::Unittest => "unittest",
        }
    }
}

/// How an output check compares standard output with `expected`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// Byte for byte.
    #[default]
    Exact,
    /// Ignoring runs of spaces, trailing spaces and leading/trailing blank lines.
    Normalised,
    /// `expected` is a Python regular expression searched for in the output (multiline).
    Regex,
}

/// A Python construct a static check can require or forbid.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Construct {
    Yield,
    YieldFrom,
    With,
    Try,
    Raise,
    For,
    While,
    Lambda,
    Class,
    Return,
    Decorator,
    Comprehension,
    GeneratorExpression,
    Global,
    Nonlocal,
    Import,
}

/// A known-wrong solution (`wrong/*.py`, or a `[[wrong]]` table) and the check that must catch it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongSolution {
    /// Where it is written: its file, or its `code` in an exercise's text.
    pub span: Span,
    pub source: String,
    /// The id of the check this solution must fail.
    pub fails: String,
}

/// A loaded exercise: its manifest and the text files beside it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub manifest: Manifest,
    /// `prompt.md`, as Markdown.
    pub prompt: String,
    /// The prompt rendered to HTML (filled in by `pykata build`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_html: Option<String>,
    pub starter: String,
    pub solution: String,
    /// Known-wrong solutions; authoring material, never shipped in bundles.
    #[serde(skip)]
    pub wrong: Vec<WrongSolution>,
    /// The folder the exercise was loaded from, or the page it is written in.
    #[serde(skip)]
    pub dir: PathBuf,
    /// Where its parts are written, for diagnostics about them.
    #[serde(skip)]
    pub origin: Origin,
}

/// Where an exercise's parts are written: files of a folder, or fields of a text in a page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Origin {
    /// What reports call the exercise: its folder, or `page#id`.
    pub name: String,
    /// `exercise.toml`, or the exercise's text in its page.
    pub manifest: Span,
    pub starter: Span,
    pub solution: Span,
}

/// `pack.toml`: a pack's title and the order of its exercises.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackManifest {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Exercise folder names, easiest first.
    pub order: Vec<String>,
}

/// A loaded pack: its manifest and its exercises in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// The pack's folder name.
    pub id: String,
    pub manifest: PackManifest,
    pub exercises: Vec<Exercise>,
    pub dir: PathBuf,
}
