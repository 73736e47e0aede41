//! Locating fields of a TOML document by byte offset and by path, for diagnostics.

use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A parsed TOML document that keeps the span of every key and value.
pub struct SpannedToml<'i> {
    root: Spanned<DeTable<'i>>,
}

impl<'i> SpannedToml<'i> {
    /// Parse `source`; a syntax error comes back as toml's error, which carries its span.
    pub fn parse(source: &'i str) -> Result<Self, toml::de::Error> {
        Ok(SpannedToml {
            root: DeTable::parse(source)?,
        })
    }

    /// The top-level table.
    pub fn root(&self) -> &DeTable<'i> {
        self.root.get_ref()
    }

    /// The dotted path (`checks[1].expected`) of the innermost field whose key or value
    /// contains `offset`. Every branch is searched: the span of an array-of-tables item covers
    /// only its `[[header]]`, not the keys below it.
    pub fn field_at(&self, offset: usize) -> Option<String> {
        let mut best = None;
        search_table(self.root.get_ref(), offset, String::new(), &mut best);
        best.map(|(path, _)| path)
    }

    /// The span of the value at `path` (keys and array indexes), or of the nearest enclosing
    /// value that exists.
    pub fn span_of(&self, path: &[PathPart<'_>]) -> Range<usize> {
        let mut span = self.root.span();
        let mut value: Option<&DeValue<'_>> = None;
        let mut table = Some(self.root.get_ref());
        for part in path {
            let next = match (part, table, value) {
                (PathPart::Key(name), Some(t), _) => t.get(*name),
                (PathPart::Index(i), _, Some(DeValue::Array(items))) => items.get(*i),
                _ => None,
            };
            let Some(next) = next else { break };
            span = next.span();
            value = Some(next.get_ref());
            table = match next.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            };
        }
        span
    }
}

/// One step of a path into a TOML document.
#[derive(Debug, Clone, Copy)]
pub enum PathPart<'a> {
    Key(&'a str),
    Index(usize),
}

/// Record `path` in `best` if `span` contains `offset` and is narrower than the best so far.
fn consider(path: &str, span: &Range<usize>, offset: usize, best: &mut Option<(String, usize)>) {
    let width = span.end.saturating_sub(span.start);
    if contains(span, offset) && best.as_ref().is_none_or(|(_, w)| width <= *w) {
        *best = Some((path.to_owned(), width));
    }
}

fn search_table(table: &DeTable<'_>, offset: usize, prefix: String, best: &mut Option<(String, usize)>) {
    for (key, value) in table.iter() {
        let mut path = prefix.clone();
        push_key(&mut path, key.get_ref());
        consider(&path, &key.span(), offset, best);
        search_value(value, offset, path, best);
    }
}

fn search_value(value: &Spanned<DeValue<'_>>, offset: usize, path: String, best: &mut Option<(String, usize)>) {
    consider(&path, &value.span(), offset, best);
    match value.get_ref() {
        DeValue::Table(table) => search_table(table, offset, path, best),
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                search_value(item, offset, format!("{path}[{index}]"), best);
            }
        }
        _ => {}
    }
}

fn contains(span: &Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}
