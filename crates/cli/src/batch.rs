//! `pykata grade EXERCISE SUBMISSIONS... --out DIR`: grade many submissions in parallel and
//! write one `results.json` per submission plus a `summary.csv` for a spreadsheet.

use crate::isolated::Grader;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use pykata_engine::{Report, Status};
use pykata_pack::Exercise;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// One submission to grade: an id (a folder name in the output) and its file.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Submission {
    pub id: String,
    pub path: PathBuf,
}

/// One row of `summary.csv`.
#[derive(Serialize)]
struct SummaryRow<'a> {
    id: &'a str,
    status: &'a str,
    passed: usize,
    failed: usize,
    errored: usize,
    total: usize,
    failing_checks: String,
    duration_ms: u128,
    problem: String,
}

/// The submissions named by `inputs`: `.py` files, folders of `.py` files, or manifests
/// (`.csv` with `id,path` columns, or `.json`: `[{"id": ..., "path": ...}]`), whose paths are
/// relative to the manifest.
pub(crate) fn submissions(inputs: &[PathBuf]) -> Result<Vec<Submission>> {
    let mut found = Vec::new();
    for input in inputs {
        let extension = input.extension().and_then(|e| e.to_str()).unwrap_or_default();
        let base = input.parent().unwrap_or(Path::new("."));
        if input.is_dir() {
            let mut files: Vec<PathBuf> = fs::read_dir(input)
                .with_context(|| format!("cannot read {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect();
            files.sort();
            found.extend(files.into_iter().map(|path| Submission { id: stem(&path), path }));
        } else if extension == "csv" {
            let mut reader =
                csv::Reader::from_path(input).with_context(|| format!("cannot read {}", input.display()))?;
            for (row, record) in reader.deserialize::<Submission>().enumerate() {
                let record = record.with_context(|| format!("{}: row {}", input.display(), row + 2))?;
                found.push(Submission {
                    path: base.join(&record.path),
                    ..record
                });
            }
        } else if extension == "json" {
            let text = fs::read_to_string(input).with_context(|| format!("cannot read {}", input.display()))?;
            let records: Vec<Submission> = serde_json::from_str(&text)
                .with_context(|| format!("{}: expected [{{\"id\", \"path\"}}]", input.display()))?;
            found.extend(records.into_iter().map(|r| Submission {
                path: base.join(&r.path),
                ..r
            }));
        } else if extension == "py" {
            found.push(Submission {
                id: stem(input),
                path: input.clone(),
            });
        } else {
            bail!(
                "{}: give .py files, folders of them, or a .csv/.json manifest",
                input.display()
            );
        }
    }
    let mut ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
        bail!(
            "two submissions have the id `{}`; ids name the output folders and must be unique",
            pair[0]
        );
    }
    if let Some(bad) = found
        .iter()
        .find(|s| s.id.is_empty() || s.id.contains(['/', '\\']) || s.id.starts_with('.'))
    {
        bail!("submission id `{}` cannot be a folder name", bad.id);
    }
    Ok(found)
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap_or_default().to_string_lossy().into_owned()
}

/// What happened to one submission.
struct Outcome {
    report: Option<Report>,
    problem: Option<String>,
    duration_ms: u128,
}

/// Grade every submission on `jobs` threads (one grading process each), writing into `out`.
pub(crate) fn run(exercise: &Exercise, submissions: &[Submission], out: &Path, jobs: usize) -> Result<Vec<Status>> {
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let progress = ProgressBar::new(submissions.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} graded, {per_sec}, ETA {eta}").expect("valid template"),
    );
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Option<Outcome>>> = Mutex::new(submissions.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, submissions.len().max(1)) {
            scope.spawn(|| {
                let mut grader = Grader::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(submission) = submissions.get(index) else {
                        break;
                    };
                    let outcome = grade_one(&mut grader, exercise, submission);
                    outcomes.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(outcome);
                    progress.inc(1);
                }
            });
        }
    });
    progress.finish_and_clear();
    let outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut summary = csv::Writer::from_path(out.join("summary.csv")).context("cannot write summary.csv")?;
    let mut statuses = Vec::new();
    for (submission, outcome) in submissions.iter().zip(outcomes) {
        let outcome = outcome.expect("every submission was graded");
        let dir = out.join(&submission.id);
        fs::create_dir_all(&dir)?;
        if let Some(report) = &outcome.report {
            fs::write(dir.join("results.json"), serde_json::to_string_pretty(report)?)?;
        }
        let tests = outcome.report.as_ref().map(|r| r.tests.as_slice()).unwrap_or_default();
        let count = |status: Status| tests.iter().filter(|t| t.status == status).count();
        let status = outcome.report.as_ref().map_or(Status::Error, |r| r.status);
        statuses.push(status);
        summary.serialize(SummaryRow {
            id: &submission.id,
            status: crate::check::status_word(status),
            passed: count(Status::Pass),
            failed: count(Status::Fail),
            errored: count(Status::Error),
            total: tests.len(),
            failing_checks: tests
                .iter()
                .filter(|t| t.status != Status::Pass)
                .map(|t| t.check_id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            duration_ms: outcome.duration_ms,
            problem: outcome
                .problem
                .or_else(|| outcome.report.as_ref().and_then(|r| r.message.clone()))
                .unwrap_or_default(),
        })?;
    }
    summary.flush()?;
    Ok(statuses)
}

fn grade_one(grader: &mut Grader, exercise: &Exercise, submission: &Submission) -> Outcome {
    let started = Instant::now();
    let result = fs::read(&submission.path)
        .map_err(|e| format!("cannot read {}: {e}", submission.path.display()))
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned()))
        .and_then(|source| grader.grade(&exercise.manifest, &source).map_err(|e| format!("{e:#}")));
    let (report, problem) = match result {
        Ok(report) => (Some(report), None),
        Err(problem) => (None, Some(problem)),
    };
    Outcome {
        report,
        problem,
        duration_ms: started.elapsed().as_millis(),
    }
}
