//! Parsing and validating exercise and pack TOML from text: no file system, so the CLI (for
//! pack folders and pages) and the browser (for exercises written in a page) run the same code.

use crate::diagnostic::{Diagnostic, OkOrPush, Span};
use crate::model::{Check, CheckKind, Construct, Difficulty, Manifest, MatchMode};
use crate::names::{did_you_mean, listed, names_of};
use crate::python_names::module_name_problem;
use crate::toml_spans::{PathPart, SpannedToml};
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue, ValueDeserializer};

/// A TOML text being validated: where it came from, the text, and its parsed spans.
pub(crate) struct TomlText<'s> {
    pub file: &'s Path,
    pub source: &'s str,
    pub doc: SpannedToml<'s>,
}

impl<'s> TomlText<'s> {
    /// Parse `source`, the text of `file`; a syntax error is located and, when it can be, named
    /// by its field.
    pub fn parse(file: &'s Path, source: &'s str) -> Result<Self, Diagnostic> {
        let doc = SpannedToml::parse(source).map_err(|error| {
            let diagnostic = located(file, source, &error, None);
            let range = error.span().unwrap_or(0..0);
            let key = source.get(range).unwrap_or_default().trim();
            if error.message().trim() == "duplicate key" && !key.is_empty() {
                return diagnostic.field(key.trim_matches(['"', '\'']).to_owned());
            }
            diagnostic
        })?;
        Ok(TomlText { file, source, doc })
    }

    /// The span of byte range `range`.
    pub fn span(&self, range: Range<usize>) -> Span {
        Span::at(self.file, self.source, range)
    }

    /// The span of the value at `path`, or of the nearest enclosing one that exists.
    pub fn at(&self, path: &[PathPart<'_>]) -> Span {
        self.span(self.doc.span_of(path))
    }

    pub fn root(&self) -> &DeTable<'s> {
        self.doc.root()
    }

    /// Deserialize `value` (a part of this document) into `T`, locating the first type error.
    pub fn deserialize<T: DeserializeOwned>(&self, value: Spanned<DeValue<'s>>) -> Result<T, Diagnostic> {
        let whole = value.span() == self.doc.span_of(&[]);
        T::deserialize(ValueDeserializer::from(value))
            .map_err(|error| located(self.file, self.source, &error, Some((self, whole))))
    }

    /// Report every key of the table at `prefix` (`""`, `checks[2]`) that is not in `known`,
    /// with the nearest known name; returns whether there was one.
    pub fn unknown_keys(&self, table: &DeTable<'_>, prefix: &str, known: &[&str], out: &mut Vec<Diagnostic>) -> bool {
        let mut found = false;
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            found = true;
            let mut diagnostic =
                Diagnostic::error(format!("unknown field `{name}`"), self.span(key.span())).field(join(prefix, name));
            if let Some(near) = did_you_mean(name, known) {
                diagnostic = diagnostic.hint(format!("did you mean `{near}`?"));
            }
            out.push(diagnostic.hint(format!("the fields here are {}", listed(known))));
        }
        found
    }

    /// Report a string at `key` of `table` (or any string in the array there) that is not one
    /// of `allowed`, calling it a `noun`; returns whether there was one.
    fn unknown_values(
        &self,
        table: &DeTable<'_>,
        prefix: &str,
        (key, noun): (&str, &str),
        allowed: &[&str],
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        let Some(value) = table.get(key) else { return false };
        let items: Vec<(String, &Spanned<DeValue<'_>>)> = match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("{}[{i}]", join(prefix, key)), item))
                .collect(),
            _ => vec![(join(prefix, key), value)],
        };
        let mut found = false;
        for (field, item) in items {
            let Some(word) = item.get_ref().as_str() else { continue };
            if allowed.contains(&word) {
                continue;
            }
            found = true;
            let mut diagnostic =
                Diagnostic::error(format!("unknown {noun} `{word}`"), self.span(item.span())).field(field);
            if let Some(near) = did_you_mean(word, allowed) {
                diagnostic = diagnostic.hint(format!("did you mean `{near}`?"));
            }
            out.push(diagnostic.hint(format!("the allowed values are {}", listed(allowed))));
        }
        found
    }
}

