//! Exercises written in pages: Markdown fences whose info string is `py-kata`, and
//! `<script type="application/toml" data-kata>` elements (in HTML, or raw HTML in Markdown).
//! Each is an exercise text (see [`crate::parse_exercise_text`]); diagnostics point at the
//! page's own lines.

use crate::diagnostic::{Diagnostic, Span};
use crate::load::{Loaded, read_text};
use crate::model::Exercise;
use crate::text::parse_exercise_text;
use std::ops::Range;
use std::path::Path;

/// The info string that marks a fence as an exercise.
pub const FENCE_INFO: &str = "py-kata";

/// An exercise text found in a page, with where its pieces are in the page.
#[derive(Debug, PartialEq)]
struct Found {
    text: String,
    /// `(offset in text, offset in page)` where each piece of the text starts; a piece runs
    /// on unchanged until the next one.
    pieces: Vec<(usize, usize)>,
}

impl Found {
    /// Where offset `at` of the text is in the page.
    fn page_offset(&self, at: usize) -> usize {
        let index = self.pieces.partition_point(|(text, _)| *text <= at).saturating_sub(1);
        let (text, page) = self.pieces.get(index).copied().unwrap_or((0, 0));
        page + (at - text)
    }

    fn page_span(&self, file: &Path, page: &str, span: &Span) -> Span {
        match &span.range {
            Some(range) => Span::at(file, page, self.page_range(range)),
            None => Span::file(file),
        }
    }

    fn page_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.page_offset(range.start);
        start..self.page_offset(range.end.max(range.start)).max(start)
    }
}

/// Does `path` name a Markdown file (else it is read as HTML)?
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| ["md", "markdown", "mdx"].iter().any(|m| x.eq_ignore_ascii_case(m)))
}

/// Every exercise written in the page `file` (Markdown or HTML) that is valid, and the
/// diagnostics of all of them, naming the page's lines. One broken exercise does not keep the
/// others from being checked.
pub fn load_page(file: &Path) -> Loaded<Vec<Exercise>> {
    let page = match read_text(file) {
        Ok(page) => page,
        Err(diagnostic) => return Loaded::finish(None, vec![diagnostic]),
    };
    let mut found = scripts(&page);
    if is_markdown(file) {
        found.extend(fences(&page));
        found.sort_by_key(|f| f.pieces.first().map(|p| p.1));
    }
    let mut diagnostics = Vec::new();
    if found.is_empty() {
        diagnostics.push(
            Diagnostic::warning("no exercise in this page", Span::file(file)).hint(format!(
                "write one in a ```{FENCE_INFO} fence (Markdown) or a <script type=\"application/toml\" data-kata> element"
            )),
        );
    }
    let mut exercises = Vec::new();
    for block in &found {
        let loaded = parse_exercise_text(file, &block.text);
        diagnostics.extend(loaded.diagnostics.into_iter().map(|mut d| {
            d.span = block.page_span(file, &page, &d.span);
            d
        }));
        if let Some(mut exercise) = loaded.value {
            let origin = &mut exercise.origin;
            for span in [&mut origin.manifest, &mut origin.starter, &mut origin.solution] {
                *span = block.page_span(file, &page, span);
            }
            for wrong in &mut exercise.wrong {
                wrong.span = block.page_span(file, &page, &wrong.span);
            }
            exercises.push(exercise);
        }
    }
    let ids: Vec<&str> = exercises.iter().map(|e| e.manifest.id.as_str()).collect();
    for (index, exercise) in exercises.iter().enumerate() {
        if ids[..index].contains(&exercise.manifest.id.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    format!("a second exercise with id `{}`", exercise.manifest.id),
                    exercise.origin.manifest.clone(),
                )
                .field("id")
                .hint("each exercise in a page needs its own id: the learner's code is saved under it"),
            );
        }
    }
    Loaded {
        value: Some(exercises),
        diagnostics,
    }
}

/// The lines of `text` with their byte offsets, line ends included.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

/// A fence line's opening: the fence character, its length, the indent and the info string.
fn fence_open(line: &str) -> Option<(char, usize, usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    let mark = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = trimmed.len() - trimmed.trim_start_matches(mark).len();
    let info = trimmed[length..].trim();
    (indent <= 3 && length >= 3 && !(mark == '`' && info.contains('`'))).then_some((mark, length, indent, info))
}

/// CommonMark fenced code blocks whose info string starts with [`FENCE_INFO`]; an unclosed one
/// runs to the end of the page, as renderers do.
fn fences(page: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut open: Option<(char, usize, usize, Option<Found>)> = None;
    for (offset, line) in lines(page) {
        match &mut open {
            None => {
                if let Some((mark, length, indent, info)) = fence_open(line) {
                    let wanted = info.split_whitespace().next() == Some(FENCE_INFO);
                    let block = wanted.then(|| Found {
                        text: String::new(),
                        pieces: Vec::new(),
                    });
                    open = Some((mark, length, indent, block));
                }
            }
            Some((mark, length, indent, block)) => {
                let trimmed = line.trim_start_matches(' ');
                let closing = line.len() - trimmed.len() <= 3 && {
                    let rest = trimmed.trim_start_matches(*mark);
                    trimmed.len() - rest.len() >= *length && rest.trim().is_empty()
                };
                if closing {
                    found.extend(open.take().and_then(|(.., block)| block));
                } else if let Some(block) = block {
                    // Content lines lose up to the opening fence's indent, as in CommonMark.
                    let strip = line.len() - line.trim_start_matches(' ').len();
                    let strip = strip.min(*indent);
                    block.pieces.push((block.text.len(), offset + strip));
                    block.text.push_str(&line[strip..]);
                }
            }
        }
    }
    found.extend(open.and_then(|(.., block)| block));
    found
}

/// `<script type="application/toml" data-kata>` elements; their content is raw text in HTML.
fn scripts(page: &str) -> Vec<Found> {
    let lower = page.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let tag_start = from + at;
        let Some(tag_len) = lower[tag_start..].find('>') else {
            break;
        };
        let tag = &lower[tag_start..tag_start + tag_len];
        let content_start = tag_start + tag_len + 1;
        let content_end = lower[content_start..]
            .find("</script")
            .map_or(page.len(), |end| content_start + end);
        if tag.contains("application/toml") && tag.contains("data-kata") {
            found.push(Found {
                text: page[content_start..content_end].to_owned(),
                pieces: vec![(0, content_start)],
            });
        }
        from = content_end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fences_and_scripts_with_their_page_offsets() {
        let page =
            "# Post\n\n```python\nx = 1\n```\n\n```py-kata\nid = \"a\"\n```\n\n  ~~~~ py-kata\n  id = \"b\"\n  ~~~~\n";
        let found = fences(page);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].text, "id = \"a\"\n");
        assert_eq!(&page[found[0].page_offset(0)..][..8], "id = \"a\"");
        assert_eq!(found[1].text, "id = \"b\"\n");
        assert_eq!(&page[found[1].page_offset(5)..][..3], "\"b\"");
        let html = "<p>x</p><SCRIPT type=\"application/toml\" data-kata>\nid = 1\n</script><script>1</script>";
        let found = scripts(html);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "\nid = 1\n");
        assert_eq!(&html[found[0].page_offset(1)..][..6], "id = 1");
    }

    #[test]
    fn a_py_kata_fence_inside_another_fence_is_an_example_not_an_exercise() {
        let page = "````markdown\n```py-kata\nid = \"a\"\n```\n````\n";
        assert!(fences(page).is_empty());
    }
}
