//! Reading exercise and pack folders from disk, with every problem as a [`Diagnostic`].

use crate::diagnostic::{Diagnostic, OkOrPush, Severity, Span};
use crate::model::{Exercise, Manifest, ModuleCode, Origin, Pack, PackManifest, WrongSolution};
use crate::toml_spans::{PathPart, SpannedToml};
use crate::validate::{TomlText, Writer, is_identifier, read_manifest, read_table};
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
    pub(crate) fn finish(value: Option<T>, diagnostics: Vec<Diagnostic>) -> Self {
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
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Load and validate the exercise in `dir`.
pub fn load_exercise(dir: &Path) -> Loaded<Exercise> {
    let mut diagnostics = Vec::new();
    let manifest_path = dir.join("exercise.toml");
    // `.` and `..` name no folder: ask the file system for the real name.
    let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let folder = real.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let manifest = read_toml_text(&manifest_path)
        .ok_or_push(&mut diagnostics)
        .and_then(|source| {
            let text = TomlText::parse(&manifest_path, &source).ok_or_push(&mut diagnostics)?;
            let mut manifest = read_manifest(&text, &[], Some(&folder), Writer::Author, &mut diagnostics)?;
            read_check_files(&mut manifest, dir, &text, &mut diagnostics);
            Some(manifest)
        });
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
        origin: Origin {
            name: dir.display().to_string(),
            manifest: Span::file(&manifest_path),
            starter: Span::file(&dir.join("starter.py")),
            solution: Span::file(&dir.join("solution.py")),
        },
    });
    Loaded::finish(exercise, diagnostics)
}

/// Replace each check's `file` with the file's text in `code`, `setup_file` likewise, and each
/// helper module file of `modules` with a `module_code` entry (before the inline ones).
fn read_check_files(manifest: &mut Manifest, dir: &Path, text: &TomlText<'_>, out: &mut Vec<Diagnostic>) {
    use PathPart::{Index, Key};
    let setup = (manifest.setup.is_none()).then(|| manifest.setup_file.take()).flatten();
    if let Some(file) = setup {
        manifest.setup = read_code_file(dir, &file, text, &[Key("setup_file")], "setup_file".to_owned(), out);
    }
    let mut modules = Vec::new();
    for (index, file) in std::mem::take(&mut manifest.modules).into_iter().enumerate() {
        if !file.ends_with(".py") || file.contains(['/', '\\']) {
            continue; // reported by the rules: not a helper module's file name
        }
        let path = [Key("modules"), Index(index)];
        let code = read_code_file(dir, &file, text, &path, format!("modules[{index}]"), out);
        if let (Some(code), Some(name)) = (code, file.strip_suffix(".py")) {
            modules.push(ModuleCode {
                name: name.to_owned(),
                code,
            });
        }
    }
    modules.append(&mut manifest.module_code);
    manifest.module_code = modules;
    for (index, check) in manifest.checks.iter_mut().enumerate() {
        let Some(file) = check.file.take() else { continue };
        if check.code.is_some() {
            continue; // reported: `code` and `file` together
        }
        let path = [Key("checks"), Index(index), Key("file")];
        check.code = read_code_file(dir, &file, text, &path, format!("checks[{index}].file"), out);
    }
}

/// The text of `file`, a Python file named at `path` of the manifest `text` (the field `field`).
fn read_code_file(
    dir: &Path,
    file: &str,
    text: &TomlText<'_>,
    path: &[PathPart<'_>],
    field: String,
    out: &mut Vec<Diagnostic>,
) -> Option<String> {
    if Path::new(file).is_absolute() || file.split(['/', '\\']).any(|part| part == "..") {
        let key = field.rsplit('.').next().unwrap_or_default();
        let message = format!("`{key}` must be a path inside the exercise folder");
        out.push(Diagnostic::error(message, text.at(path)).field(field));
        return None;
    }
    let path = dir.join(file);
    match read_text(&path) {
        Ok(code) if is_blank(&code) => {
            out.push(
                Diagnostic::error("file is empty", Span::at(&path, &code, 0..0))
                    .field(field)
                    .hint("write the Python code in it"),
            );
            None
        }
        Ok(code) => Some(code),
        Err(diagnostic) => {
            out.push(diagnostic.field(field));
            None
        }
    }
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
            span: Span::file(&path),
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
    let manifest = read_toml_text(&manifest_path)
        .ok_or_push(&mut diagnostics)
        .and_then(|source| {
            let text = TomlText::parse(&manifest_path, &source).ok_or_push(&mut diagnostics)?;
            let manifest = read_table::<PackManifest>(&text, &mut diagnostics)?;
            let mut listed: Vec<&str> = Vec::new();
            for (index, id) in manifest.order.iter().enumerate() {
                let span = || text.at(&[PathPart::Key("order"), PathPart::Index(index)]);
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
            let order_span = text.at(&[PathPart::Key("order")]);
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
            Some(manifest)
        });
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