/// `prefix.name`, or `name` at the top.
fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// A toml or serde error as a diagnostic at its span, naming the field when `doc` can say
/// (with whether the value deserialized was the whole document).
fn located(file: &Path, source: &str, error: &toml::de::Error, doc: Option<(&TomlText<'_>, bool)>) -> Diagnostic {
    let range = error.span().unwrap_or(0..0);
    let message = friendly(error.message().trim(), source.get(range.clone()).unwrap_or_default());
    let diagnostic = Diagnostic::error(message, Span::at(file, source, range.clone()));
    let missing = error
        .message()
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next());
    let at = match doc {
        // A field missing from the whole document is missing at the top, whatever key the
        // document's span starts with.
        Some((_, true)) if missing.is_some() => None,
        Some((doc, _)) => doc.doc.field_at(range.start),
        None => None,
    };
    match (at, missing) {
        (Some(field), Some(name)) => diagnostic.field(format!("{field}.{name}")),
        (Some(field), None) => diagnostic.field(field),
        (None, Some(name)) => diagnostic.field(name.to_owned()),
        (None, None) => diagnostic,
    }
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

/// Read the top table of `text` into `T`, reporting every unknown field and the first type error.
pub(crate) fn read_table<T: DeserializeOwned>(text: &TomlText<'_>, out: &mut Vec<Diagnostic>) -> Option<T> {
    if text.unknown_keys(text.root(), "", names_of::<T>(), out) {
        return None;
    }
    let whole = Spanned::new(text.doc.span_of(&[]), DeValue::Table(text.root().clone()));
    text.deserialize(whole).ok_or_push(out)
}

/// The check fields whose values are names from a fixed set: (field, what a value is), the set.
fn check_value_sets() -> [((&'static str, &'static str), &'static [&'static str]); 4] {
    [
        (("kind", "kind"), names_of::<CheckKind>()),
        (("match", "match mode"), names_of::<MatchMode>()),
        (("must_use", "construct"), names_of::<Construct>()),
        (("must_not_use", "construct"), names_of::<Construct>()),
    ]
}

/// Read the manifest from the top table of `text`, which may also hold the keys `extra` (the
/// self-contained form's `prompt`, `starter`...). Reports every unknown field and value, the
/// first type error of each check and of the rest, then the rules of [`validate_manifest`]; the
/// manifest comes back only when it could be read (it may still have rule errors in `out`).
pub(crate) fn read_manifest(
    text: &TomlText<'_>,
    extra: &[&str],
    expected_id: Option<&str>,
    writer: Writer,
    out: &mut Vec<Diagnostic>,
) -> Option<Manifest> {
    let root = text.root();
    let known: Vec<&str> = names_of::<Manifest>().iter().chain(extra).copied().collect();
    let unknown_key = text.unknown_keys(root, "", &known, out);
    let unknown_difficulty = text.unknown_values(root, "", ("difficulty", "difficulty"), names_of::<Difficulty>(), out);
    let head_readable = !unknown_key && !unknown_difficulty;
    let mut readable = head_readable;

    let mut checks = Vec::new();
    if let Some(DeValue::Array(items)) = root.get("checks").map(Spanned::get_ref) {
        for (index, item) in items.iter().enumerate() {
            let prefix = format!("checks[{index}]");
            let mut ok = true;
            if let DeValue::Table(table) = item.get_ref() {
                ok &= !text.unknown_keys(table, &prefix, names_of::<Check>(), out);
                for (key, allowed) in check_value_sets() {
                    ok &= !text.unknown_values(table, &prefix, key, allowed, out);
                }
            }
            if ok {
                match text.deserialize::<Check>(item.clone()) {
                    Ok(check) => checks.push(check),
                    Err(diagnostic) => {
                        out.push(diagnostic);
                        ok = false;
                    }
                }
            }
            readable &= ok;
        }
    }

    if !head_readable {
        return None;
    }
    // The rest, with `checks` read above (or reported by type below if it is not an array).
    let mut head = DeTable::new();
    for (key, value) in root.iter() {
        if extra.contains(&key.get_ref().as_ref()) || !known.contains(&key.get_ref().as_ref()) {
            continue;
        }
        let value = match (key.get_ref().as_ref(), value.get_ref()) {
            ("checks", DeValue::Array(_)) => Spanned::new(value.span(), DeValue::Array(DeArray::new())),
            _ => value.clone(),
        };
        head.insert(key.clone(), value);
    }
    if !root.contains_key("checks") {
        // Reported below by the rules, with a hint, rather than as a missing field.
        let none = Spanned::new(0..0, DeValue::Array(DeArray::new()));
        head.insert(Spanned::new(0..0, "checks".into()), none);
    }
    let whole = text.doc.span_of(&[]);
    let mut manifest = match text.deserialize::<Manifest>(Spanned::new(whole, DeValue::Table(head))) {
        Ok(manifest) => manifest,
        Err(diagnostic) => {
            out.push(diagnostic);
            return None;
        }
    };
    if !readable {
        return None;
    }
    manifest.checks = checks;
    validate_manifest(&manifest, expected_id, writer, &|path| text.at(path), out);
    Some(manifest)
}

