//! Grading: one runner call per check, in an interpreter that is fresh or was reset after the
//! previous submission.

use crate::host::{Event, Host};
use crate::memory::MEMORY_LIMIT_BYTES;
use crate::message::{Message, MessageKey};
use crate::report::{Budget, Report, RunOutput, Status, TestResult};
use crate::session::{Answer, RECURSION_LIMIT, Session};
use crate::stdlib::StandardLibrary;
use pykata_pack::{Check, CheckKind, Diagnostic, Exercise, Loaded, Manifest, MatchMode, ModuleCode};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;

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
pub struct Engine<H: Host> {
    /// Shared with the interpreter's output hook (see [`Session::start`]).
    host: Rc<H>,
    /// The standard library, shared by the interpreters this engine starts.
    library: Rc<StandardLibrary<H>>,
    /// The interpreter the last submission left fit for another (see [`Session::reset`]).
    idle: RefCell<Option<Session>>,
}

impl<H: Host + Default + 'static> Default for Engine<H> {
    fn default() -> Self {
        Engine::new(H::default())
    }
}

impl<H: Host + std::fmt::Debug> std::fmt::Debug for Engine<H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("host", &self.host)
            .field("has_idle_interpreter", &self.idle.borrow().is_some())
            .finish()
    }
}

/// The file name the learner's code is compiled under, so tracebacks name it: after the
/// exercise `exercise_id` (`log-calls` gives `log_calls.py`, as Exercism names a stub), never
/// "solution", which reads like the exercise's own solution.
pub fn learner_file(exercise_id: &str) -> String {
    format!("{}.py", exercise_id.replace('-', "_"))
}

/// The file name of a program run without an exercise ([`Engine::run`]).
pub const PROGRAM_FILE: &str = "main.py";

/// What the runner is asked to do for one check.
#[derive(Serialize)]
struct CheckRequest<'a> {
    source: &'a str,
    /// The file name the learner's code is compiled under ([`learner_file`]).
    learner_file: &'a str,
    /// The exercise's shared setup, run before the check's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    setup: Option<&'a str>,
    /// The exercise's helper modules, importable from the learner's code and the check's.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    module_code: &'a [ModuleCode],
    #[serde(flatten)]
    check: &'a Check,
}

/// What the runner answers for one check.
#[derive(Deserialize)]
struct CheckAnswer {
    status: Status,
    /// What went wrong, as facts (none on pass, nor for an output that differs).
    fact: Option<Fact>,
    output: String,
    line: Option<u32>,
    budget: Option<Budget>,
    /// For unittest checks: one answer per test.
    #[serde(default)]
    cases: Vec<CaseAnswer>,
}

/// What went wrong in a check, as the runner observed it.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Fact {
    /// Learner code raised `exception` (the type's name, if it has one) in `phase`;
    /// `traceback` shows only the learner's frames.
    Raised {
        phase: Phase,
        exception: Option<String>,
        traceback: String,
    },
    /// Learner code called `sys.exit` (or raised `SystemExit`) with a failure.
    Exited {
        phase: Phase,
        exception: Option<String>,
        traceback: String,
    },
    /// The check's own code failed (an assert, `fail`, `expect`) with `text`.
    Failed { text: String },
    /// One of pykata's check helpers found its expectation unmet: what it says is `key`'s
    /// message with `args`.
    Expectation {
        key: MessageKey,
        args: serde_json::Map<String, serde_json::Value>,
    },
    /// A static check's rule broke: `name` is the construct or the function, `line` where.
    Rule { rule: Rule, name: String, line: Option<u32> },
    /// A static check could not parse the learner's code.
    Syntax { traceback: String },
    /// A unittest check's module defines no tests.
    NoTests,
    /// The exercise's helper module `module` could not be loaded: `error` is its exception.
    HelperFailed { module: String, error: String },
}

/// Where learner code was when it raised or exited.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Phase {
    /// Loading the learner's code.
    Load,
    /// Running the check.
    Check,
    /// Loading a unittest check's tests.
    Tests,
}

/// The static rules a check can break.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Rule {
    MissingConstruct,
    ForbiddenConstruct,
    MissingCall,
    ForbiddenCall,
}

