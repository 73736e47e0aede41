//! The pages of a built site, written from the packs given: `index.html` lists the packs and
//! their exercises, with the learner's progress filled in by a script;
//! `exercises/<pack>/<exercise>.html` shows one exercise (its prompt and starter for readers
//! without JavaScript, the widget for everyone else) with links back to the index and to the
//! previous and next exercise; `exercise.html` lists the packs too and shows the exercise its
//! hash names, for links to `exercise.html#<pack>/<exercise>`, where earlier builds showed
//! exercises. Everything that comes from a pack is escaped.

use super::words::Words;
use super::{ExerciseEntry, PackEntry};
use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

/// How the pages are written.
pub(crate) struct Options<'a> {
    /// The site's title; by default the pack's title when there is one pack, else "Exercises".
    pub title: Option<&'a str>,
    /// Introduce pykata and link its demo pages ([`super::DEMO_PAGES`]) from the index.
    pub demo: bool,
    /// Top-level pages not to write (in `pykata serve`, a page given of the same name wins).
    pub except: &'a [&'a str],
    /// The language of the pages' own words (and so of the widget in them).
    pub words: &'static Words,
}

/// Write the site's pages for `packs` (as listed in `exercises/index.json`) into `out`, whose
/// `exercises/<pack>/` folders exist.
pub(crate) fn write(out: &Path, packs: &[PackEntry], options: &Options) -> Result<()> {
    let words = options.words;
    let title = match (options.title, packs) {
        (Some(title), _) => title.to_owned(),
        (None, [pack]) => pack.title.clone(),
        (None, _) => words.exercises.to_owned(),
    };
    let write =
        |path: &Path, html: String| fs::write(path, html).with_context(|| format!("cannot write {}", path.display()));
    for (name, page) in [
        ("index.html", index_page(&title, packs, options.demo, "", words)),
        (
            "exercise.html",
            index_page(&title, packs, options.demo, &old_address_script(words), words),
        ),
    ] {
        if !options.except.contains(&name) {
            write(&out.join(name), page)?;
        }
    }
    let all: Vec<(&PackEntry, &ExerciseEntry)> = packs
        .iter()
        .flat_map(|pack| pack.exercises.iter().map(move |exercise| (pack, exercise)))
        .collect();
    for (at, &(pack, exercise)) in all.iter().enumerate() {
        let previous = at.checked_sub(1).map(|before| all[before]);
        let next = all.get(at + 1).copied();
        let path = out
            .join("exercises")
            .join(&pack.id)
            .join(format!("{}.html", exercise.id));
        write(&path, exercise_page(&title, pack, exercise, (previous, next), words))?;
    }
    Ok(())
}

/// What the demo's index says first.
const DEMO_INTRO: &str =
    "<p>Python exercises that run and are graded entirely in your browser. No server runs your code.</p>\n";
/// The demo's link to its other pages.
const DEMO_LINKS: &str = "<p>Also see <a href=\"blog.html\">a blog post that embeds two exercises</a>, written the way any blogger would.</p>\n";

/// Shown only when the page was opened from a file: module scripts and workers do not load
/// from `file://` URLs, so the widget cannot start.
fn over_http(words: &Words) -> String {
    format!(
        "<p id=\"over-http\" class=\"notice\" hidden>{}</p>\n\
         <script>if (location.protocol === \"file:\") document.getElementById(\"over-http\").hidden = false;</script>\n",
        words.over_http
    )
}

/// The index's script: the learner's progress, from the widget's store in this browser, on the
/// list (each exercise solved or attempted, each pack's count), and buttons to export it to a
/// file and import it back. The list is not there when `exercise.html` shows an exercise.
const PROGRESS_SCRIPT: &str = r#"<script type="module">
  import { showProgress } from "./pykata.js";
  const packs = document.getElementById("packs");
  if (packs) showProgress(packs);
</script>
"#;

/// `exercise.html`'s script: `#<pack>/<exercise>` naming an exercise of the list shows it in
/// place of the list, with a link to its own page.
fn old_address_script(words: &Words) -> String {
    let quoted = |text: &str| serde_json::to_string(text).expect("a string serialises");
    OLD_ADDRESS_SCRIPT
        .replace("OWN_PAGE_BEFORE", &quoted(words.own_page.0))
        .replace("OWN_PAGE_AFTER", &quoted(words.own_page.1))
}

const OLD_ADDRESS_SCRIPT: &str = r##"<script>
  // exercise.html#<pack>/<exercise> is where earlier builds showed an exercise.
  addEventListener("hashchange", () => location.reload());
  {
    const page = `exercises/${location.hash.slice(1)}.html`;
    const link = [...document.querySelectorAll("#packs a")].find((a) => a.getAttribute("href") === page);
    if (location.hash && link) {
      const kata = document.createElement("py-kata");
      kata.setAttribute("src", page.replace(/\.html$/, ".json"));
      const moved = document.createElement("p");
      moved.append(OWN_PAGE_BEFORE, link.cloneNode(true), OWN_PAGE_AFTER);
      document.getElementById("packs").replaceWith(kata, moved);
      document.title = `${link.textContent} · ${document.title}`;
      import("./pykata.js");
    }
  }
