//! The pages `pykata serve` writes: Markdown rendered into a minimal page, HTML pages given the
//! widget's script tag, and a list of the pages.

use crate::build::site::escape;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// The widget's script tag, as a site's layout would carry it.
pub(super) const WIDGET_SCRIPT: &str = r#"<script type="module" src="/pykata.js"></script>"#;

/// A Markdown post as a whole HTML page: raw HTML passes through (as in a blog), and a
/// `py-kata` fence becomes `<pre><code class="language-py-kata">`, which the widget upgrades.
/// The title is the front matter's `title`, else the first heading, else `fallback`.
pub(super) fn markdown_page(markdown: &str, fallback: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let title = front_matter_title(&events)
        .or_else(|| first_heading(&events))
        .unwrap_or_else(|| fallback.to_owned());
    let mut body = String::new();
    html::push_html(&mut body, events.into_iter());
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
{WIDGET_SCRIPT}
<style>
body {{ font: 17px/1.6 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }}
pre {{ overflow-x: auto; padding: 0.75rem; background: #f4f4f4; }}
img {{ max-width: 100%; }}
</style>
</head>
<body>
<main>
{body}</main>
</body>
</html>
"#,
        title = escape(&title)
    )
}

/// `title: …` (YAML) or `title = …` (TOML) in a front matter block, unquoted.
fn front_matter_title(events: &[Event]) -> Option<String> {
    let mut in_metadata = false;
    for event in events {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => return None,
            Event::Text(text) if in_metadata => {
                return text.lines().find_map(|line| {
                    let value = line
                        .strip_prefix("title")?
                        .trim_start()
                        .strip_prefix([':', '='])?
                        .trim();
                    let value = value
                        .strip_prefix('"')
                        .and_then(|v| v.strip_suffix('"'))
                        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                        .unwrap_or(value);
                    (!value.is_empty()).then(|| value.to_owned())
                });
            }
            _ if !in_metadata => return None,
            _ => {}
        }
    }
    None
}

/// The text of the first heading.
fn first_heading(events: &[Event]) -> Option<String> {
    let start = events
        .iter()
        .position(|e| matches!(e, Event::Start(Tag::Heading { .. })))?;
    let text: String = events[start + 1..]
        .iter()
        .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
        .filter_map(|e| match e {
            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
            _ => None,
        })
        .collect();
    (!text.trim().is_empty()).then(|| text.trim().to_owned())
}

/// An HTML page with the widget's script tag added, unless one already loads `pykata.js`:
/// before `</head>`, else after `<body …>`, else after the doctype, else first.
pub(super) fn with_widget_script(page: &str) -> String {
    let lower = page.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if lower[start..end].contains("pykata.js") {
            return page.to_owned();
        }
        from = end;
    }
    let after_tag = |name: &str| {
        let start = lower.find(name)?;
        lower[start..].find('>').map(|e| start + e + 1)
    };
    let at = lower
        .find("</head")
        .or_else(|| after_tag("<body"))
        .or_else(|| {
            lower
                .trim_start()
                .starts_with("<!doctype")
                .then(|| after_tag("<!doctype"))
                .flatten()
        })
        .unwrap_or(0);
    format!("{}{WIDGET_SCRIPT}\n{}", &page[..at], &page[at..])
}

/// The folder's front page when nothing else provides one: a link to each page.
pub(super) fn listing(pages: &[&str]) -> String {
    let items: String = pages
        .iter()
        .map(|name| format!("<li><a href=\"{0}\">{0}</a></li>\n", escape(name)))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>pykata serve</title></head>\n<body>\n<h1>pykata serve</h1>\n<ul>\n{items}</ul>\n</body>\n</html>\n"
    )
}

/// `tag` (the live-reload script) inserted before the page's last `</body>`, else at its end.
pub(super) fn inject_before_body_end(page: &str, tag: &str) -> String {
    let at = page.to_ascii_lowercase().rfind("</body").unwrap_or(page.len());
    format!("{}{tag}\n{}", &page[..at], &page[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_becomes_a_page_with_its_fence_marked_for_the_widget() {
        let post = "---\ntitle: \"A <post>\"\n---\n# Heading\n\n<div class=\"note\">raw</div>\n\n```py-kata\nid = \"a < b\"\n```\n";
        let page = markdown_page(post, "post");
        assert!(page.contains("<title>A &lt;post&gt;</title>"), "{page}");
        assert!(page.contains(WIDGET_SCRIPT));
        assert!(
            page.contains("<div class=\"note\">raw</div>"),
            "raw HTML passes through: {page}"
        );
        assert!(
            page.contains("<pre><code class=\"language-py-kata\">id = \"a &lt; b\"\n</code></pre>"),
            "{page}"
        );
        assert!(!page.contains("title: "), "the front matter is not shown: {page}");
        assert!(markdown_page("Some *text*\n\n## The `x` heading\n", "post").contains("<title>The x heading</title>"));
        assert!(markdown_page("no heading\n", "post").contains("<title>post</title>"));
    }

    #[test]
    fn an_html_page_gets_the_script_tag_once() {
        let page = "<!DOCTYPE html><html><HEAD><title>x</title></HEAD><body><p>x</p></body></html>";
        let with = with_widget_script(page);
        assert!(
            with.contains(&format!("<title>x</title>{WIDGET_SCRIPT}\n</HEAD>")),
            "{with}"
        );
        assert_eq!(with_widget_script(&with), with);
        let own = "<script type=\"module\" src=\"/pykata/pykata.js\"></script><p>x</p>";
        assert_eq!(with_widget_script(own), own);
        assert!(with_widget_script("<!doctype html><p>x</p>").starts_with(&format!("<!doctype html>{WIDGET_SCRIPT}")));
        assert!(with_widget_script("<p>x</p>").starts_with(WIDGET_SCRIPT));
        assert_eq!(inject_before_body_end("<body>x</BODY>", "<s>"), "<body>x<s>\n</BODY>");
        assert_eq!(inject_before_body_end("x", "<s>"), "x<s>\n");
    }
}
