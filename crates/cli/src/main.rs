//! `pykata`: check, grade and build exercise packs.

mod assets;
mod batch;
mod build;
mod check;
mod import;
mod isolated;
mod new;
mod serve;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use pykata_engine::Status;
use pykata_pack::{Diagnostic, Severity};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The memory budget. It matters in `pykata worker`, where learner code runs: an allocation
/// past it fails, so the code gets a `MemoryError` or the worker dies with the exit code that
/// says so (`isolated::death`).
#[global_allocator]
static ALLOC: pykata_engine::CappedAllocator = pykata_engine::CappedAllocator::new(pykata_engine::MEMORY_LIMIT_BYTES);

/// Python exercises graded by behaviour, in the browser and here.
#[derive(Parser)]
#[command(name = "pykata", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Grade solutions against an exercise.
    ///
    /// One .py file: print its report (JSON) on stdout; exit 0 pass, 1 fail or error.
    /// Many (files, folders of .py files, or .csv/.json manifests of id,path) with --out:
    /// grade them in parallel and write OUT/<id>/results.json and OUT/summary.csv; exit 0 if
    /// all pass, 1 otherwise. Exit 2: usage error or broken exercise.
    Grade {
        /// The exercise folder (holding exercise.toml).
        exercise: PathBuf,
        /// Python files, folders of them, or manifests.
        #[arg(required = true)]
        submissions: Vec<PathBuf>,
        /// Where to write one results.json per submission and summary.csv.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Submissions graded at once (default: one per CPU core).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Scaffold a new exercise at PACK/EXERCISE (sound from the start) and list it in the pack.
    New {
        /// The exercise folder to create, inside its pack folder.
        path: PathBuf,
    },
    /// Convert an exercise from another format into a pykata exercise in a pack.
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Write the JSON Schemas of exercise.toml, pack.toml and an exercise text into a folder
    /// (for editors), and of what the engine answers (reports, runs, validations).
    Schema {
        /// The folder to write exercise.schema.json, pack.schema.json,
        /// exercise-text.schema.json and engine.schema.json into.
        out: PathBuf,
    },
    /// Prove exercises sound: the solution passes, the starter and every wrong solution fail.
    Check {
        /// Pack folders, exercise folders, folders of packs, or Markdown and HTML pages with
        /// exercises written in them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Build packs into a static site: an index of the packs, one page per exercise, the
    /// widget's assets and one JSON file per exercise.
    Build {
        /// Pack folders or folders of packs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder to write.
        #[arg(long)]
        out: PathBuf,
        /// The site's title (default: the pack's title if there is one pack, else "Exercises").
        #[arg(long)]
        title: Option<String>,
        /// The language of the site's own words (links, labels) and of the widget in its pages.
        #[arg(long = "lang", value_enum, default_value_t)]
        language: build::words::Language,
        #[command(flatten)]
        assets: AssetsArg,
        /// Internal (./x demo): add pykata's demo pages from this folder and link them from the index.
        #[arg(long, hide = true, value_name = "DIR")]
        with_demo: Option<PathBuf>,
    },
    /// Preview pages and packs while writing them: build into a temporary folder, serve it on
    /// 127.0.0.1, rebuild what changed on every save and reload the open pages. Problems are
    /// printed here and shown in the pages.
    Serve {
        /// Markdown (.md, .markdown) or HTML pages, pack folders, or folders of packs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The port to listen on at 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The language of the packs' pages' own words and of the widget in them, as `build --lang`.
        #[arg(long = "lang", value_enum, default_value_t)]
        language: build::words::Language,
        #[command(flatten)]
        assets: AssetsArg,
    },
    /// Internal: grade the requests on stdin, one JSON line each, answering one JSON report
    /// per line on stdout (the child process that `grade` and `check` run submissions in).
    #[command(hide = true)]
    Worker,
}

/// Where `build` and `serve` take the web assets from.
#[derive(clap::Args)]
struct AssetsArg {
    /// A folder of web assets laid out as the npm package's dist/ (e.g.
    /// node_modules/pykata/dist); default: the copy built into this binary, if any.
    #[arg(long = "assets", env = "PYKATA_ASSETS", value_name = "DIR")]
    folder: Option<PathBuf>,
}

#[derive(Subcommand)]
enum ImportFrom {
    /// An Exercism-style practice or concept exercise: .docs/instructions.md, the stub, the
    /// example or exemplar solution and the test file become prompt, starter, solution and a
    /// unittest check; the read-only files beside the stub (files.editor) become helper modules.
    Exercism {
        /// The Exercism exercise folder (e.g. python/exercises/practice/two-fer).
        exercise: PathBuf,
        /// The pack folder to put it in.
        #[arg(long)]
        into: PathBuf,
    },
}

/// How `check` reports.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A table of verdicts; every problem with its source lines, on stderr.
    Table,
    /// The verdicts and every problem as one JSON document.
    Json,
    /// The table, plus each problem as a GitHub Actions annotation (`::error file=…,line=…::…`).
    Github,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Grade {
            exercise,
            submissions,
            out,
            jobs,
        } => grade(&exercise, &submissions, out.as_deref(), jobs),
        Command::New { path } => new::run(&path).map(|()| ExitCode::SUCCESS),
        Command::Check { paths, format } => check::run(&paths, format),
        Command::Import {
            from: ImportFrom::Exercism { exercise, into },
        } => import::exercism(&exercise, &into).map(|done| {
            eprintln!("imported into {}", done.dir.display());
            if done.hints < 2 {
                eprintln!("tip: hints in its exercise.toml and wrong/*.py solutions help learners (optional)");
            }
            eprintln!("next: pykata check {}", done.dir.display());
            ExitCode::SUCCESS
        }),
        Command::Schema { out } => write_schemas(&out).map(|()| ExitCode::SUCCESS),
        Command::Build {
            paths,
            out,
            title,
            language,
            assets,
            with_demo,
        } => assets::Assets::resolve(assets.folder.as_deref())
            .and_then(|assets| build::run(&paths, &out, &assets, title.as_deref(), language, with_demo.as_deref())),
        Command::Serve {
            paths,
            port,
            language,
            assets,
        } => assets::Assets::resolve(assets.folder.as_deref())
            .and_then(|assets| serve::run(&paths, port, language, &assets)),
        Command::Worker => isolated::serve().map(|()| ExitCode::SUCCESS),
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
        // Read as loading does: never a huge file, a device or a pipe.
        let source = pykata_pack::read_text(&diagnostic.span.file).ok();
        eprintln!("{diagnostic}");
        eprintln!("{:?}", diagnostic.to_report(source));
    }
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