</script>
"##;

/// The start of every page, up to `<body>`; `root` is the way up to the site's top folder.
fn head(title: &str, root: &str, widget: bool, words: &Words) -> String {
    let widget = if widget {
        format!("\n<script type=\"module\" src=\"{root}pykata.js\"></script>")
    } else {
        String::new()
    };
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
<link rel="stylesheet" href="{root}site.css">{widget}
<script>navigator.serviceWorker?.register("{root}pykata-sw.js");</script>
</head>
"#,
        title = escape(title),
        lang = words.lang,
    )
}

/// The list of packs and their exercises, or the index page with `script` at its end.
fn index_page(title: &str, packs: &[PackEntry], demo: bool, script: &str, words: &Words) -> String {
    let mut sections = String::new();
    for pack in packs {
        let description = pack
            .description
            .as_deref()
            .map(|d| format!("<p>{}</p>\n", escape(d)))
            .unwrap_or_default();
        let items: String = pack
            .exercises
            .iter()
            .map(|exercise| {
                format!(
                    "<li><a href=\"exercises/{}\">{}</a> <small>· {}</small></li>\n",
                    page_path(pack, exercise),
                    escape(&exercise.title),
                    words.difficulty(exercise.difficulty),
                )
            })
            .collect();
        sections.push_str(&format!(
            "<section>\n<h2>{}</h2>\n{description}<ol>\n{items}</ol>\n</section>\n",
            escape(&pack.title)
        ));
    }
    if packs.is_empty() {
        sections.push_str(&format!("<p>{}</p>\n", words.no_exercises));
    }
    let (intro, links) = if demo { (DEMO_INTRO, DEMO_LINKS) } else { ("", "") };
    format!(
        "{head}<body>\n<header>\n<h1><a href=\"./\">{title}</a></h1>\n{intro}</header>\n<main>\n{over_http}{links}\
         <nav id=\"packs\" aria-label=\"{packs_label}\">\n{sections}</nav>\n</main>\n{script}{PROGRESS_SCRIPT}</body>\n</html>\n",
        head = head(title, "", false, words),
        title = escape(title),
        over_http = over_http(words),
        packs_label = words.packs,
    )
}

/// One exercise's page, in `exercises/<pack>/`.
fn exercise_page(
    title: &str,
    pack: &PackEntry,
    exercise: &ExerciseEntry,
    (previous, next): (
        Option<(&PackEntry, &ExerciseEntry)>,
        Option<(&PackEntry, &ExerciseEntry)>,
    ),
    words: &Words,
) -> String {
    let neighbour = |rel: &str, label: &str, found: Option<(&PackEntry, &ExerciseEntry)>| {
        found.map_or_else(String::new, |(pack, exercise)| {
            let text = escape(&exercise.title);
            let text = if rel == "prev" {
                format!("← {label}: {text}")
            } else {
                format!("{label}: {text} →")
            };
            format!(
                "<a rel=\"{rel}\" href=\"../{}\">{text}</a>\n",
                page_path(pack, exercise)
            )
        })
    };
    format!(
        "{head}<body>\n<header>\n<h1><a href=\"../../\">{site}</a></h1>\n\
         <p><a href=\"../../\">← {all_exercises}</a> · {pack_title}</p>\n</header>\n<main>\n{over_http}\
         <py-kata src=\"{id}.json\">\n{prompt}<pre><code>{starter}</code></pre>\n</py-kata>\n\
         <nav class=\"pager\" aria-label=\"{pager}\">\n{previous}{next}</nav>\n</main>\n</body>\n</html>\n",
        head = head(&format!("{} · {title}", exercise.title), "../../", true, words),
        all_exercises = words.all_exercises,
        over_http = over_http(words),
        pager = words.pager,
        site = escape(title),
        pack_title = escape(&pack.title),
        id = segment(&exercise.id),
        prompt = exercise.prompt_html,
        starter = escape(&exercise.starter),
        previous = neighbour("prev", words.previous, previous),
        next = neighbour("next", words.next, next),
    )
}

/// `<pack>/<exercise>.html`, as a URL path below `exercises/`, escaped for an attribute.
fn page_path(pack: &PackEntry, exercise: &ExerciseEntry) -> String {
    escape(&format!("{}/{}.html", segment(&pack.id), segment(&exercise.id)))
}

/// `text` as one segment of a URL path: a pack's folder name may hold any character.
fn segment(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Text as HTML text or attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_name_becomes_one_url_segment() {
        assert_eq!(segment("my pack/é"), "my%20pack%2F%C3%A9");
        assert_eq!(segment("log-calls"), "log-calls");
    }
}
