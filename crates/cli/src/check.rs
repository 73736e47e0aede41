//! `pykata check`: load every exercise and prove it sound by grading its own files.

use crate::isolated::Grader;
use crate::{Format, report_diagnostics};
use anyhow::Result;
use pykata_engine::{MessageKey, Report, Status};
use pykata_pack::{Diagnostic, Exercise, Severity, Target};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// The verdict on one exercise.
#[derive(Serialize)]
struct Verdict {
    exercise: String,
    solution: Status,
    starter: Status,
    wrong_caught: usize,
    wrong_total: usize,
    problems: Vec<Diagnostic>,
    /// Weaknesses that do not make the exercise unsound (a check no wrong solution exercises).
    warnings: Vec<Diagnostic>,
}

pub(crate) fn run(paths: &[PathBuf], format: Format) -> Result<ExitCode> {
    let mut load_problems = Vec::new();
    let mut exercises = Vec::new();
    for path in paths {
        if path.is_file() {
            // A page: Markdown or HTML with exercises written in it.
            let loaded = pykata_pack::load_page(path);
            exercises.extend(loaded.value.unwrap_or_default());
            load_problems.extend(loaded.diagnostics);
            continue;
        }
        for target in pykata_pack::discover(path).map_err(|d| anyhow::anyhow!("{d}"))? {
            let (value, diagnostics) = match target {
                Target::Pack(dir) => {
                    let loaded = pykata_pack::load_pack(&dir);
                    (
                        loaded.value.map(|p| p.exercises).unwrap_or_default(),
                        loaded.diagnostics,
                    )
                }
                Target::Exercise(dir) => {
                    let loaded = pykata_pack::load_exercise(&dir);
                    (loaded.value.into_iter().collect(), loaded.diagnostics)
                }
            };
            exercises.extend(value);
            load_problems.extend(diagnostics);
        }
    }
    let broken = report_diagnostics(&load_problems);
    let mut grader = Grader::new();
    let mut verdicts = Vec::new();
    for exercise in &exercises {
        verdicts.push(verify(&mut grader, exercise)?);
    }
    match format {
        Format::Table | Format::Github => print_table(&verdicts),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "load_problems": load_problems,
                "exercises": verdicts,
            }))?
        ),
    }
    let unsound = verdicts.iter().any(|v| !v.problems.is_empty());
    if matches!(format, Format::Table | Format::Github) {
        let findings: Vec<Diagnostic> = verdicts
            .iter()
            .flat_map(|v| v.problems.iter().chain(&v.warnings).cloned())
            .collect();
        report_diagnostics(&findings);
        if matches!(format, Format::Github) {
            for diagnostic in load_problems.iter().chain(&findings) {
                println!("{}", github_annotation(diagnostic));
            }
        }
    }
    Ok(if broken || unsound || exercises.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `diagnostic` as a GitHub Actions workflow command, which the run's summary and the pull
/// request's files show at its file and line.
fn github_annotation(diagnostic: &Diagnostic) -> String {
    // The escapes GitHub's runner undoes: in the message `%`, CR and LF; in a property also `:` and `,`.
    let message = |text: &str| text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let property = |text: &str| message(text).replace(':', "%3A").replace(',', "%2C");
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![format!(
        "file={}",
        property(&diagnostic.span.file.display().to_string())
    )];
    properties.extend(diagnostic.span.line.map(|line| format!("line={line}")));
    properties.extend(diagnostic.span.column.map(|column| format!("col={column}")));
    if let Some(field) = &diagnostic.field {
        properties.push(format!("title={}", property(field)));
    }
    let mut text = diagnostic.message.clone();
    for hint in &diagnostic.hints {
        text.push_str(&format!("\nhint: {hint}"));
    }
    format!("::{command} {}::{}", properties.join(","), message(&text))
}

fn failing_checks(report: &Report) -> Vec<&str> {
    report
        .tests
        .iter()
        .filter(|t| t.status != Status::Pass)
        .map(|t| t.check_id.as_str())
        .collect()
}

/// Grade the exercise's solution, starter and wrong solutions, and say what is unsound.
fn verify(grader: &mut Grader, exercise: &Exercise) -> Result<Verdict> {
    let origin = &exercise.origin;
    let mut problems = Vec::new();
    let solution = grader.grade(&exercise.manifest, &exercise.solution)?;
    if solution.status != Status::Pass {
        let mut diagnostic = Diagnostic::error(
            format!("the reference solution does not pass: {}", describe_failure(&solution)),
            origin.solution.clone(),
        );
        if let Some(test) = solution.tests.iter().find(|t| t.status != Status::Pass) {
            diagnostic = diagnostic.hint(test.message.clone().unwrap_or_default());
        }
        problems.push(diagnostic);
    }
    let starter = grader.grade(&exercise.manifest, &exercise.starter)?;
    if starter.status == Status::Pass {
        problems.push(
            Diagnostic::error("the starter passes every check", origin.starter.clone())
                .hint("a starter must leave the work to the learner, or the checks are too weak"),
        );
    }
    let mut caught = 0;
    let mut exercised = std::collections::HashSet::new();
    for wrong in &exercise.wrong {
        let report = grader.grade(&exercise.manifest, &wrong.source)?;
        let span = wrong.span.clone();
        let named = report.test(&wrong.fails);
        let crashed_on_load = named.is_some_and(|t| {
            matches!(
                t.message_key,
                Some(MessageKey::RaisedWhileLoading | MessageKey::ExitedWhileLoading)
            )
        });
        if crashed_on_load {
            problems.push(
                Diagnostic::error("fails for the wrong reason: it crashes while being loaded", span)
                    .hint("a wrong solution should be plausible code that a check catches, not code that cannot run"),
            );
        } else if report.status == Status::Error {
            problems.push(
                Diagnostic::error(
                    format!("fails for the wrong reason: {}", describe_failure(&report)),
                    span,
                )
                .hint("a wrong solution should be plausible code that a check catches, not code that cannot run"),
            );
        } else if named.is_some_and(|t| t.status != Status::Pass) {
            caught += 1;
            exercised.extend(failing_checks(&report).into_iter().map(str::to_owned));
        } else {
            let others = failing_checks(&report);
            problems.push(
                Diagnostic::error(
                    format!("check `{}` does not catch this wrong solution", wrong.fails),
                    span,
                )
                .hint(if others.is_empty() {
                    "it passes every check: add a check for this mistake".to_owned()
                } else {
                    format!(
                        "it fails {} instead: fix the `# fails:` line or the check",
                        others.join(", ")
                    )
                }),
            );
        }
    }
    let warnings = exercise
        .manifest
        .checks
        .iter()
        .enumerate()
        .filter(|(_, check)| !exercised.contains(&check.id))
        .map(|(index, check)| {
            Diagnostic::warning(
                format!(
                    "no wrong solution fails check `{}`, so nothing proves it works",
                    check.id
                ),
                origin.manifest.clone(),
            )
            .field(format!("checks[{index}]"))
            .hint(format!(
                "add a wrong solution showing the mistake it catches: wrong/NAME.py starting `# fails: {0}` (in a page, a [[wrong]] table with fails = \"{0}\")",
                check.id
            ))
        })
        .collect();
    Ok(Verdict {
        exercise: origin.name.clone(),
        solution: solution.status,
        starter: starter.status,
        wrong_caught: caught,
        wrong_total: exercise.wrong.len(),
        problems,
        warnings,
    })
}

fn describe_failure(report: &Report) -> String {
    if let Some(message) = &report.message {
        return message.lines().last().unwrap_or_default().to_owned();
    }
    format!("failing checks: {}", failing_checks(report).join(", "))
}

pub(crate) fn status_word(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Error => "error",
    }
}

fn print_table(verdicts: &[Verdict]) {
    let width = verdicts.iter().map(|v| v.exercise.len()).max().unwrap_or(8).max(8);
    println!(
        "{:<width$}  {:<8}  {:<7}  {:<7}  verdict",
        "exercise", "solution", "starter", "wrong"
    );
    for v in verdicts {
        println!(
            "{:<width$}  {:<8}  {:<7}  {:<7}  {}",
            v.exercise,
            status_word(v.solution),
            status_word(v.starter),
            format!("{}/{}", v.wrong_caught, v.wrong_total),
            match (v.problems.len(), v.warnings.len()) {
                (0, 0) => "sound".to_owned(),
                (0, 1) => "sound, 1 warning".to_owned(),
                (0, n) => format!("sound, {n} warnings"),
                _ => "UNSOUND".to_owned(),
            },
        );
    }
    let sound = verdicts.iter().filter(|v| v.problems.is_empty()).count();
    let wrong: usize = verdicts.iter().map(|v| v.wrong_caught).sum();
    println!(
        "{sound} of {} exercises sound; {wrong} wrong solutions caught",
        verdicts.len()
    );
}
