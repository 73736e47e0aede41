//! Grading in child processes with a hard deadline.
//!
//! Every submission is graded by a `pykata worker` child (this same binary), which keeps one
//! [`Engine`] for its life. The engine's watchdog stops slow code between bytecodes; code
//! that never returns to the interpreter (a loop inside a builtin, like
//! `sum(itertools.count())`) is killed with its child once the deadline passes, and a child
//! that dies (out of memory, a native stack overflow, a crash) takes only its own submission
//! with it. Either way the submission gets a report with status `error` (or, killed while a
//! check ran, that check's time-budget error, below), and the next one gets a fresh child.
//!
//! A child killed while a check was running costs only that check: the child announces each
//! check as it starts and finishes, and a fresh child grades the checks after the one that
//! hung ([`Engine::grade_resumed`], the same rule as the browser's).
//!
//! The protocol: one JSON request per line on the child's stdin (`{id, manifest, source,
//! resume}`), one JSON reply per line on its stdout (`{id, report | error, retire}`), and
//! before it the engine's check events (`{id, event}`). Anything else on the child's stdout is
//! ignored, and a line counts only with the id of the request. A child that dies says why by
//! its exit code (see [`death`]). Its stderr is not parsed: learner code's streams are captured
//! by the engine, so only a fault of pykata's writes there (a panic's text), and the CLI shows
//! its end to whoever runs it when a child dies of an unknown cause.

mod death;

use anyhow::{Context, Result, anyhow};
use pykata_engine::{
    Budget, Deadline, Engine, Event, Host, Message, MessageKey, RETIRE_ABOVE_BYTES, Report, Resume, SystemHost,
    TestResult, budget_message,
};
use pykata_pack::Manifest;
use serde::{Deserialize, Serialize};
use std::hash::{BuildHasher, RandomState};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Time on top of a submission's budget for the child to start an interpreter and the runner.
const START_MARGIN: Duration = Duration::from_secs(2);
/// The native stack of the child's engine thread: the engine's recursion limit needs far less,
/// so only recursion inside native code (no Python frames) can overflow it.
const ENGINE_STACK_BYTES: usize = 256 * 1024 * 1024;
/// The longest line of a child's stdout that is read whole; longer lines are no reply.
const REPLY_MAX_BYTES: usize = 64 * 1024 * 1024;
/// How much of the end of a child's stderr is kept, to show when it dies of an unknown cause.
const STDERR_TAIL_BYTES: usize = 8 * 1024;

/// What the parent asks a child.
#[derive(Serialize)]
struct Request<'a> {
    id: u64,
    manifest: &'a Manifest,
    source: &'a str,
    resume: Option<&'a Resume>,
}

/// A request as the child reads it.
#[derive(Deserialize)]
struct Received {
    id: u64,
    manifest: Manifest,
    source: String,
    #[serde(default)]
    resume: Option<Resume>,
}

/// What a child answers.
#[derive(Serialize, Deserialize)]
struct Reply {
    id: u64,
    #[serde(default)]
    report: Option<Report>,
    /// A failure of the engine itself.
    #[serde(default)]
    error: Option<String>,
    /// The child exits after this reply.
    #[serde(default)]
    retire: bool,
}

/// Just the id of a reply, to tell a malformed reply from other output.
#[derive(Deserialize)]
struct Id {
    id: u64,
}

/// A check event a child announced while grading (the engine's [`Event`], as JSON).
#[derive(Deserialize)]
struct Announced {
    id: u64,
    event: Heard,
}

/// The check events the parent needs to resume after a check that hung.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Heard {
    CheckStarted { index: usize, left_ms: u64 },
    CheckFinished { tests: Vec<TestResult> },
    #[serde(other)]
    Other,
}

/// What a child's stdout said.
enum FromChild {
    Reply(Reply),
    Announced(Announced),
}

/// What the parent heard of a grading so far: the results of the checks that finished, and
/// the check under way (its index, and the time the submission had left when it started).
#[derive(Default)]
struct Progress {
    tests: Vec<TestResult>,
    running: Option<(usize, u64)>,
}