fn write_schemas(out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let engine = pykata_engine::json_schema();
    for (name, schema) in pykata_pack::json_schemas().into_iter().chain([engine]) {
        std::fs::write(out.join(name), schema).with_context(|| format!("cannot write {name}"))?;
    }
    Ok(())
}

fn grade(exercise_dir: &Path, inputs: &[PathBuf], out: Option<&Path>, jobs: Option<usize>) -> Result<ExitCode> {
    let loaded = pykata_pack::load_exercise(exercise_dir);
    let failed = report_diagnostics(&loaded.diagnostics);
    let Some(exercise) = loaded.value.filter(|_| !failed) else {
        return Ok(ExitCode::from(2));
    };
    let pass_or_fail = |all_pass: bool| if all_pass { ExitCode::SUCCESS } else { ExitCode::from(1) };
    let Some(out) = out else {
        let [solution] = inputs else {
            bail!("grading more than one submission needs --out DIR for the results");
        };
        if solution.is_dir() {
            bail!(
                "{} is a folder: grading many submissions needs --out DIR",
                solution.display()
            );
        }
        let source =
            std::fs::read_to_string(solution).with_context(|| format!("cannot read {}", solution.display()))?;
        let report = isolated::Grader::new().grade(&exercise.manifest, &source)?;
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(pass_or_fail(report.status == Status::Pass));
    };
    let submissions = batch::submissions(inputs)?;
    if submissions.is_empty() {
        bail!(
            "no submissions found in {}",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let started = std::time::Instant::now();
    let statuses = batch::run(&exercise, &submissions, out, jobs)?;
    let count = |status: Status| statuses.iter().filter(|s| **s == status).count();
    println!(
        "graded {} submissions in {:.1} s: {} pass, {} fail, {} error; summary in {}",
        statuses.len(),
        started.elapsed().as_secs_f64(),
        count(Status::Pass),
        count(Status::Fail),
        count(Status::Error),
        out.join("summary.csv").display()
    );
    Ok(pass_or_fail(count(Status::Pass) == statuses.len()))
}