/// One test of a unittest check.
#[derive(Deserialize)]
struct CaseAnswer {
    name: String,
    /// How long the test itself ran, by the runner's clock (the host's on every host).
    #[serde(default)]
    duration_ms: Option<f64>,
    #[serde(flatten)]
    answer: CheckAnswer,
}

impl CheckAnswer {
    /// Read the runner's answer; a call that ran out of time is a time-budget error whatever
    /// the runner said (learner code may have caught the interruption).
    fn from_runner(answer: Answer) -> Result<Self, EngineError> {
        let Some(json) = answer.json else {
            return Ok(CheckAnswer::out_of_time());
        };
        let mut check: CheckAnswer = serde_json::from_str(&json)?;
        if answer.timed_out {
            check.status = Status::Error;
            check.budget = Some(Budget::Time);
            if let Some(last) = check.cases.last_mut() {
                last.answer.status = Status::Error;
                last.answer.budget = Some(Budget::Time);
            }
        }
        Ok(check)
    }

    /// An answer that only says the time ran out: the check never started, or was interrupted
    /// before the runner could answer.
    fn out_of_time() -> Self {
        CheckAnswer {
            status: Status::Error,
            fact: None,
            output: String::new(),
            line: None,
            budget: Some(Budget::Time),
            cases: Vec::new(),
        }
    }
}

/// Where to resume grading a submission after its check `hung` was stopped from outside (see
/// [`Engine::grade_resumed`]): what the host heard before it stopped the check.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resume {
    /// The results of the checks before `hung`, from their [`Event::CheckFinished`] events.
    pub tests: Vec<TestResult>,
    /// The index of the check that was stopped.
    pub hung: usize,
    /// The time the submission had left when `hung` started, from its [`Event::CheckStarted`].
    pub left_ms: u64,
}

/// How many checks' worth of time a whole submission may use.
const GRADE_BUDGET_CHECKS: u64 = 2;

/// The time all checks of one submission of `manifest` may use together, in milliseconds.
pub fn submission_budget_ms(manifest: &Manifest) -> u64 {
    manifest.time_limit_ms().saturating_mul(GRADE_BUDGET_CHECKS)
}

/// How long a host lets each kind of call on an exercise run before it stops it from outside
/// (a browser terminates the worker): the one rule every host follows.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Budgets {
    /// A Check: every check of one submission together ([`submission_budget_ms`]).
    pub check_ms: u64,
    /// A Run of the learner's program: one check's time limit.
    pub run_ms: u64,
}

impl Budgets {
    pub fn of(manifest: &Manifest) -> Self {
        Budgets {
            check_ms: submission_budget_ms(manifest),
            run_ms: manifest.time_limit_ms(),
        }
    }
}

/// What validating an exercise found (the wasm engine's `validateExercise` answers it): the
/// exercise to grade (none when there were errors), every diagnostic, and how long a host
/// lets a Check or a Run of it take.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validation {
    pub exercise: Option<Exercise>,
    pub diagnostics: Vec<Diagnostic>,
    pub budgets: Option<Budgets>,
}

impl Validation {
    /// The answer for an exercise read with `pykata-pack`'s validator.
    pub fn of(loaded: Loaded<Exercise>) -> Self {
        Validation {
            budgets: loaded.value.as_ref().map(|exercise| Budgets::of(&exercise.manifest)),
            exercise: loaded.value,
            diagnostics: loaded.diagnostics,
        }
    }
}

#[derive(Deserialize)]
struct SyntaxProblem {
    traceback: String,
    line: Option<u32>,
}

/// What the runner digests: an output check's expected text, compared as `match` says.
#[derive(Serialize)]
struct DigestRequest<'a> {
    #[serde(rename = "match")]
    match_mode: Option<MatchMode>,
    expected: &'a str,
}

/// Whether the learner's code compiles.
#[derive(Serialize)]
struct SyntaxRequest<'a> {
    source: &'a str,
    /// The file name the learner's code is compiled under ([`learner_file`]).
    learner_file: &'a str,
}

#[derive(Serialize)]
struct RunRequest<'a> {
    source: &'a str,
    /// The file name the program is compiled under ([`learner_file`]).
    learner_file: &'a str,
    stdin: &'a str,
    /// The exercise's helper modules, importable from the program.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    module_code: &'a [ModuleCode],
}

