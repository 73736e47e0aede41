//! Grading results, in the shape of Exercism's test-runner v3 `results.json`.

use crate::message::{Message, MessageKey};
use pykata_pack::CheckKind;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The outcome of a whole submission or of one check.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Error,
}

impl Status {
    /// Pass < fail < error.
    fn severity(self) -> u8 {
        match self {
            Status::Pass => 0,
            Status::Fail => 1,
            Status::Error => 2,
        }
    }
}

/// A limit the learner's code ran into.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// The code ran past its time limit.
    Time,
    /// The code asked for more memory than the engine allows.
    Memory,
    /// The code recursed deeper than the engine allows.
    Recursion,
}

/// The report for one submission: Exercism v3 fields plus pykata's own.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always 3 (Exercism's test-runner interface version).
    #[cfg_attr(feature = "schema", schemars(extend("const" = 3)))]
    pub version: u8,
    pub status: Status,
    /// Why the submission could not be graded at all (status `error`), e.g. a syntax error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What `message` says, for hosts that word it themselves (see `message.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_key: Option<MessageKey>,
    /// The arguments of `message_key`'s template.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub message_args: Map<String, Value>,
    /// The learner line the top-level error points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The budget the whole submission ran out of, when it was stopped as a whole (natively:
    /// the CLI's hard deadline, or an interpreter that crashed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    pub tests: Vec<TestResult>,
}

impl Report {
    /// A report for code that could not be graded at all.
    pub fn error(message: Message, line: Option<u32>) -> Self {
        Report {
            version: 3,
            status: Status::Error,
            message: Some(message.english()),
            message_key: Some(message.key),
            message_args: message.args,
            line,
            budget: None,
            tests: Vec::new(),
        }
    }

    /// A report for a submission stopped as a whole because it ran out of `budget`.
    pub fn over_budget(budget: Budget, message: Message) -> Self {
        Report {
            budget: Some(budget),
            ..Report::error(message, None)
        }
    }

    /// A report summarising per-check results: pass only if every check passed.
    pub fn from_tests(tests: Vec<TestResult>) -> Self {
        let status = if tests.iter().all(|t| t.status == Status::Pass) {
            Status::Pass
        } else {
            Status::Fail
        };
        Report {
            version: 3,
            status,
            message: None,
            message_key: None,
            message_args: Map::new(),
            line: None,
            budget: None,
            tests,
        }
    }

    /// The result of the check `check_id`, if it ran; for a check reported as several tests
    /// (unittest), the worst of them.
    pub fn test(&self, check_id: &str) -> Option<&TestResult> {
        self.tests
            .iter()
            .filter(|t| t.check_id == check_id)
            .max_by_key(|t| t.status.severity())
    }
}

/// The result of one check.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestResult {
    /// The check's title.
    pub name: String,
    pub status: Status,
    /// What went wrong, for the learner, in English; absent on pass.
    pub message: Option<String>,
    /// What `message` says, for hosts that word it themselves (see `message.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_key: Option<MessageKey>,
    /// The arguments of `message_key`'s template.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub message_args: Map<String, Value>,
    /// What the learner's code printed during the check (never shown for hidden checks).
    pub output: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<u32>,
    /// The check's id in `exercise.toml`.
    pub check_id: String,
    pub kind: CheckKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Wall time of the check, in milliseconds (written to the microsecond; 0 when not finite).
    #[serde(serialize_with = "finite")]
    pub duration_ms: f64,
    /// The 1-based hint to offer after this check fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<usize>,
    /// The learner line to highlight, when the failure points at one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The budget the code ran out of, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
}

impl TestResult {
    /// Say `message`: its English text, key and arguments.
    pub fn said(&mut self, message: Message) {
        self.message = Some(message.english());
        self.message_key = Some(message.key);
        self.message_args = message.args;
    }
}

/// A duration as JSON can carry it, reading back as exactly the same `f64`. JSON has no NaN
/// or infinity (serde_json writes `null`, which does not read back as an `f64`), so a
/// non-finite time is written as 0. A finite one is kept within ±10¹² ms (31 years) and
/// rounded to the microsecond: all a clock tells, and unlike 17 significant digits, what
/// serde_json reads back exactly.
fn finite<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    let ms = if value.is_finite() {
        (value.clamp(-1e12, 1e12) * 1000.0).round() / 1000.0
    } else {
        0.0
    };
    serializer.serialize_f64(ms)
}

/// What a plain Run of the learner's program produced.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    /// True when output was cut at the output limit.
    pub truncated: bool,
    /// The learner-facing traceback if the program raised; after a budget ran out, what that
    /// says, in English, followed by the traceback.
    pub error: Option<String>,
    /// The name of the exception's type when the program raised or exited with an error
    /// (`EOFError` when `input()` found no input left), so hosts need not read `error`.
    #[serde(default)]
    pub exception: Option<String>,
    /// When a budget ran out: what `error` says, for hosts that word it themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_key: Option<MessageKey>,
    /// The arguments of `message_key`'s template.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub message_args: Map<String, Value>,
    pub line: Option<u32>,
    pub budget: Option<Budget>,
}

impl RunOutput {
    /// Say `message` as the error: its English text, key and arguments.
    pub(crate) fn said(&mut self, message: Message) {
        self.error = Some(message.english());
        self.message_key = Some(message.key);
        self.message_args = message.args;
    }
}
