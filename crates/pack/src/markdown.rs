//! The one Markdown renderer for prompts, in packs (`pykata build`) and in pages (the widget).

use pulldown_cmark::{Event, Options, Parser, html};

/// Markdown to HTML; raw HTML in the Markdown is escaped, not passed through.
pub fn render_markdown(markdown: &str) -> String {
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}