/// What the runner answers for a run: the output, and what kept it from starting.
#[derive(Deserialize)]
struct RunAnswer {
    #[serde(flatten)]
    output: RunOutput,
    fact: Option<Fact>,
}

impl<H: Host + 'static> Engine<H> {
    pub fn new(host: H) -> Self {
        let host = Rc::new(host);
        Engine {
            library: Rc::new(StandardLibrary::new(Rc::clone(&host))),
            host,
            idle: RefCell::new(None),
        }
    }

    /// The host this engine runs on.
    pub fn host(&self) -> &H {
        &self.host
    }

    /// Start an interpreter now, if none is ready, so the next grade or run does not wait for
    /// one (a host calls this while the learner is still reading).
    pub fn prepare(&self) -> Result<(), EngineError> {
        let session = self.session()?;
        *self.idle.borrow_mut() = Some(session);
        Ok(())
    }

    /// Like `prepare`, and also import in that interpreter what pykata otherwise imports on
    /// first need (the standard library's `traceback`, with `inspect` and `dataclasses`, to
    /// describe a learner's exception): the slow part of a first Check that raises. `prepare`
    /// leaves it out so a Check already waiting gets its answer sooner.
    pub fn preload(&self) -> Result<(), EngineError> {
        let session = self.session()?;
        // An import that failed halfway may leave half a module behind: not kept then.
        session.preload()?;
        *self.idle.borrow_mut() = Some(session);
        Ok(())
    }

    /// Forget the standard library's file the host supplied (it is asked for again on the next
    /// import that needs it): for a memory image of the engine, which should not carry it.
    pub fn release_standard_library(&self) {
        self.library.release();
    }

    /// True if an interpreter is ready, so the next grade or run starts without starting one.
    pub fn is_warm(&self) -> bool {
        self.idle.borrow().is_some()
    }

    /// The idle interpreter, or a fresh one.
    fn session(&self) -> Result<Session, EngineError> {
        match self.idle.take() {
            Some(session) => Ok(session),
            None => Session::start(&self.host, &self.library),
        }
    }

    /// Keep `session` for the next submission if it ran within every budget (an interruption
    /// or a `MemoryError` may have stopped pykata's own code halfway) and resets cleanly;
    /// otherwise drop it, which finalizes it.
    fn recycle(&self, session: Session, within_budgets: bool) {
        if within_budgets && session.reset().unwrap_or(false) {
            *self.idle.borrow_mut() = Some(session);
        }
    }

    /// Grade `source` against every check of `manifest`. The interpreter is fresh, or was
    /// reset after the previous submission: nothing that submission did reaches this one.
    pub fn grade(&self, manifest: &Manifest, source: &str) -> Result<Report, EngineError> {
        self.grade_resumed(manifest, source, None)
    }

    /// [`Engine::grade`], or with `resume`, the rest of a grading whose check `resume.hung` was
    /// stopped from outside when its budget ran out: that check is a time-budget error, the
    /// checks before it keep the results they had, and the checks after it run with the time
    /// left, as they would have had the engine interrupted the check itself.
    pub fn grade_resumed(
        &self,
        manifest: &Manifest,
        source: &str,
        resume: Option<Resume>,
    ) -> Result<Report, EngineError> {
        let session = self.session()?;
        let report = self.grade_in(&session, manifest, source, resume)?;
        let within_budgets = report.budget.is_none() && report.tests.iter().all(|test| test.budget.is_none());
        self.recycle(session, within_budgets);
        Ok(report)
    }

    fn grade_in(
        &self,
        session: &Session,
        manifest: &Manifest,
        source: &str,
        resume: Option<Resume>,
    ) -> Result<Report, EngineError> {
        let file = learner_file(&manifest.id);
        let syntax = serde_json::to_string(&SyntaxRequest {
            source,
            learner_file: &file,
        })?;
        let problem: Option<SyntaxProblem> = serde_json::from_str(&session.call("syntax_error", &syntax, None)?.json()?)?;
        if let Some(problem) = problem {
            return Ok(Report::error(
                Message::new(MessageKey::SyntaxError).with_text("traceback", Some(&problem.traceback)),
                problem.line,
            ));
        }
        let limit_ms = manifest.time_limit_ms();
        // All checks together get twice one check's budget, so code that loops in every
        // check costs seconds, not minutes.
        let (mut tests, first, mut left_ms) = match resume {
            None => (Vec::with_capacity(manifest.checks.len()), 0, submission_budget_ms(manifest)),
            Some(Resume { mut tests, hung, left_ms }) => {
                let Some(check) = manifest.checks.get(hung) else {
                    return Err(EngineError::Runner(format!("no check {hung} to resume after")));
                };
                // Stopped once its whole budget had run, like a check the watchdog interrupts.
                let budget_ms = limit_ms.min(left_ms);
                let stopped = test_result(check, CheckAnswer::out_of_time(), budget_ms as f64, budget_ms);
                self.host.event(&Event::CheckFinished {
                    index: hung,
                    duration_ms: stopped.duration_ms,
                    tests: std::slice::from_ref(&stopped),
                });
                tests.push(stopped);
                (tests, hung + 1, left_ms.saturating_sub(budget_ms))
            }
        };
        for (index, check) in manifest.checks.iter().enumerate().skip(first) {
            let budget_ms = limit_ms.min(left_ms);
            self.host.event(&Event::CheckStarted {
                index,
                budget_ms,
                left_ms,
            });
            let started = self.host.now_ms();
            let answer = if budget_ms == 0 {
                CheckAnswer::out_of_time()
            } else {
                let request = serde_json::to_string(&CheckRequest {
                    source,
                    learner_file: &file,
                    setup: manifest.setup.as_deref(),
                    module_code: &manifest.module_code,
                    check,
                })?;
                CheckAnswer::from_runner(session.call("run_check", &request, Some(budget_ms))?)?
            };
            let duration_ms = self.host.now_ms() - started;
            left_ms = left_ms.saturating_sub(duration_ms.ceil() as u64);
            let before = tests.len();
            if answer.cases.is_empty() {
                tests.push(test_result(check, answer, duration_ms, budget_ms));
            } else {
                // Each test's own time; an even share of the check's only if the runner gave none.
                let share = duration_ms / answer.cases.len() as f64;
                for case in answer.cases {
                    let took = case.duration_ms.filter(|ms| ms.is_finite()).unwrap_or(share);
                    let mut test = test_result(check, case.answer, took, budget_ms);
                    test.name = format!("{}: {}", check.title, case.name);
                    tests.push(test);
                }
            }
            self.host.event(&Event::CheckFinished {
                index,
                duration_ms,
                tests: &tests[before..],
            });
        }
        Ok(Report::from_tests(tests))
    }

    /// Replace the expected output of `manifest`'s hidden output checks with its SHA-256 digest,
    /// as built bundles ship them (a regex cannot be digested: those keep their text). Returns
    /// how many checks were changed.
    pub fn digest_hidden_outputs(&self, manifest: &mut Manifest) -> Result<usize, EngineError> {
        let mut hidden: Vec<&mut Check> = manifest
            .checks
            .iter_mut()
            .filter(|c| c.hidden && c.kind == CheckKind::Output && c.match_mode != Some(MatchMode::Regex))
            .filter(|c| c.expected.is_some())
            .collect();
        if hidden.is_empty() {
            return Ok(0);
        }
        let session = self.session()?;
        for check in &mut hidden {
            let expected = check.expected.take().unwrap_or_default();
            let request = serde_json::to_string(&DigestRequest {
                match_mode: check.match_mode,
                expected: &expected,
            })?;
            check.expected_sha256 = Some(serde_json::from_str(&session.call("digest", &request, None)?.json()?)?);
        }
        *self.idle.borrow_mut() = Some(session);
        Ok(hidden.len())
    }

    /// Run `source` as a program with `stdin` for at most `limit_ms`, in a fresh interpreter or
    /// one reset after the previous submission.
    pub fn run(&self, source: &str, stdin: &str, limit_ms: u64) -> Result<RunOutput, EngineError> {
        self.run_with_modules(source, stdin, limit_ms, &[], PROGRAM_FILE)
    }

    /// [`Engine::run`], with an exercise's helper modules importable from the program, which is
    /// compiled as `learner_file` (see [`learner_file`]).
    pub fn run_with_modules(
        &self,
        source: &str,
        stdin: &str,
        limit_ms: u64,
        module_code: &[ModuleCode],
        learner_file: &str,
    ) -> Result<RunOutput, EngineError> {
        let session = self.session()?;
        let request = serde_json::to_string(&RunRequest {
            source,
            learner_file,
            stdin,
            module_code,
        })?;
        let answer = session.call("run_program", &request, Some(limit_ms))?;
        let mut output: RunOutput = match &answer.json {
            Some(json) => {
                let RunAnswer { mut output, fact } = serde_json::from_str(json)?;
                if let Some(Fact::HelperFailed { module, error }) = fact {
                    output.said(helper_failed(&module, &error));
                }
                output
            }
            None => RunOutput::default(),
        };
        self.recycle(
            session,
            !answer.timed_out && answer.json.is_some() && output.budget.is_none(),
        );
        if answer.timed_out {
            output.budget = Some(Budget::Time);
            output.said(budget_message(Budget::Time, limit_ms));
        } else if let Some(budget) = output.budget {
            let traceback = output.error.take();
            output.said(budget_message(budget, limit_ms).with_text("traceback", traceback.as_deref()));
        }
        Ok(output)
    }
}

