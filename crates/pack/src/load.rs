//! Reading exercise and pack folders from disk, with every problem as a [`Diagnostic`].

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::model::{Check, CheckKind, Exercise, Manifest, Pack, PackManifest, WrongSolution};
use crate::toml_spans::{PathPart, SpannedToml};
use serde::de::DeserializeOwned;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest text file a pack may contain.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The result of loading: the value when there were no errors, and every diagnostic found.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    fn finish(value: Option<T>, diagnostics: Vec<Diagnostic>) -> Self {
        let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
        Loaded {
            value: if failed { None } else { value },
            diagnostics,
        }
    }
}

/// What lies below a path: packs (folders with `pack.toml`) and lone exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Pack(PathBuf),
    Exercise(PathBuf),
}

/// Every pack and lone exercise at or below `path`, in name order.
pub fn discover(path: &Path) -> Result<Vec<Target>, Diagnostic> {
    if path.join("pack.toml").is_file() {
        return Ok(vec![Target::Pack(path.to_path_buf())]);
    }
    if path.join("exercise.toml").is_file() {
        return Ok(vec![Target::Exercise(path.to_path_buf())]);
    }
    let entries = fs::read_dir(path).map_err(|e| {
        Diagnostic::error(format!("cannot read folder: {e}"), Span::file(path))
            .hint("give a pack folder, an exercise folder, or a folder of packs")
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut found = Vec::new();
    for dir in dirs {
        found.extend(discover(&dir)?);
    }
    Ok(found)
}

/// `MAX_FILE_BYTES` for people: "1 MiB".
const MAX_FILE_SIZE: &str = "1 MiB";

/// A diagnostic for a file over [`MAX_FILE_BYTES`]; `size` when the file system told it.
fn too_big(path: &Path, size: Option<u64>) -> Diagnostic {
    let size = match size {
        Some(size) => format!("{size} bytes"),
        None => format!("more than {MAX_FILE_BYTES} bytes"),
    };
    Diagnostic::error(
        format!("file is {size}, over the {MAX_FILE_SIZE} ({MAX_FILE_BYTES} bytes) limit for pack files"),
        Span::file(path),
    )
    .hint(format!(
        "pack files are text a person writes; keep each under {MAX_FILE_SIZE}"
    ))
}

/// Read a file's bytes, refusing missing, oversized files and anything that is not a regular
/// file with a diagnostic. Never reads more than [`MAX_FILE_BYTES`] + 1 bytes, whatever size
/// the file claims (a device or a file that grows while it is read).
fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => {
            Diagnostic::error("file is missing", Span::file(path)).hint(format!("create {name}"))
        }
        _ => Diagnostic::error(format!("cannot read file: {e}"), Span::file(path)),
    })?;
    if meta.is_dir() {
        return Err(
            Diagnostic::error("is a folder, but a file is expected here", Span::file(path))
                .hint(format!("replace the folder with the text file {name}")),
        );
    }
    if !meta.is_file() {
        return Err(Diagnostic::error(
            "is not a regular file (a device, pipe or socket); pack files are plain text files",
            Span::file(path),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, Some(meta.len())));
    }
    let cannot_read = |e: io::Error| Diagnostic::error(format!("cannot read file: {e}"), Span::file(path));
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(path, None));
    }
    Ok(bytes)
}

/// Decode `bytes`, the content of `path`, as UTF-8; an error points at the first bad byte.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
        let valid = e.valid_up_to();
        let text = String::from_utf8_lossy(&bytes[..valid]);
        let hint = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            "the file looks like UTF-16: save it as UTF-8"
        } else {
            "save the file as UTF-8"
        };
        Diagnostic::error(
            format!("file is not valid UTF-8 (byte 0x{:02X})", bytes[valid]),
            Span::at(path, &text, valid..valid + 1),
        )
        .hint(hint)
    })
}

/// Read a text file: see [`read_bytes`] and [`decode`].
/// Read a pack's text file as loading does: regular file, at most [`MAX_FILE_BYTES`], UTF-8.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    read_bytes(path).and_then(|bytes| decode(path, &bytes))
}