impl Progress {
    fn hear(&mut self, event: Heard) {
        match event {
            Heard::CheckStarted { index, left_ms } => self.running = Some((index, left_ms)),
            Heard::CheckFinished { tests } => {
                self.running = None;
                self.tests.extend(tests);
            }
            Heard::Other => {}
        }
    }

    /// Where to resume if the child is killed now: after the check under way, if any.
    fn resume(self) -> Option<Resume> {
        let (hung, left_ms) = self.running?;
        Some(Resume {
            tests: self.tests,
            hung,
            left_ms,
        })
    }
}

/// Grades submissions one at a time in a child process, respawned whenever one ends.
pub(crate) struct Grader {
    child: Option<Worker>,
    ids: RandomState,
    count: u64,
}

impl Grader {
    pub(crate) fn new() -> Self {
        Grader {
            child: None,
            ids: RandomState::new(),
            count: 0,
        }
    }

    /// Grade `source` against `manifest`. Learner code always yields a report (status `error`
    /// when the child had to be killed or died); an error means the engine itself failed.
    pub(crate) fn grade(&mut self, manifest: &Manifest, source: &str) -> Result<Report> {
        let mut resume = None;
        loop {
            match self.grade_once(manifest, source, resume.as_ref())? {
                Graded::Report(report) => return Ok(report),
                Graded::Resume(after) => resume = Some(after),
            }
        }
    }

    /// Grade in one child: the report, or where to resume after the check it was killed in.
    fn grade_once(&mut self, manifest: &Manifest, source: &str, resume: Option<&Resume>) -> Result<Graded> {
        let budget_ms = match resume {
            Some(resume) => resume.left_ms,
            None => pykata_engine::submission_budget_ms(manifest),
        };
        let deadline = Duration::from_millis(budget_ms) + START_MARGIN;
        self.count += 1;
        // Unguessable, so nothing learner code prints can pass for the reply.
        let id = self.ids.hash_one(self.count);
        let worker = match &mut self.child {
            Some(worker) => worker,
            None => self.child.insert(Worker::spawn()?),
        };
        let request = Request {
            id,
            manifest,
            source,
            resume,
        };
        let waited = worker.ask(&request, deadline);
        let worker = self.child.take().expect("a child was just used");
        let report = match waited {
            Waited::Reply(reply) => {
                if reply.retire {
                    worker.finish();
                } else {
                    self.child = Some(worker);
                }
                match (reply.report, reply.error) {
                    (Some(report), _) => Ok(report),
                    (None, Some(error)) => Err(anyhow!(error)),
                    (None, None) => Err(anyhow!("the grading process answered neither a report nor an error")),
                }
            }
            Waited::TooLong(progress) => {
                worker.kill();
                match progress.resume() {
                    Some(after) => return Ok(Graded::Resume(after)),
                    None => Ok(Report::over_budget(Budget::Time, budget_message(Budget::Time, budget_ms))),
                }
            }
            Waited::Died => {
                let Ended { status, stderr } = worker.finish();
                let report = crash_report(status, budget_ms);
                if report.budget.is_none() && !stderr.trim().is_empty() {
                    eprintln!("pykata: the grading process died; the end of what it wrote:\n{}", stderr.trim_end());
                }
                Ok(report)
            }
        };
        report.map(Graded::Report)
    }
}

/// How one child's grading ended.
enum Graded {
    Report(Report),
    Resume(Resume),
}

/// The report for a child that died while grading, from its exit status.
fn crash_report(status: Option<ExitStatus>, budget_ms: u64) -> Report {
    match status.and_then(|status| status.code()) {
        Some(death::OUT_OF_MEMORY) => Report::over_budget(Budget::Memory, budget_message(Budget::Memory, budget_ms)),
        Some(death::STACK_OVERFLOW) => Report::over_budget(Budget::Recursion, Message::new(MessageKey::StackOverflow)),
        _ => {
            let how = status.map_or_else(|| "it could not be waited for".to_owned(), |s| s.to_string());
            Report::error(
                Message::new(MessageKey::Crashed).with("how", serde_json::Value::String(how)),
                None,
            )
        }
    }
}