/// What running out of `budget` says: the time in seconds, the memory cap in MiB, the
/// recursion limit.
pub fn budget_message(budget: Budget, limit_ms: u64) -> Message {
    match budget {
        Budget::Time => {
            Message::new(MessageKey::TimeBudget).with("seconds", serde_json::json!(limit_ms as f64 / 1000.0))
        }
        Budget::Memory => {
            Message::new(MessageKey::MemoryBudget).with("mib", serde_json::json!(MEMORY_LIMIT_BYTES / (1024 * 1024)))
        }
        Budget::Recursion => Message::new(MessageKey::RecursionBudget).with("limit", serde_json::json!(RECURSION_LIMIT)),
    }
}

fn test_result(check: &Check, answer: CheckAnswer, duration_ms: f64, limit_ms: u64) -> TestResult {
    let message = match (answer.status, answer.budget) {
        (Status::Pass, _) => None,
        (_, Some(Budget::Time)) if limit_ms == 0 => Some(Message::new(MessageKey::SkippedForTime)),
        (_, Some(Budget::Time)) => Some(budget_message(Budget::Time, limit_ms)),
        (_, Some(budget)) if check.hidden => {
            Some(budget_message(budget, limit_ms).with_text("check_message", Some(&check.message)))
        }
        (_, Some(budget)) => Some(budget_message(budget, limit_ms).with_text("traceback", traceback(&answer))),
        (Status::Fail, _) => Some(failure_message(check, &answer)),
        (Status::Error, _) => Some(error_message(check, &answer)),
    };
    let output = (!check.hidden && !answer.output.is_empty()).then_some(answer.output);
    let mut test = TestResult {
        name: check.title.clone(),
        status: answer.status,
        message: None,
        message_key: None,
        message_args: serde_json::Map::new(),
        output,
        task_id: None,
        check_id: check.id.clone(),
        kind: check.kind,
        hidden: check.hidden,
        duration_ms,
        hint: check.hint,
        line: if check.hidden { None } else { answer.line },
        budget: answer.budget,
    };
    if let Some(message) = message {
        test.said(message);
    }
    test
}