/// Read a TOML file; a non-UTF-8 byte is also located by the field it sits in.
fn read_toml_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = read_bytes(path)?;
    decode(path, &bytes).map_err(|diagnostic| {
        // Offsets before the first bad byte are the same in the lossy text.
        let offset = diagnostic.span.range.as_ref().map_or(0, |r| r.start);
        let lossy = String::from_utf8_lossy(&bytes);
        match SpannedToml::parse(&lossy).ok().and_then(|doc| doc.field_at(offset)) {
            Some(field) => diagnostic.field(field),
            None => diagnostic,
        }
    })
}

/// Whether a file that must hold something is empty or only whitespace.
fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Parse `source` (the text of `path`) as TOML into `T`, locating syntax and type errors.
fn parse_toml<'s, T: DeserializeOwned>(path: &Path, source: &'s str) -> Result<(T, SpannedToml<'s>), Diagnostic> {
    let locate = |error: toml::de::Error, doc: Option<&SpannedToml<'_>>| {
        let range = error.span().unwrap_or(0..0);
        let message = friendly(error.message().trim(), source.get(range.clone()).unwrap_or_default());
        let mut diagnostic = Diagnostic::error(message, Span::at(path, source, range.clone()));
        if doc.is_none() && error.message().trim() == "duplicate key" {
            // A syntax error, so no document to ask: the span is the key itself.
            let key = source.get(range.clone()).unwrap_or_default().trim();
            if !key.is_empty() {
                return diagnostic.field(key.trim_matches(['"', '\'']).to_owned());
            }
        }
        if let Some(field) = doc.and_then(|d| d.field_at(range.start)) {
            let missing = error
                .message()
                .strip_prefix("missing field `")
                .and_then(|m| m.split('`').next());
            diagnostic = match missing {
                Some(name) => diagnostic.field(format!("{field}.{name}")),
                None => diagnostic.field(field),
            };
        } else if let Some(name) = error
            .message()
            .strip_prefix("missing field `")
            .and_then(|m| m.split('`').next())
        {
            diagnostic = diagnostic.field(name.to_owned());
        }
        diagnostic
    };
    let doc = SpannedToml::parse(source).map_err(|e| locate(e, None))?;
    let value = toml::from_str::<T>(source).map_err(|e| locate(e, Some(&doc)))?;
    Ok((value, doc))
}

/// toml's and serde's messages in an author's words: `at` is the source text the error spans.
fn friendly(message: &str, at: &str) -> String {
    let is_datetime = at.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let message = if message.starts_with("invalid type: map,") {
        let kind = if is_datetime { "date-time" } else { "table" };
        message.replacen("map", kind, 1)
    } else if message == "wanted string or table" {
        "invalid type: expected a string".to_owned()
    } else {
        message.to_owned()
    };
    message
        .replace("expected u64", "expected a whole number of at least 0")
        .replace("expected usize", "expected a whole number of at least 0")
        .replace("expected a sequence", "expected an array")
}

