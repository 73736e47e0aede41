//! An exercise as one self-contained text: `exercise.toml`'s fields plus `prompt` (Markdown),
//! `starter`, `solution` and `[[wrong]]` known-wrong solutions, as written in a page, in a
//! Markdown fence or as JSON. Parsed and validated from strings alone.

use crate::diagnostic::{Diagnostic, OkOrPush, Span};
use crate::load::{Loaded, is_blank};
use crate::markdown::render_markdown;
use crate::model::{Exercise, Manifest, Origin, WrongSolution};
use crate::names::{did_you_mean, listed, names_of};
use crate::toml_spans::PathPart::{Index, Key};
use crate::validate::{TomlText, Writer, read_manifest};
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The fields of an exercise text beside the manifest's.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Parts {
    /// The task, in Markdown.
    #[serde(default)]
    prompt: String,
    /// The learner's starting code (default: empty).
    #[serde(default)]
    starter: String,
    /// The reference solution: it must pass every check.
    solution: String,
    /// Known-wrong solutions, each naming the check that must catch it.
    #[serde(default)]
    wrong: Vec<WrongText>,
}

/// A `[[wrong]]` table: a known-wrong solution and the check that must catch it.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct WrongText {
    /// The id of the check this solution must fail.
    fails: String,
    /// The wrong solution's Python code.
    code: String,
}