pub(crate) fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// What wrote a manifest: a person, or `pykata build` (which replaces a hidden output check's
/// `expected` by its `expected_sha256`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Writer {
    Author,
    Build,
}

/// The rules a readable manifest must follow. `expected_id` is the folder name an exercise's
/// id must equal, when it has a folder.
fn validate_manifest(
    manifest: &Manifest,
    expected_id: Option<&str>,
    writer: Writer,
    at: &impl Fn(&[PathPart<'_>]) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    use PathPart::{Index, Key};
    match expected_id {
        Some(folder) if manifest.id != folder => out.push(
            Diagnostic::error(
                format!("id `{}` differs from the folder name `{folder}`", manifest.id),
                at(&[Key("id")]),
            )
            .field("id")
            .hint(format!("set id = \"{folder}\" or rename the folder")),
        ),
        _ if !is_identifier(&manifest.id) => {
            out.push(Diagnostic::error("id must be lowercase letters, digits and dashes", at(&[Key("id")])).field("id"))
        }
        _ => {}
    }
    if manifest.hints.len() < 2 {
        out.push(
            Diagnostic::warning(
                format!(
                    "{} hint(s); learners are best helped by at least 2",
                    manifest.hints.len()
                ),
                at(&[Key("hints")]),
            )
            .field("hints")
            .hint("add graduated hints, gentlest first"),
        );
    }
    if manifest.setup.is_some() && manifest.setup_file.is_some() {
        out.push(
            Diagnostic::error(
                "give the setup either inline (`setup`) or in a file (`setup_file`), not both",
                at(&[Key("setup_file")]),
            )
            .field("setup_file"),
        );
    }
    validate_modules(manifest, at, out);
    if manifest.time_limit_ms == Some(0) {
        out.push(Diagnostic::error("must be at least 1", at(&[Key("time_limit_ms")])).field("time_limit_ms"));
    }
    if manifest.checks.is_empty() {
        out.push(
            Diagnostic::error("an exercise needs at least one check", at(&[Key("checks")]))
                .field("checks")
                .hint("add a [[checks]] table: without checks every answer would pass"),
        );
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
        if let Some(module) = &check.module {
            validate_check_module(manifest, module, span("module"), field("module"), out);
        }
        for (name, problem) in kind_field_problems(check, writer) {
            out.push(Diagnostic::error(problem, span(name)).field(field(name)));
        }
        for name in definitions(check.code.as_deref()) {
            let earlier = manifest.checks[..index]
                .iter()
                .position(|earlier| definitions(earlier.code.as_deref()).any(|n| n == name));
            if let Some(earlier) = earlier {
                out.push(
                    Diagnostic::warning(format!("defines `{name}`, as checks[{earlier}] does"), span("code"))
                        .field(field("code"))
                        .hint("define what checks share once, in the exercise's `setup`"),
                );
            }
        }
    }
}

/// The helper modules' names, each with the field that gives it and that field's path: the
/// stem of each file of `modules` that ends in `.py`, then each `module_code` name.
fn helper_module_names(manifest: &Manifest) -> impl Iterator<Item = (&str, String, Vec<PathPart<'static>>)> {
    use PathPart::{Index, Key};
    let files = manifest.modules.iter().enumerate().filter_map(|(index, file)| {
        let path = vec![Key("modules"), Index(index)];
        let name = file.strip_suffix(".py").filter(|name| !name.contains(['/', '\\']))?;
        Some((name, format!("modules[{index}]"), path))
    });
    let inline = manifest.module_code.iter().enumerate().map(|(index, module)| {
        let path = vec![Key("module_code"), Index(index), Key("name")];
        (module.name.as_str(), format!("module_code[{index}].name"), path)
    });
    files.chain(inline)
}

/// `modules` and `module_code`: Python files beside `exercise.toml`, each a distinct module name
/// that is neither `solution` nor one the standard library or pykata uses.
fn validate_modules(manifest: &Manifest, at: &impl Fn(&[PathPart<'_>]) -> Span, out: &mut Vec<Diagnostic>) {
    use PathPart::{Index, Key};
    for (index, file) in manifest.modules.iter().enumerate() {
        let field = format!("modules[{index}]");
        let span = || at(&[Key("modules"), Index(index)]);
        if file.contains(['/', '\\']) {
            out.push(
                Diagnostic::error(
                    format!("`{file}` must be a file beside exercise.toml, not in a folder"),
                    span(),
                )
                .field(field)
                .hint("a helper module is imported by its file name: keep it next to exercise.toml"),
            );
        } else if !file.ends_with(".py") {
            out.push(
                Diagnostic::error(
                    format!("`{file}` is not a Python file: helper modules end in .py"),
                    span(),
                )
                .field(field),
            );
        }
    }
    let names: Vec<_> = helper_module_names(manifest).collect();
    for (position, (name, field, path)) in names.iter().enumerate() {
        let span = || at(path);
        let problem = if *name == "solution" {
            Some("`solution` is the learner's own module; a helper module needs another name".to_owned())
        } else {
            module_name_problem(name)
        };
        if let Some(problem) = problem {
            out.push(
                Diagnostic::error(problem, span())
                    .field(field.clone())
                    .hint("rename the helper module"),
            );
        } else if let Some((_, earlier, _)) = names[..position].iter().find(|(earlier, _, _)| earlier == name) {
            out.push(
                Diagnostic::error(
                    format!("helper module `{name}` is given twice (also by {earlier})"),
                    span(),
                )
                .field(field.clone())
                .hint("give every helper module once"),
            );
        }
    }
}

/// A unittest check's `module`: a module name the tests may import the learner's code by.
fn validate_check_module(manifest: &Manifest, module: &str, span: Span, field: String, out: &mut Vec<Diagnostic>) {
    let problem = if module == "solution" {
        None
    } else if helper_module_names(manifest).any(|(name, _, _)| name == module) {
        Some(format!(
            "`{module}` is also the name of one of the exercise's helper modules"
        ))
    } else {
        module_name_problem(module)
    };
    if let Some(problem) = problem {
        out.push(
            Diagnostic::error(problem, span)
                .field(field)
                .hint("give the name the test file imports the learner's code by, e.g. `module = \"two_fer\"`"),
        );
    }
}

/// The functions and classes that Python `code` defines at its top level.
fn definitions(code: Option<&str>) -> impl Iterator<Item = &str> {
    code.unwrap_or_default().lines().filter_map(|line| {
        let rest = line.strip_prefix("def ").or_else(|| line.strip_prefix("class "))?;
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (end > 0).then(|| &rest[..end])
    })
}

/// Fields a check's kind needs but lacks, or has but does not use.
fn kind_field_problems(check: &Check, writer: Writer) -> Vec<(&'static str, String)> {
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
        ("module", check.module.is_some()),
    ];
    let (required, allowed): (&[&str], &[&str]) = match check.kind {
        CheckKind::Output => (&["expected"], &["code", "stdin", "expected", "match"]),
        CheckKind::Assert | CheckKind::Behaviour => (&["code"], &["code"]),
        CheckKind::Unittest => (&["code"], &["code", "module"]),
        CheckKind::Static => (&[], &["must_use", "must_not_use", "must_call", "must_not_call"]),
    };
    let mut problems = Vec::new();
    let built = writer == Writer::Build && check.expected_sha256.is_some();
    if check.expected_sha256.is_some() && !built {
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
        // A built hidden output check carries the digest of `expected` instead.
        let given = is_present || (built && name == "expected");
        if !given && required.contains(&name) {
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
