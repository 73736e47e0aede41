//! Problems found in a pack, located by file, line, column and field.

use serde::Serialize;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors make a pack unusable, warnings make it weak.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: a file and, when known, a byte range in it with its 1-based line and column.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

impl Span {
    /// A whole file.
    pub fn file(file: &Path) -> Self {
        Span {
            file: file.to_path_buf(),
            line: None,
            column: None,
            range: None,
        }
    }

    /// The byte range `range` of `source`, the text of `file`.
    pub fn at(file: &Path, source: &str, range: Range<usize>) -> Self {
        let start = floor_char_boundary(source, range.start.min(source.len()));
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Span {
            file: file.to_path_buf(),
            line: Some(line),
            column: Some(column),
            range: Some(range),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// One problem: what is wrong, where, in which field, and how to fix it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// The TOML field, e.g. `checks[2].expected`, when the problem is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            field: None,
            hints: Vec::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span)
        }
    }

    /// The same diagnostic, naming `field`.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Render with the offending source lines underlined (miette), given the file's text.
    pub fn to_report(&self, source: Option<String>) -> miette::Report {
        let severity = match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        };
        let mut diagnostic = miette::MietteDiagnostic::new(self.heading()).with_severity(severity);
        if !self.hints.is_empty() {
            diagnostic = diagnostic.with_help(self.hints.join("\n"));
        }
        if let (Some(range), Some(_)) = (&self.span.range, &source) {
            let label = self.field.clone().unwrap_or_else(|| "here".to_owned());
            diagnostic = diagnostic.with_label(miette::LabeledSpan::at(range.clone(), label));
        }
        let report = miette::Report::new(diagnostic);
        match source {
            Some(text) => report.with_source_code(miette::NamedSource::new(self.span.file.display().to_string(), text)),
            None => report,
        }
    }

    fn heading(&self) -> String {
        match &self.field {
            Some(field) => format!("{}: {}", field, self.message),
            None => self.message.clone(),
        }
    }
}

/// Collecting diagnostics: the value, or `None` with the diagnostic pushed to `out`.
pub(crate) trait OkOrPush<T> {
    fn ok_or_push(self, out: &mut Vec<Diagnostic>) -> Option<T>;
}

impl<T> OkOrPush<T> for Result<T, Diagnostic> {
    fn ok_or_push(self, out: &mut Vec<Diagnostic>) -> Option<T> {
        self.map_err(|diagnostic| out.push(diagnostic)).ok()
    }
}

/// `file:line:column: error: field: message`, then one `  hint: ...` line per hint.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.span.file.display())?;
        if let Some(line) = self.span.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = self.span.column {
            write!(f, ":{column}")?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: {}", self.heading())?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}