/// An exercise text: every field of `exercise.toml` plus the parts (for its JSON Schema).
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[schemars(title = "pykata exercise text", deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct ExerciseText {
    #[serde(flatten)]
    manifest: Manifest,
    #[serde(flatten)]
    parts: Parts,
}

/// Parse and validate the exercise text `source`, written in `file`.
pub fn parse_exercise_text(file: &Path, source: &str) -> Loaded<Exercise> {
    read_text(file, source, Writer::Author, None)
}

/// Read an exercise text; its prompt is rendered unless `prompt_html` is already given.
fn read_text(file: &Path, source: &str, writer: Writer, prompt_html: Option<String>) -> Loaded<Exercise> {
    let mut out = Vec::new();
    let exercise = TomlText::parse(file, source)
        .ok_or_push(&mut out)
        .and_then(|text| read_parts(&text, writer, prompt_html, &mut out));
    Loaded::finish(exercise, out)
}

fn read_parts(
    text: &TomlText<'_>,
    writer: Writer,
    prompt_html: Option<String>,
    out: &mut Vec<Diagnostic>,
) -> Option<Exercise> {
    let extra = names_of::<Parts>();
    let manifest = read_manifest(text, extra, None, writer, out);
    let root = text.root();
    let mut table = DeTable::new();
    let mut readable = true;
    for (key, value) in root.iter().filter(|(key, _)| extra.contains(&key.get_ref().as_ref())) {
        table.insert(key.clone(), value.clone());
    }
    if let Some(DeValue::Array(items)) = root.get("wrong").map(Spanned::get_ref) {
        for (index, item) in items.iter().enumerate() {
            if let DeValue::Table(wrong) = item.get_ref() {
                readable &= !text.unknown_keys(wrong, &format!("wrong[{index}]"), names_of::<WrongText>(), out);
            }
        }
    }
    let whole = Spanned::new(text.doc.span_of(&[]), DeValue::Table(table));
    let parts: Option<Parts> = text.deserialize(whole).ok_or_push(out).filter(|_| readable);
    let (manifest, parts) = (manifest?, parts?);
    let files = manifest
        .setup_file
        .iter()
        .map(|_| (vec![Key("setup_file")], "setup_file".to_owned()));
    let files = files.chain(
        manifest
            .checks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.file.is_some())
            .map(|(index, _)| {
                (
                    vec![Key("checks"), Index(index), Key("file")],
                    format!("checks[{index}].file"),
                )
            }),
    );
    let files = files.chain(
        (0..manifest.modules.len()).map(|index| (vec![Key("modules"), Index(index)], format!("modules[{index}]"))),
    );
    for (path, field) in files {
        let key = match field.as_str() {
            "setup_file" => "setup",
            _ if field.starts_with("modules") => "module_code",
            _ => "code",
        };
        out.push(
            Diagnostic::error(
                "an exercise written in a page has no folder to read files from",
                text.at(&path),
            )
            .field(field)
            .hint(format!("write the code inline, in `{key}`")),
        );
    }
    if is_blank(&parts.solution) {
        out.push(
            Diagnostic::error("the solution is empty", text.at(&[Key("solution")]))
                .field("solution")
                .hint("write the reference solution: it must pass every check"),
        );
    }
    let wrong = parts
        .wrong
        .into_iter()
        .enumerate()
        .filter_map(|(index, wrong)| known_wrong(text, &manifest, index, wrong, out))
        .collect();
    let prompt_html = prompt_html.or_else(|| (!is_blank(&parts.prompt)).then(|| render_markdown(&parts.prompt)));
    let name = format!("{}#{}", text.file.display(), manifest.id);
    Some(Exercise {
        manifest,
        prompt: parts.prompt,
        prompt_html,
        starter: parts.starter,
        solution: parts.solution,
        wrong,
        dir: text.file.to_path_buf(),
        origin: Origin {
            name,
            manifest: text.at(&[]),
            starter: text.at(&[Key("starter")]),
            solution: text.at(&[Key("solution")]),
        },
    })
}

/// A `[[wrong]]` entry whose `fails` names a check of `manifest`; otherwise a diagnostic.
fn known_wrong(
    text: &TomlText<'_>,
    manifest: &Manifest,
    index: usize,
    wrong: WrongText,
    out: &mut Vec<Diagnostic>,
) -> Option<WrongSolution> {
    let ids: Vec<&str> = manifest.checks.iter().map(|c| c.id.as_str()).collect();
    if !ids.contains(&wrong.fails.as_str()) {
        let mut diagnostic = Diagnostic::error(
            format!("no check named `{}`", wrong.fails),
            text.at(&[Key("wrong"), Index(index), Key("fails")]),
        )
        .field(format!("wrong[{index}].fails"));
        if let Some(near) = did_you_mean(&wrong.fails, &ids) {
            diagnostic = diagnostic.hint(format!("did you mean `{near}`?"));
        }
        out.push(diagnostic.hint(format!("known checks: {}", listed(&ids))));
        return None;
    }
    Some(WrongSolution {
        span: text.at(&[Key("wrong"), Index(index), Key("code")]),
        source: wrong.code,
        fails: wrong.fails,
    })
}

/// Parse and validate an exercise given as JSON — `{manifest, prompt, prompt_html, starter,
/// solution}`, as `pykata build` writes it (`built`) or a page writes it by hand — with the
/// same rules as a text. Problems name their field; a JSON syntax error also its line.
pub fn parse_exercise_json(file: &Path, json: &str, built: bool) -> Loaded<Exercise> {
    let writer = if built { Writer::Build } else { Writer::Author };
    let whole = || Span::file(file);
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(error) => {
            let span = Span {
                line: Some(error.line()),
                column: Some(error.column()),
                ..whole()
            };
            return Loaded::finish(None, vec![Diagnostic::error(format!("invalid JSON: {error}"), span)]);
        }
    };
    let serde_json::Value::Object(mut top) = value else {
        return Loaded::finish(
            None,
            vec![Diagnostic::error("an exercise must be a JSON object", whole())],
        );
    };
    let mut out = Vec::new();
    let known = names_of::<Exercise>();
    for key in top.keys().filter(|key| !known.contains(&key.as_str())) {
        let mut diagnostic = Diagnostic::error(format!("unknown field `{key}`"), whole()).field(key.clone());
        if let Some(near) = did_you_mean(key, known) {
            diagnostic = diagnostic.hint(format!("did you mean `{near}`?"));
        }
        out.push(diagnostic.hint(format!("the fields here are {}", listed(known))));
    }
    if !out.is_empty() {
        return Loaded::finish(None, out);
    }
    let prompt_html = match top.remove("prompt_html") {
        Some(serde_json::Value::String(html)) => Some(html),
        _ => None,
    };
    let mut root = match top.remove("manifest") {
        Some(serde_json::Value::Object(manifest)) => manifest,
        _ => {
            let diagnostic = Diagnostic::error("needs a `manifest` object", whole()).field("manifest");
            return Loaded::finish(None, vec![diagnostic]);
        }
    };
    root.extend(top);
    // As TOML text, the same validator reads it; its spans would point into that text, so
    // diagnostics keep only the file (and their field).
    let text = match toml::to_string(&root) {
        Ok(text) => text,
        Err(error) => return Loaded::finish(None, vec![Diagnostic::error(format!("cannot read: {error}"), whole())]),
    };
    let mut loaded = read_text(file, &text, writer, prompt_html);
    for diagnostic in &mut loaded.diagnostics {
        diagnostic.span = whole();
    }
    loaded
}