/// Load and validate the exercise in `dir`.
pub fn load_exercise(dir: &Path) -> Loaded<Exercise> {
    let mut diagnostics = Vec::new();
    let manifest_path = dir.join("exercise.toml");
    let manifest = match read_toml_text(&manifest_path) {
        Ok(source) => match parse_toml::<Manifest>(&manifest_path, &source) {
            Ok((mut manifest, doc)) => {
                let at = |path: &[PathPart<'_>]| Span::at(&manifest_path, &source, doc.span_of(path));
                validate_manifest(&manifest, dir, &at, &mut diagnostics);
                read_check_files(&mut manifest, dir, &at, &mut diagnostics);
                Some(manifest)
            }
            Err(d) => {
                diagnostics.push(d);
                None
            }
        },
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    // `prompt.md` and `solution.py` must say something; a blank starter is a fair start.
    let mut text = |name: &str, blank: Option<&str>| {
        let path = dir.join(name);
        match read_text(&path) {
            Ok(text) => {
                if let Some(hint) = blank
                    && is_blank(&text)
                {
                    diagnostics.push(Diagnostic::error("file is empty", Span::at(&path, &text, 0..0)).hint(hint));
                }
                text
            }
            Err(d) => {
                diagnostics.push(d);
                String::new()
            }
        }
    };
    let prompt = text("prompt.md", Some("describe the task for the learner, in Markdown"));
    let starter = text("starter.py", None);
    let solution = text(
        "solution.py",
        Some("write the reference solution: it must pass every check"),
    );
    let wrong = load_wrong_solutions(dir, manifest.as_ref(), &mut diagnostics);
    let exercise = manifest.map(|manifest| Exercise {
        manifest,
        prompt,
        prompt_html: None,
        starter,
        solution,
        wrong,
        dir: dir.to_path_buf(),
    });
    Loaded::finish(exercise, diagnostics)
}

fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

fn validate_manifest(
    manifest: &Manifest,
    dir: &Path,
    at: &impl Fn(&[PathPart<'_>]) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    use PathPart::{Index, Key};
    // `.` and `..` name no folder: ask the file system for the real name.
    let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let folder = real.file_name().unwrap_or_default().to_string_lossy();
    if manifest.id != folder {
        out.push(
            Diagnostic::error(
                format!("id `{}` differs from the folder name `{folder}`", manifest.id),
                at(&[Key("id")]),
            )
            .field("id")
            .hint(format!("set id = \"{folder}\" or rename the folder")),
        );
    } else if !is_identifier(&manifest.id) {
        out.push(Diagnostic::error("id must be lowercase letters, digits and dashes", at(&[Key("id")])).field("id"));
    }
    if manifest.hints.len() < 2 {
        out.push(
            Diagnostic::error(
                format!("{} hint(s); an exercise needs at least 2", manifest.hints.len()),
                at(&[Key("hints")]),
            )
            .field("hints")
            .hint("add graduated hints, gentlest first"),
        );
    }
    if manifest.time_limit_ms == Some(0) {
        out.push(Diagnostic::error("must be at least 1", at(&[Key("time_limit_ms")])).field("time_limit_ms"));
    }
    if manifest.checks.is_empty() {
        out.push(Diagnostic::error("an exercise needs at least one check", at(&[])).field("checks"));
    }
    for (index, check) in manifest.checks.iter().enumerate() {
        let field = |name: &str| format!("checks[{index}].{name}");
        let span = |name: &str| at(&[Key("checks"), Index(index), Key(name)]);
        if !is_identifier(&check.id) {
            out.push(
                Diagnostic::error("check id must be lowercase letters, digits and dashes", span("id"))
                    .field(field("id")),
            );
        }
        if manifest.checks[..index].iter().any(|earlier| earlier.id == check.id) {
            out.push(
                Diagnostic::error(format!("duplicate check id `{}`", check.id), span("id"))
                    .field(field("id"))
                    .hint("every check in an exercise needs its own id"),
            );
        }
        if let Some(hint) = check.hint
            && (hint == 0 || hint > manifest.hints.len())
        {
            out.push(
                Diagnostic::error(
                    format!(
                        "hint {hint} does not exist; the exercise has {} hints (numbered from 1)",
                        manifest.hints.len()
                    ),
                    span("hint"),
                )
                .field(field("hint")),
            );
        }
        for (name, problem) in kind_field_problems(check) {
            let diagnostic = Diagnostic::error(problem, if name == "kind" { span("kind") } else { span(name) });
            out.push(diagnostic.field(field(name)));
        }
    }
}

/// Replace each check's `file` with the file's text in `code`.
fn read_check_files(
    manifest: &mut Manifest,
    dir: &Path,
    at: &impl Fn(&[PathPart<'_>]) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    for (index, check) in manifest.checks.iter_mut().enumerate() {
        let Some(file) = check.file.take() else { continue };
        if check.code.is_some() {
            continue; // reported: `code` and `file` together
        }
        if Path::new(&file).is_absolute() || file.split(['/', '\\']).any(|part| part == "..") {
            let span = at(&[PathPart::Key("checks"), PathPart::Index(index), PathPart::Key("file")]);
            out.push(
                Diagnostic::error("`file` must be a path inside the exercise folder", span)
                    .field(format!("checks[{index}].file")),
            );
            continue;
        }
        let path = dir.join(&file);
        match read_text(&path) {
            Ok(text) if is_blank(&text) => out.push(
                Diagnostic::error("file is empty", Span::at(&path, &text, 0..0))
                    .field(format!("checks[{index}].file"))
                    .hint("write the check's Python code in it"),
            ),
            Ok(text) => check.code = Some(text),
            Err(diagnostic) => out.push(diagnostic.field(format!("checks[{index}].file"))),
        }
    }
}

/// Fields a check's kind needs but lacks, or has but does not use.
fn kind_field_problems(check: &Check) -> Vec<(&'static str, String)> {
    let kind = check.kind.name();
    let present = [
        ("code", check.code.is_some() || check.file.is_some()),
        ("stdin", check.stdin.is_some()),
        ("expected", check.expected.is_some()),
        ("match", check.match_mode.is_some()),
        ("must_use", !check.must_use.is_empty()),
        ("must_not_use", !check.must_not_use.is_empty()),
        ("must_call", !check.must_call.is_empty()),
        ("must_not_call", !check.must_not_call.is_empty()),
    ];
    let (required, allowed): (&[&str], &[&str]) = match check.kind {
        CheckKind::Output => (&["expected"], &["code", "stdin", "expected", "match"]),
        CheckKind::Assert | CheckKind::Behaviour | CheckKind::Unittest => (&["code"], &["code"]),
        CheckKind::Static => (&[], &["must_use", "must_not_use", "must_call", "must_not_call"]),
    };
    let mut problems = Vec::new();
    if check.expected_sha256.is_some() {
        problems.push((
            "expected_sha256",
            "`expected_sha256` is written by `pykata build` for hidden checks; give `expected`".to_owned(),
        ));
    }
    if check.code.is_some() && check.file.is_some() {
        problems.push((
            "file",
            "give the check's code either inline (`code`) or in a file (`file`), not both".to_owned(),
        ));
    } else if check.file.is_some() && check.kind == CheckKind::Output {
        problems.push(("file", "`file` does not apply to output checks; use `code`".to_owned()));
    }
    for (name, is_present) in present {
        if is_present && !allowed.contains(&name) {
            problems.push((name, format!("`{name}` does not apply to {kind} checks")));
        }
        if !is_present && required.contains(&name) {
            problems.push(("kind", format!("{kind} checks need `{name}`")));
        }
    }
    let has_rule = present
        .iter()
        .any(|(name, is_present)| *is_present && name.starts_with("must_"));
    if check.kind == CheckKind::Static && !has_rule {
        problems.push((
            "kind",
            "static checks need at least one of must_use, must_not_use, must_call, must_not_call".to_owned(),
        ));
    }
    problems
}

/// The header comment naming the check a wrong solution must fail: `# fails: CHECK-ID`.
const FAILS_PREFIX: &str = "fails:";

/// The check id named by the `# fails: ID` line of a wrong solution's leading comment block,
/// with its byte offset in `source`. Lines may end in `\n` or `\r\n`; a UTF-8 BOM is skipped.
fn fails_header(source: &str) -> Option<(usize, &str)> {
    let mut offset = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    for line in source[offset..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.starts_with('#') {
            return None;
        }
        let rest = content.trim_start_matches('#').trim_start();
        if let Some(after) = rest.strip_prefix(FAILS_PREFIX) {
            let id = after.trim();
            let start =
                offset + (content.len() - rest.len()) + FAILS_PREFIX.len() + (after.len() - after.trim_start().len());
            return Some((start, id));
        }
        offset += line.len();
    }
    None
}

fn load_wrong_solutions(dir: &Path, manifest: Option<&Manifest>, out: &mut Vec<Diagnostic>) -> Vec<WrongSolution> {
    let folder = dir.join("wrong");
    if folder.exists() && !folder.is_dir() {
        out.push(
            Diagnostic::error(
                "`wrong` is a file, but must be a folder of .py files",
                Span::file(&folder),
            )
            .hint("put each known-wrong solution in its own file wrong/NAME.py"),
        );
        return Vec::new();
    }
    let Ok(entries) = fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    let mut wrong = Vec::new();
    for path in paths {
        let source = match read_text(&path) {
            Ok(source) => source,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let Some((start, id)) = fails_header(&source) else {
            out.push(
                Diagnostic::error(
                    "a wrong solution must name the check that catches it",
                    Span::at(&path, &source, 0..0),
                )
                .field("fails")
                .hint("start the file with a comment such as `# fails: keeps-name`"),
            );
            continue;
        };
        if let Some(manifest) = manifest
            && !manifest.checks.iter().any(|c| c.id == id)
        {
            let known: Vec<&str> = manifest.checks.iter().map(|c| c.id.as_str()).collect();
            let message = if id.is_empty() {
                "`# fails:` names no check".to_owned()
            } else {
                format!("no check named `{id}` in exercise.toml")
            };
            out.push(
                Diagnostic::error(message, Span::at(&path, &source, start..start + id.len().max(1)))
                    .field("fails")
                    .hint(format!("known checks: {}", known.join(", "))),
            );
            continue;
        }
        wrong.push(WrongSolution {
            path,
            fails: id.to_owned(),
            source,
        });
    }
    wrong
}

/// Load and validate the pack in `dir` and every exercise it lists.
pub fn load_pack(dir: &Path) -> Loaded<Pack> {
    let mut diagnostics = Vec::new();
    let manifest_path = dir.join("pack.toml");
    let manifest = match read_toml_text(&manifest_path).and_then(|source| {
        let (manifest, doc) = parse_toml::<PackManifest>(&manifest_path, &source)?;
        let mut listed: Vec<&str> = Vec::new();
        for (index, id) in manifest.order.iter().enumerate() {
            let span = || {
                Span::at(
                    &manifest_path,
                    &source,
                    doc.span_of(&[PathPart::Key("order"), PathPart::Index(index)]),
                )
            };
            if !is_identifier(id) {
                // Also keeps `..`, `/abs` and `a/b` from reaching outside the pack.
                diagnostics.push(
                    Diagnostic::error(
                        format!("`{id}` is not an exercise folder name: lowercase letters, digits and dashes"),
                        span(),
                    )
                    .field(format!("order[{index}]")),
                );
            } else if listed.contains(&id.as_str()) {
                diagnostics.push(
                    Diagnostic::error(format!("`{id}` is listed twice"), span()).field(format!("order[{index}]")),
                );
            } else if !dir.join(id).join("exercise.toml").is_file() {
                let message = if dir.join(id).is_dir() {
                    format!("the folder `{id}` has no exercise.toml file")
                } else {
                    format!("no exercise folder `{id}` with an exercise.toml")
                };
                diagnostics.push(
                    Diagnostic::error(message, span())
                        .field(format!("order[{index}]"))
                        .hint("run `pykata new` to scaffold it, or remove it from order"),
                );
            }
            listed.push(id);
        }
        let order_span = Span::at(&manifest_path, &source, doc.span_of(&[PathPart::Key("order")]));
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().join("exercise.toml").is_file() && !listed.contains(&name.as_str()) {
                diagnostics.push(
                    Diagnostic::error(format!("exercise `{name}` is not listed"), order_span.clone())
                        .field("order")
                        .hint(format!("add \"{name}\" to order where it belongs")),
                );
            }
        }
        Ok(manifest)
    }) {
        Ok(manifest) => Some(manifest),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    let mut exercises = Vec::new();
    for id in manifest.iter().flat_map(|m| m.order.iter()) {
        let exercise_dir = dir.join(id);
        if !is_identifier(id) || !exercise_dir.join("exercise.toml").is_file() {
            continue;
        }
        let loaded = load_exercise(&exercise_dir);
        diagnostics.extend(loaded.diagnostics);
        exercises.extend(loaded.value);
    }
    let pack = manifest.map(|manifest| Pack {
        id: dir
            .canonicalize()
            .unwrap_or_else(|_| dir.to_path_buf())
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        manifest,
        exercises,
        dir: dir.to_path_buf(),
    });
    Loaded::finish(pack, diagnostics)
}
