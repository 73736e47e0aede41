//! `pykata import exercism EXERCISE_DIR --into PACK_DIR`: turn an Exercism-style Python
//! practice exercise into a pykata exercise whose one check is the exercise's test file.

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
    #[serde(default)]
    example: Vec<String>,
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
    let module = slug.replace('-', "_");
    let pick = |listed: &[String], fallback: String| source.join(listed.first().cloned().unwrap_or(fallback));
    let stub = pick(&config.files.solution, format!("{module}.py"));
    let tests = pick(&config.files.test, format!("{module}_test.py"));
    let example = pick(&config.files.example, ".meta/example.py".to_owned());
    let read = |path: &Path| fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()));
    let (stub, tests, example) = (read(&stub)?, read(&tests)?, read(&example)?);
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
    fs::write(dir.join("starter.py"), stub)?;
    fs::write(dir.join("solution.py"), example)?;
    fs::write(dir.join("tests.py"), rename_imports(&tests, &module))?;
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
    let manifest = format!(
        "# Imported from an Exercism-style exercise ({slug}); see docs/authoring.md.\n\
         id = {id}\ntitle = {title}\ntopic = {topic}\ndifficulty = \"medium\"\n\
         hints = [\n{hint_lines}]\n\n\
         [[checks]]\nid = \"tests\"\nkind = \"unittest\"\ntitle = \"Tests\"\nmessage = {message}\nfile = \"tests.py\"\n",
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

/// `from two_fer import x` → `from solution import x`; `import two_fer` → `import solution as two_fer`.
fn rename_imports(tests: &str, module: &str) -> String {
    tests
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            if let Some(rest) = trimmed.strip_prefix(&format!("from {module} import ")) {
                format!("{indent}from solution import {rest}")
            } else if trimmed == format!("import {module}") {
                format!("{indent}import solution as {module}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
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
