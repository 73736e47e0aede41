//! Grading: one fresh interpreter per submission, one runner call per check.

use crate::host::Host;
use crate::report::{Budget, Report, RunOutput, Status, TestResult};
use crate::session::Session;
use pykata_pack::{Check, CheckKind, Manifest, MatchMode};
use serde::{Deserialize, Serialize};

/// A failure of the engine itself (never of the learner's code, which always yields a report).
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("the Python interpreter failed to start:\n{0}")]
    Startup(String),
    #[error("pykata's runner failed:\n{0}")]
    Runner(String),
    #[error("pykata's runner gave a malformed answer: {0}")]
    Answer(#[from] serde_json::Error),
}

/// Grades submissions and runs programs on a [`Host`].
#[derive(Debug, Default)]
pub struct Engine<H: Host> {
    host: H,
}

/// What the runner is asked to do for one check.
#[derive(Serialize)]
struct CheckRequest<'a> {
    source: &'a str,
    #[serde(flatten)]
    check: &'a Check,
}

/// What the runner answers for one check.
#[derive(Deserialize)]
struct CheckAnswer {
    status: Status,
    detail: Option<String>,
    output: String,
    line: Option<u32>,
    budget: Option<Budget>,
    /// For unittest checks: one answer per test.
    #[serde(default)]
    cases: Vec<CaseAnswer>,
}

/// One test of a unittest check.
#[derive(Deserialize)]
struct CaseAnswer {
    name: String,
    #[serde(flatten)]
    answer: CheckAnswer,
}

impl CheckAnswer {
    /// The answer for a check that never started because the submission's time ran out.
    fn out_of_time() -> Self {
        CheckAnswer {
            status: Status::Error,
            detail: None,
            output: String::new(),
            line: None,
            budget: Some(Budget::Time),
            cases: Vec::new(),
        }
    }
}

/// How many checks' worth of time a whole submission may use.
const GRADE_BUDGET_CHECKS: u64 = 2;

#[derive(Deserialize)]
struct SyntaxProblem {
    message: String,
    line: Option<u32>,
}

#[derive(Serialize)]
struct RunRequest<'a> {
    source: &'a str,
    stdin: &'a str,
}

impl<H: Host> Engine<H> {
    pub fn new(host: H) -> Self {
        Engine { host }
    }

    /// Grade `source` against every check of `manifest`, in a fresh interpreter.
    pub fn grade(&self, manifest: &Manifest, source: &str) -> Result<Report, EngineError> {
        let session = Session::start()?;
        let problem: Option<SyntaxProblem> = serde_json::from_str(&session.call("syntax_error", source, None)?)?;
        if let Some(problem) = problem {
            return Ok(Report::error(
                format!("Your code has a syntax error:\n{}", problem.message),
                problem.line,
            ));
        }
        let limit_ms = manifest.time_limit_ms();
        // All checks together get twice one check's budget, so code that loops in every
        // check costs seconds, not minutes.
        let mut left_ms = limit_ms.saturating_mul(GRADE_BUDGET_CHECKS);
        let mut tests = Vec::with_capacity(manifest.checks.len());
        for check in &manifest.checks {
            let budget_ms = limit_ms.min(left_ms);
            let started = self.host.now_ms();
            let answer = if budget_ms == 0 {
                CheckAnswer::out_of_time()
            } else {
                let request = serde_json::to_string(&CheckRequest { source, check })?;
                serde_json::from_str(&session.call("run_check", &request, Some(budget_ms))?)?
            };
            let duration_ms = self.host.now_ms() - started;
            left_ms = left_ms.saturating_sub(duration_ms.ceil() as u64);
            if answer.cases.is_empty() {
                tests.push(test_result(check, answer, duration_ms, budget_ms));
            } else {
                let share = duration_ms / answer.cases.len() as f64;
                for case in answer.cases {
                    let mut test = test_result(check, case.answer, share, budget_ms);
                    test.name = format!("{}: {}", check.title, case.name);
                    tests.push(test);
                }
            }
        }
        Ok(Report::from_tests(tests))
    }

    /// Run `source` as a program with `stdin`, in a fresh interpreter, for at most `limit_ms`.
    pub fn run(&self, source: &str, stdin: &str, limit_ms: u64) -> Result<RunOutput, EngineError> {
        let session = Session::start()?;
        let request = serde_json::to_string(&RunRequest { source, stdin })?;
        Ok(serde_json::from_str(&session.call(
            "run_program",
            &request,
            Some(limit_ms),
        )?)?)
    }
}

/// The learner-facing explanation for checks skipped after earlier ones used up the time.
const SKIPPED_FOR_TIME: &str = "Not run: earlier checks used up the time for this submission.";

/// The learner-facing explanation when code hit its time budget.
fn time_budget_message(limit_ms: u64) -> String {
    format!(
        "Your code ran for more than {} s and was stopped. Is there a loop that never ends?",
        limit_ms as f64 / 1000.0
    )
}

fn test_result(check: &Check, answer: CheckAnswer, duration_ms: f64, limit_ms: u64) -> TestResult {
    let message = match (answer.status, answer.budget) {
        (Status::Pass, _) => None,
        (_, Some(Budget::Time)) if limit_ms == 0 => Some(SKIPPED_FOR_TIME.to_owned()),
        (_, Some(Budget::Time)) => Some(time_budget_message(limit_ms)),
        (Status::Fail, _) => Some(failure_message(check, &answer)),
        (Status::Error, _) => Some(error_message(check, &answer)),
    };
    let output = (!check.hidden && !answer.output.is_empty()).then_some(answer.output);
    TestResult {
        name: check.title.clone(),
        status: answer.status,
        message,
        output,
        task_id: None,
        check_id: check.id.clone(),
        kind: check.kind,
        hidden: check.hidden,
        duration_ms,
        hint: check.hint,
        line: if check.hidden { None } else { answer.line },
        budget: answer.budget,
    }
}

fn failure_message(check: &Check, answer: &CheckAnswer) -> String {
    if check.hidden {
        return check.message.clone();
    }
    let detail = match (&answer.detail, check.kind) {
        (Some(detail), _) => Some(detail.clone()),
        (None, CheckKind::Output) => {
            let expected = check.expected.as_deref().unwrap_or_default();
            let shown = if answer.output.is_empty() {
                "(nothing)"
            } else {
                answer.output.as_str()
            };
            Some(match check.match_mode.unwrap_or_default() {
                MatchMode::Regex => format!("Expected output matching:\n{expected}\nYour output:\n{shown}"),
                _ => format!("Expected output:\n{expected}\nYour output:\n{shown}"),
            })
        }
        (None, _) => None,
    };
    match detail {
        Some(detail) => format!("{}\n\n{}", check.message, detail.trim_end()),
        None => check.message.clone(),
    }
}

fn error_message(check: &Check, answer: &CheckAnswer) -> String {
    let detail = answer.detail.as_deref().unwrap_or("Your code raised an exception.");
    if !check.hidden {
        return detail.to_owned();
    }
    let exception = detail
        .lines()
        .last()
        .and_then(|l| l.split(':').next())
        .unwrap_or("an exception");
    format!(
        "{}\n\nYour code raised {exception} during this hidden check.",
        check.message
    )
}