/// How waiting for a reply ended.
enum Waited {
    Reply(Reply),
    /// Past the deadline, with what the child had announced of the grading.
    TooLong(Progress),
    Died,
}

/// One running child.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<FromChild>,
    reader: JoinHandle<()>,
    /// Reads the child's stderr to its end; answers the last [`STDERR_TAIL_BYTES`] of it.
    stderr: JoinHandle<Vec<u8>>,
}

/// How a child ended: its exit status, and the end of its stderr.
struct Ended {
    status: Option<ExitStatus>,
    stderr: String,
}

impl Worker {
    fn spawn() -> Result<Worker> {
        // On Linux, this very executable even if its file was replaced since (by a rebuild).
        let exe = match Path::new("/proc/self/exe") {
            link if link.exists() => link.to_owned(),
            _ => std::env::current_exe().context("cannot find the pykata executable")?,
        };
        let mut child = Command::new(&exe)
            .arg("worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {} worker", exe.display()))?;
        let (Some(stdin), Some(stdout), Some(mut stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            unreachable!("stdin, stdout and stderr are piped");
        };
        let stderr = std::thread::spawn(move || {
            let mut tail = Vec::new();
            let mut chunk = [0; 4096];
            while let Ok(read @ 1..) = stderr.read(&mut chunk) {
                tail.extend_from_slice(&chunk[..read]);
                let excess = tail.len().saturating_sub(STDERR_TAIL_BYTES);
                tail.drain(..excess);
            }
            tail
        });
        let (sender, replies) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            let mut line = Vec::new();
            while read_line_bounded(&mut stdout, &mut line, REPLY_MAX_BYTES).unwrap_or(false) {
                let Ok(Id { id }) = serde_json::from_slice(&line) else {
                    continue;
                };
                let said = match serde_json::from_slice::<Announced>(&line) {
                    Ok(announced) => FromChild::Announced(announced),
                    Err(_) => FromChild::Reply(serde_json::from_slice(&line).unwrap_or_else(|e| Reply {
                        id,
                        report: None,
                        error: Some(format!("the grading process answered a malformed report: {e}")),
                        retire: false,
                    })),
                };
                if sender.send(said).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            replies,
            reader,
            stderr,
        })
    }

    /// Send `request` and wait at most `deadline` for its reply.
    fn ask(&mut self, request: &Request, deadline: Duration) -> Waited {
        let Ok(mut line) = serde_json::to_vec(request) else {
            return Waited::Died;
        };
        line.push(b'\n');
        if self.stdin.write_all(&line).and_then(|()| self.stdin.flush()).is_err() {
            return Waited::Died;
        }
        let until = Instant::now() + deadline;
        let mut progress = Progress::default();
        loop {
            match self
                .replies
                .recv_timeout(until.saturating_duration_since(Instant::now()))
            {
                Ok(FromChild::Reply(reply)) if reply.id == request.id => return Waited::Reply(reply),
                Ok(FromChild::Announced(announced)) if announced.id == request.id => progress.hear(announced.event),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => return Waited::TooLong(progress),
                Err(RecvTimeoutError::Disconnected) => return Waited::Died,
            }
        }
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        self.finish();
    }

    /// Wait for the child to end.
    fn finish(mut self) -> Ended {
        drop(self.stdin);
        let status = self.child.wait().ok();
        let _ = self.reader.join();
        let stderr = self.stderr.join().unwrap_or_default();
        Ended {
            status,
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }
}

impl Drop for Grader {
    fn drop(&mut self) {
        if let Some(worker) = self.child.take() {
            // An idle child exits once its stdin closes.
            worker.finish();
        }
    }
}

