//! `pykata`: check, grade and build exercise packs.

mod build;
mod check;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use pykata_engine::{Engine, Status, SystemHost};
use pykata_pack::{Diagnostic, Severity};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Python exercises graded by behaviour, in the browser and here.
#[derive(Parser)]
#[command(name = "pykata", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Grade one solution against an exercise; print the report (JSON) on stdout.
    ///
    /// Exit status: 0 pass, 1 fail or error, 2 usage error or broken exercise.
    Grade {
        /// The exercise folder (holding exercise.toml).
        exercise: PathBuf,
        /// The Python file to grade.
        solution: PathBuf,
    },
    /// Prove exercises sound: the solution passes, the starter and every wrong/*.py fail.
    Check {
        /// Pack folders, exercise folders, or folders of packs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Build packs into a static folder: the widget's assets plus one JSON file per exercise.
    Build {
        /// Pack folders or folders of packs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder to write.
        #[arg(long)]
        out: PathBuf,
        /// The web assets folder (holding site/, build/ and pkg/); defaults to this checkout's www/.
        #[arg(long, env = "PYKATA_ASSETS")]
        assets: Option<PathBuf>,
    },
}

/// How `check` reports.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Grade { exercise, solution } => grade(&exercise, &solution),
        Command::Check { paths, format } => check::run(&paths, format),
        Command::Build { paths, out, assets } => build::run(&paths, &out, assets.as_deref()),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Print diagnostics to stderr with source excerpts; true if any was an error.
pub(crate) fn report_diagnostics(diagnostics: &[Diagnostic]) -> bool {
    for diagnostic in diagnostics {
        let source = std::fs::read_to_string(&diagnostic.span.file).ok();
        eprintln!("{diagnostic}");
        eprintln!("{:?}", diagnostic.to_report(source));
    }
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

fn grade(exercise_dir: &Path, solution: &Path) -> Result<ExitCode> {
    let loaded = pykata_pack::load_exercise(exercise_dir);
    let failed = report_diagnostics(&loaded.diagnostics);
    let Some(exercise) = loaded.value.filter(|_| !failed) else {
        return Ok(ExitCode::from(2));
    };
    let source = std::fs::read_to_string(solution).with_context(|| format!("cannot read {}", solution.display()))?;
    let report = Engine::new(SystemHost::default()).grade(&exercise.manifest, &source)?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(if report.status == Status::Pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
