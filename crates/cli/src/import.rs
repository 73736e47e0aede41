//! `pykata import exercism EXERCISE_DIR --into PACK_DIR`: turn an Exercism-style Python
//! practice or concept exercise into a pykata exercise whose one check is the exercise's test
//! file, copied as it is: the check's `module` names the module the tests import the learner's
//! code by, and the exercise's other Python files become its helper modules.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The parts of `.meta/config.json` pykata uses.
#[derive(Deserialize, Default)]
struct ExercismConfig {
    #[serde(default)]
    blurb: String,
    #[serde(default)]
    files: ExercismFiles,
}

#[derive(Deserialize, Default)]
struct ExercismFiles {
    #[serde(default)]
    solution: Vec<String>,
    #[serde(default)]
    test: Vec<String>,
    /// Practice exercises' reference solution.
    #[serde(default)]
    example: Vec<String>,
    /// Concept exercises' reference solution.
    #[serde(default)]
    exemplar: Vec<String>,
    /// Read-only files shown beside the stub: modules the solution and the tests import.
    #[serde(default)]
    editor: Vec<String>,
}

/// What an import produced, for the command to report.
pub(crate) struct Imported {
    pub dir: PathBuf,
    pub hints: usize,
}

pub(crate) fn exercism(source: &Path, pack: &Path) -> Result<Imported> {
    let slug = source
        .canonicalize()
        .with_context(|| format!("cannot read {}", source.display()))?
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let config: ExercismConfig = match fs::read_to_string(source.join(".meta/config.json")) {
        Ok(text) => serde_json::from_str(&text).context(".meta/config.json is not valid JSON")?,
        Err(_) => ExercismConfig::default(),
    };
    let pick = |listed: &[String], fallback: String| source.join(listed.first().cloned().unwrap_or(fallback));
    let snake = slug.replace('-', "_");
    let stub = pick(&config.files.solution, format!("{snake}.py"));
    let tests = pick(&config.files.test, format!("{snake}_test.py"));
    // The name the tests import the learner's code by: the stub's file name.
    let module = stub
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let example = reference_solution(source, &config.files)?;
    let read = |path: &Path| fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()));
    let (stub_text, tests_text, example) = (read(&stub)?, read(&tests)?, read(&example)?);
    let helpers = helper_modules(source, &config.files.editor, &[&stub, &tests])?;
    let mut instructions = read(&source.join(".docs/instructions.md"))?;
    if let Ok(append) = fs::read_to_string(source.join(".docs/instructions.append.md")) {
        instructions = format!("{}\n\n{}", instructions.trim_end(), append);
    }
    let hints = fs::read_to_string(source.join(".docs/hints.md"))
        .map(|text| bullet_points(&text))
        .unwrap_or_default();

    let dir = pack.join(&slug);
    if dir.exists() {
        bail!("{} already exists", dir.display());
    }
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    fs::write(dir.join("prompt.md"), instructions)?;
    fs::write(dir.join("starter.py"), stub_text)?;
    fs::write(dir.join("solution.py"), example)?;
    fs::write(dir.join("tests.py"), tests_text)?;
    for (name, path) in &helpers {
        fs::copy(path, dir.join(name)).with_context(|| format!("cannot copy {}", path.display()))?;
    }
    let title = title_case(&slug);
    let topic = pack
        .file_name()
        .map_or("exercism".to_owned(), |n| n.to_string_lossy().into_owned());
    let quoted = |text: &str| toml_edit::Value::from(text).to_string();
    let hint_lines: String = hints.iter().map(|h| format!("    {},\n", quoted(h))).collect();
    let message = if config.blurb.is_empty() {
        "The exercise's tests must pass.".to_owned()
    } else {
        config.blurb
    };
    let modules = if helpers.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = helpers.iter().map(|(name, _)| quoted(name)).collect();
        format!("modules = [{}]\n", names.join(", "))
    };
    let module_line = if module == "solution" {
        String::new()
    } else {
        format!("module = {}\n", quoted(&module))
    };
    let manifest = format!(
        "# Imported from an Exercism-style exercise ({slug}); see docs/authoring.md.\n\
         id = {id}\ntitle = {title}\ntopic = {topic}\ndifficulty = \"medium\"\n\
         hints = [\n{hint_lines}]\n{modules}\n\
         [[checks]]\nid = \"tests\"\nkind = \"unittest\"\ntitle = \"Tests\"\nmessage = {message}\n\
         file = \"tests.py\"\n{module_line}",
        id = quoted(&slug),
        title = quoted(&title),
        topic = quoted(&topic),
        message = quoted(&message),
    );
    fs::write(dir.join("exercise.toml"), manifest)?;
    fs::create_dir_all(dir.join("wrong"))?;
    crate::new::add_to_order(&pack.join("pack.toml"), &slug, &title_case(&topic))?;
    Ok(Imported {
        dir,
        hints: hints.len(),
    })
}

/// The reference solution: `files.example` (practice exercises), else `files.exemplar`
/// (concept exercises), else whichever of `.meta/example.py` and `.meta/exemplar.py` exists.
fn reference_solution(source: &Path, files: &ExercismFiles) -> Result<PathBuf> {
    let listed = files.example.first().or(files.exemplar.first());
    if let Some(file) = listed {
        return Ok(source.join(file));
    }
    [".meta/example.py", ".meta/exemplar.py"]
        .iter()
        .map(|file| source.join(file))
        .find(|path| path.is_file())
        .with_context(|| {
            format!(
                "{} has no reference solution: .meta/config.json lists no files.example or files.exemplar, \
                 and there is no .meta/example.py or .meta/exemplar.py",
                source.display()
            )
        })
}

/// The exercise's helper modules, as (file name, path): the files of `files.editor`, then any
/// other Python file beside the stub and the tests (test data and utilities), by name.
fn helper_modules(source: &Path, editor: &[String], taken: &[&Path]) -> Result<Vec<(String, PathBuf)>> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    let mut add = |path: PathBuf| {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return;
        };
        let taken = taken.iter().any(|t| t.file_name() == path.file_name());
        if !taken && !found.iter().any(|(known, _)| *known == name) {
            found.push((name, path));
        }
    };
    for file in editor {
        let path = source.join(file);
        if !path.is_file() {
            bail!("{} is listed in files.editor but does not exist", path.display());
        }
        add(path);
    }
    let mut others: Vec<PathBuf> = fs::read_dir(source)
        .with_context(|| format!("cannot read {}", source.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|x| x == "py"))
        .collect();
    others.sort();
    others.into_iter().for_each(&mut add);
    Ok(found)
}

/// The items of Markdown bullet lists (`- ` or `* `), as hints.
fn bullet_points(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|line| {
            line.trim_start()
                .strip_prefix("- ")
                .or_else(|| line.trim_start().strip_prefix("* "))
        })
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

fn title_case(slug: &str) -> String {
    slug.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