/// Read one line (with its newline) into `line`, keeping at most `max` bytes of it; false at
/// the end of the stream.
fn read_line_bounded(reader: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> std::io::Result<bool> {
    line.clear();
    let mut read_any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(read_any);
        }
        read_any = true;
        let (part, ended) = match chunk.iter().position(|&b| b == b'\n') {
            Some(end) => (&chunk[..=end], true),
            None => (chunk, false),
        };
        let room = max.saturating_sub(line.len());
        line.extend_from_slice(&part[..part.len().min(room)]);
        let used = part.len();
        reader.consume(used);
        if ended {
            return Ok(true);
        }
    }
}

/// `pykata worker`: answer grading requests on stdin until it closes, on a thread with a deep
/// native stack.
pub(crate) fn serve() -> Result<()> {
    death::install();
    #[cfg(unix)]
    {
        // A child left behind by a parent that was killed outright exits, even when learner
        // code is busy and stdin is never read again.
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                if std::os::unix::process::parent_id() != parent {
                    std::process::exit(1);
                }
            }
        });
    }
    std::thread::Builder::new()
        .name("pykata-engine".to_owned())
        .stack_size(ENGINE_STACK_BYTES)
        .spawn(serve_requests)
        .context("cannot start the engine thread")?
        .join()
        .map_err(|_| anyhow!("the engine panicked"))?
}

/// The child's host: the system's, announcing each check as it starts and finishes on stdout
/// (`{id, event}` lines, for the request `id` being graded), so the parent can resume after a
/// check it had to kill the child in.
#[derive(Default)]
struct Announcing {
    system: SystemHost,
    id: std::cell::Cell<u64>,
}

impl Host for Announcing {
    fn now_ms(&self) -> f64 {
        self.system.now_ms()
    }

    fn deadline(&self) -> Deadline {
        self.system.deadline()
    }

    fn event(&self, event: &Event<'_>) {
        if matches!(event, Event::Output { .. }) {
            return;
        }
        let line = serde_json::json!({ "id": self.id.get(), "event": event });
        let mut stdout = std::io::stdout().lock();
        // The leading newline ends anything learner code left unfinished on this stream.
        let _ = writeln!(stdout, "\n{line}").and_then(|()| stdout.flush());
    }
}

fn serve_requests() -> Result<()> {
    let engine = Engine::new(Announcing::default());
    let mut line = String::new();
    loop {
        line.clear();
        if std::io::stdin().read_line(&mut line)? == 0 {
            return Ok(());
        }
        let request: Received = serde_json::from_str(&line).context("malformed grading request")?;
        // A refusal counts towards this request's death only (see `death`).
        crate::ALLOC.reset();
        engine.host().id.set(request.id);
        let (report, error) = match engine.grade_resumed(&request.manifest, &request.source, request.resume) {
            Ok(report) => (Some(report), None),
            Err(error) => (None, Some(error.to_string())),
        };
        let reply = Reply {
            id: request.id,
            report,
            error,
            retire: crate::ALLOC.in_use() > RETIRE_ABOVE_BYTES,
        };
        let mut stdout = std::io::stdout().lock();
        // The leading newline ends anything learner code left unfinished on this stream.
        stdout.write_all(b"\n")?;
        serde_json::to_writer(&mut stdout, &reply)?;
        stdout.write_all(b"\n")?;
        stdout.flush()?;
        if reply.retire {
            return Ok(());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    fn exited(code: i32) -> Option<ExitStatus> {
        Some(ExitStatus::from_raw(code << 8))
    }

    #[test]
    fn a_dead_child_is_judged_by_its_exit_code() {
        let memory = crash_report(exited(death::OUT_OF_MEMORY), 1000);
        assert_eq!(memory.budget, Some(Budget::Memory));
        let stack = crash_report(exited(death::STACK_OVERFLOW), 1000);
        assert_eq!(stack.budget, Some(Budget::Recursion));
        assert_eq!(stack.message_key, Some(MessageKey::StackOverflow));
        // An abort neither handler explains, and any other exit, is a crash.
        for status in [Some(ExitStatus::from_raw(libc::SIGABRT)), exited(1), None] {
            let crashed = crash_report(status, 1000);
            assert_eq!((crashed.budget, crashed.message_key), (None, Some(MessageKey::Crashed)));
        }
    }
}