/// The learner-only traceback of what raised, if anything did.
fn traceback(answer: &CheckAnswer) -> Option<&str> {
    match &answer.fact {
        Some(Fact::Raised { traceback, .. } | Fact::Exited { traceback, .. } | Fact::Syntax { traceback }) => {
            Some(traceback)
        }
        _ => None,
    }
}

fn failure_message(check: &Check, answer: &CheckAnswer) -> Message {
    let lead = |key| Message::new(key).with_text("check_message", Some(&check.message));
    if check.hidden {
        return lead(MessageKey::CheckFailed);
    }
    match (&answer.fact, check.kind) {
        (Some(Fact::Rule { rule, name, line }), _) => {
            let (key, argument) = match rule {
                Rule::MissingConstruct => (MessageKey::MissingConstruct, "construct"),
                Rule::ForbiddenConstruct => (MessageKey::ForbiddenConstruct, "construct"),
                Rule::MissingCall => (MessageKey::MissingCall, "name"),
                Rule::ForbiddenCall => (MessageKey::ForbiddenCall, "name"),
            };
            let shown = if argument == "construct" { name.replace('_', " ") } else { name.clone() };
            lead(key)
                .with(argument, serde_json::Value::String(shown))
                .with("line", line.map(serde_json::Value::from))
        }
        (Some(Fact::Failed { text }), _) => lead(MessageKey::CheckFailed).with_text("detail", Some(text)),
        (Some(Fact::Expectation { key, args }), _) => {
            let mut message = lead(*key);
            message.args.extend(args.clone());
            message
        }
        (None, CheckKind::Output) => {
            let pattern = check.match_mode.unwrap_or_default() == MatchMode::Regex;
            let key = match (pattern, answer.output.is_empty()) {
                (false, false) => MessageKey::OutputDiffers,
                (true, false) => MessageKey::OutputDoesNotMatch,
                (false, true) => MessageKey::NothingPrinted,
                (true, true) => MessageKey::NothingPrintedForPattern,
            };
            let expected = check.expected.as_deref().unwrap_or_default();
            let message = lead(key)
                .with("expected", serde_json::Value::String(expected.to_owned()))
                .with_text("actual", Some(&answer.output));
            match (key, check.match_mode.unwrap_or_default()) {
                (MessageKey::OutputDiffers, MatchMode::Exact) => first_difference(expected, &answer.output)
                    .into_iter()
                    .flatten()
                    .fold(message, |message, (name, value)| message.with(name, value)),
                _ => message,
            }
        }
        _ => lead(MessageKey::CheckFailed),
    }
}

/// Where `actual` first differs from `expected`: the `line` and `column` (1-based, counting
/// characters) and the two lines there (`expected_line`, `actual_line`; one is left out when
/// its text has ended). None when they are equal.
fn first_difference(expected: &str, actual: &str) -> Option<Vec<(&'static str, serde_json::Value)>> {
    let (mut wanted, mut got) = (expected.split('\n'), actual.split('\n'));
    for line in 1.. {
        let (want, have) = (wanted.next(), got.next());
        if want == have {
            want?;
            continue;
        }
        let same = match (want, have) {
            (Some(want), Some(have)) => want.chars().zip(have.chars()).take_while(|(a, b)| a == b).count(),
            _ => 0,
        };
        let text = |line: Option<&str>| line.map(|l| serde_json::Value::String(l.to_owned()));
        let mut facts = vec![("line", line.into()), ("column", (same + 1).into())];
        facts.extend(text(want).map(|l| ("expected_line", l)));
        facts.extend(text(have).map(|l| ("actual_line", l)));
        return Some(facts);
    }
    None
}

fn error_message(check: &Check, answer: &CheckAnswer) -> Message {
    if check.hidden {
        let exception = match &answer.fact {
            Some(Fact::Raised { exception, .. } | Fact::Exited { exception, .. }) => exception.as_deref(),
            _ => None,
        };
        return Message::new(MessageKey::RaisedInHiddenCheck)
            .with_text("check_message", Some(&check.message))
            .with_text("exception", exception);
    }
    let key = match &answer.fact {
        Some(Fact::Raised { phase: Phase::Load, .. }) => MessageKey::RaisedWhileLoading,
        Some(Fact::Exited { phase: Phase::Load, .. }) => MessageKey::ExitedWhileLoading,
        Some(Fact::Exited { .. }) => MessageKey::ExitedDuringCheck,
        Some(Fact::Raised { phase: Phase::Tests, .. }) => MessageKey::TestsNotLoaded,
        Some(Fact::Syntax { .. }) => MessageKey::SyntaxError,
        Some(Fact::NoTests) => MessageKey::NoTests,
        Some(Fact::HelperFailed { module, error }) => return helper_failed(module, error),
        _ => MessageKey::Raised,
    };
    Message::new(key).with_text("traceback", traceback(answer))
}

/// What a helper module that could not be loaded says.
fn helper_failed(module: &str, error: &str) -> Message {
    Message::new(MessageKey::HelperModuleFailed)
        .with_text("module", Some(module))
        .with_text("error", Some(error))
}
