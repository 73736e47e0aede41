//! `pykata serve`: a live preview for authors. Builds pages (Markdown and HTML with exercises
//! written in them) and packs into a temporary folder, serves it on 127.0.0.1, rebuilds what
//! changed on every save, and tells open pages to reload; problems show in the terminal and,
//! as an overlay, in the pages.

mod http;
mod page;

use crate::assets::Assets;
use crate::build::words::{Language, Words};
use crate::build::{self, PackEntry};
use crate::report_diagnostics;
use anyhow::{Context, Result, bail};
use pykata_engine::{Engine, SystemHost};
use pykata_pack::{Diagnostic, Severity, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How often the sources' modification times are compared.
const POLL: Duration = Duration::from_millis(200);
/// Files below a pack path that are watched at most (a guard against serving `/`).
const MAX_WATCHED: usize = 20_000;

/// What a file looked like: modification time and length.
type Stamp = (Option<SystemTime>, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.modified().ok(), meta.len()))
}

/// A page given on the command line, and what serving it produced.
struct PageSource {
    path: PathBuf,
    markdown: bool,
    /// The served file's name at the top of the folder (`post.md` → `post.html`).
    name: String,
    stamp: Option<Stamp>,
    diagnostics: Vec<Diagnostic>,
}

/// A pack folder or folder of packs given on the command line.
struct PackSource {
    path: PathBuf,
    stamps: BTreeMap<PathBuf, Stamp>,
    packs: Vec<BuiltPack>,
    /// Problems finding the packs (a lone exercise, an unreadable folder).
    diagnostics: Vec<Diagnostic>,
}

/// One pack and its last good build (kept while the pack is broken).
struct BuiltPack {
    dir: PathBuf,
    /// The folder below `exercises/` its last good build was written to.
    id: Option<String>,
    entry: Option<PackEntry>,
    diagnostics: Vec<Diagnostic>,
}

enum Source {
    Page(PageSource),
    Packs(PackSource),
}

impl Source {
    fn path(&self) -> &Path {
        match self {
            Source::Page(page) => &page.path,
            Source::Packs(packs) => &packs.path,
        }
    }

    fn diagnostics(&self) -> Vec<&Diagnostic> {
        match self {
            Source::Page(page) => page.diagnostics.iter().collect(),
            Source::Packs(source) => source
                .diagnostics
                .iter()
                .chain(source.packs.iter().flat_map(|p| &p.diagnostics))
                .collect(),
        }
    }
}

/// The temporary folder being served and everything built into it.
struct Site {
    out: PathBuf,
    sources: Vec<Source>,
    engine: Engine<SystemHost>,
    words: &'static Words,
}

pub(crate) fn run(paths: &[PathBuf], port: u16, language: Language, assets: &Assets) -> Result<ExitCode> {
    // First, so a Ctrl-C during the first build still removes the folder.
    signals::install();
    let mut sources = classify(paths)?;
    let listener = http::bind(port)?;
    let folder = tempfile::Builder::new()
        .prefix("pykata-serve-")
        .tempdir()
        .context("cannot create a temporary folder to build into")?;
    let out = folder.path().to_path_buf();
    let has_packs = sources.iter().any(|s| matches!(s, Source::Packs(_)));
    // The engine and widget are copied once; only pages and packs are rebuilt on a change.
    assets.write_to(&out)?;
    if has_packs {
        fs::create_dir_all(out.join("exercises"))?;
    }
    let pages: Vec<&str> = sources
        .iter()
        .filter_map(|s| match s {
            Source::Page(page) => Some(page.name.as_str()),
            Source::Packs(_) => None,
        })
        .collect();
    if !has_packs && !pages.contains(&"index.html") {
        fs::write(out.join("index.html"), page::listing(&pages))?;
    }
    for source in &mut sources {
        if let Source::Packs(packs) = source {
            packs.stamps = walk(&packs.path);
        }
        if let Source::Page(page) = source {
            page.stamp = stamp(&page.path);
        }
    }
    let mut site = Site {
        out: out.clone(),
        sources,
        engine: Engine::new(SystemHost::default()),
        words: language.words(),
    };
    eprintln!("pykata serve: building into {}", out.display());
    for index in 0..site.sources.len() {
        site.rebuild(index, None);
    }
    site.write_index()?;
    let shared = Arc::new(http::Shared::new(site.problems()));
    let fallbacks = site
        .sources
        .iter()
        .filter_map(|s| match s {
            Source::Page(page) => page
                .path
                .parent()
                .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p }),
            Source::Packs(_) => None,
        })
        .map(Path::to_path_buf)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let server = http::Server::start(listener, out.clone(), fallbacks, Arc::clone(&shared));
    let base = format!("http://127.0.0.1:{}/", server.port());
    println!("pykata serve: {base}");
    for source in &site.sources {
        if let Source::Page(page) = source {
            println!("  {base}{}  ({})", page.name, page.path.display());
        }
    }
    eprintln!("watching {} path(s); Ctrl-C to stop", site.sources.len());
    while !signals::stop_requested() {
        std::thread::sleep(POLL);
        let mut rebuilt = false;
        for index in 0..site.sources.len() {
            if let Some(changed) = site.poll(index) {
                site.rebuild(index, Some(&changed));
                rebuilt = true;
            }
        }
        if rebuilt {
            if let Err(error) = site.write_index() {
                eprintln!("error: {error:#}");
            }
            shared.publish(site.problems());
        }
    }
    server.stop();
    drop(site);
    folder.close().context("cannot remove the temporary folder")?;
    eprintln!("pykata serve: stopped");
    Ok(ExitCode::SUCCESS)
}

/// Sort the command line into pages and pack paths, and name each page's served file.
fn classify(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    let mut names = BTreeSet::new();
    for path in paths {
        if path.is_dir() {
            // As `pykata build` takes them: a lone exercise is an error from the start.
            build::pack_dirs(path, "serve")?;
            sources.push(Source::Packs(PackSource {
                path: path.clone(),
                stamps: BTreeMap::new(),
                packs: Vec::new(),
                diagnostics: Vec::new(),
            }));
            continue;
        }
        if !path.is_file() {
            bail!("{}: no such file or folder", path.display());
        }
        let extension = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let markdown = match extension.as_str() {
            "md" | "markdown" => true,
            "html" | "htm" => false,
            _ => bail!(
                "{}: serve takes Markdown (.md, .markdown) and HTML pages, pack folders and folders of packs",
                path.display()
            ),
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let mut name = format!("{stem}.html");
        let mut n = 2;
        while !names.insert(name.clone()) {
            name = format!("{stem}-{n}.html");
            n += 1;
        }
        sources.push(Source::Page(PageSource {
            path: path.clone(),
            markdown,
            name,
            stamp: None,
            diagnostics: Vec::new(),
        }));
    }
    Ok(sources)
}

/// Every file below `dir` with its stamp, skipping hidden files and folders (`.git`, editors'
/// swap files) and backups (`name~`).
fn walk(dir: &Path) -> BTreeMap<PathBuf, Stamp> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || name.ends_with('~') {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(path),
                Ok(_) => {
                    if found.len() >= MAX_WATCHED {
                        return found;
                    }
                    if let Some(stamp) = stamp(&path) {
                        found.insert(path, stamp);
                    }
                }
                Err(_) => {}
            }
        }
    }
    found
}

/// The files that differ between two walks: changed, added or removed.
fn differences(before: &BTreeMap<PathBuf, Stamp>, after: &BTreeMap<PathBuf, Stamp>) -> BTreeSet<PathBuf> {
    let changed = after.iter().filter(|(path, stamp)| before.get(*path) != Some(stamp));
    let removed = before.keys().filter(|path| !after.contains_key(*path));
    changed.map(|(path, _)| path).chain(removed).cloned().collect()
}

impl Site {
    /// The files of source `index` changed since the last look, once they have stopped
    /// changing (an editor may write a file in more than one step), or `None`.
    fn poll(&mut self, index: usize) -> Option<BTreeSet<PathBuf>> {
        match &mut self.sources[index] {
            Source::Page(page) => {
                let mut now = stamp(&page.path);
                if now == page.stamp {
                    return None;
                }
                for _ in 0..10 {
                    std::thread::sleep(Duration::from_millis(30));
                    let again = stamp(&page.path);
                    if again == now {
                        break;
                    }
                    now = again;
                }
                page.stamp = now;
                Some(BTreeSet::from([page.path.clone()]))
            }
            Source::Packs(packs) => {
                let mut now = walk(&packs.path);
                let mut changed = differences(&packs.stamps, &now);
                if changed.is_empty() {
                    return None;
                }
                for _ in 0..10 {
                    std::thread::sleep(Duration::from_millis(30));
                    let again = walk(&packs.path);
                    let more = differences(&now, &again);
                    if more.is_empty() {
                        break;
                    }
                    changed.extend(more);
                    now = again;
                }
                packs.stamps = now;
                Some(changed)
            }
        }
    }

    /// Rebuild source `index` (only the packs holding a `changed` file, if given), then print
    /// its problems.
    fn rebuild(&mut self, index: usize, changed: Option<&BTreeSet<PathBuf>>) {
        let mut rebuilt = match &mut self.sources[index] {
            Source::Page(source) => {
                build_page(source, &self.out);
                vec![source.path.clone()]
            }
            Source::Packs(source) => rebuild_packs(source, changed, &self.out, &self.engine),
        };
        let source = &self.sources[index];
        let diagnostics: Vec<Diagnostic> = match source {
            Source::Page(_) => source.diagnostics().into_iter().cloned().collect(),
            Source::Packs(packs) => packs
                .diagnostics
                .iter()
                .chain(
                    packs
                        .packs
                        .iter()
                        .filter(|p| rebuilt.contains(&p.dir))
                        .flat_map(|p| &p.diagnostics),
                )
                .cloned()
                .collect(),
        };
        report_diagnostics(&diagnostics);
        let count = |severity| diagnostics.iter().filter(|d| d.severity == severity).count();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let summary = match (count(Severity::Error), count(Severity::Warning)) {
            (0, 0) => "ok".to_owned(),
            (errors, 0) => plural(errors, "error"),
            (0, warnings) => plural(warnings, "warning"),
            (errors, warnings) => format!("{}, {}", plural(errors, "error"), plural(warnings, "warning")),
        };
        if rebuilt.is_empty() {
            rebuilt.push(source.path().to_path_buf());
        }
        let names: Vec<String> = rebuilt.iter().map(|p| p.display().to_string()).collect();
        eprintln!("built {}: {summary}", names.join(", "));
    }

    /// Rewrite `exercises/index.json` and the site's pages from every pack source's last good
    /// builds.
    fn write_index(&self) -> Result<()> {
        if !self.sources.iter().any(|s| matches!(s, Source::Packs(_))) {
            return Ok(());
        }
        let entries = self
            .sources
            .iter()
            .filter_map(|s| match s {
                Source::Packs(packs) => Some(packs.packs.iter().filter_map(|p| p.entry.clone())),
                Source::Page(_) => None,
            })
            .flatten()
            .collect();
        let index = build::write_index(entries, &self.out)?;
        let pages: Vec<&str> = self
            .sources
            .iter()
            .filter_map(|s| match s {
                Source::Page(page) => Some(page.name.as_str()),
                Source::Packs(_) => None,
            })
            .collect();
        let options = build::site::Options {
            title: None,
            demo: false,
            except: &pages,
            words: self.words,
        };
        build::site::write(&self.out, index.packs(), &options)?;
        Ok(())
    }

    /// Every current problem, for the pages' overlay.
    fn problems(&self) -> Vec<http::Problem> {
        self.sources
            .iter()
            .flat_map(Source::diagnostics)
            .map(|d| http::Problem {
                severity: d.severity,
                text: d.to_string(),
            })
            .collect()
    }
}

/// Validate the page (for its diagnostics) and write its served HTML; a page that cannot be
/// read keeps its last build.
fn build_page(source: &mut PageSource, out: &Path) {
    source.diagnostics = pykata_pack::load_page(&source.path).diagnostics;
    let text = match fs::read(&source.path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => {
            if source.diagnostics.is_empty() {
                source.diagnostics.push(Diagnostic::error(
                    format!("cannot read the page: {error}"),
                    Span::file(&source.path),
                ));
            }
            return;
        }
    };
    let html = if source.markdown {
        let fallback = source
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        page::markdown_page(&text, &fallback)
    } else {
        page::with_widget_script(&text)
    };
    if let Err(error) = write_atomically(&out.join(&source.name), html.as_bytes()) {
        source.diagnostics.push(Diagnostic::error(
            format!("cannot write the built page: {error:#}"),
            Span::file(&source.path),
        ));
    }
}

/// Replace `file` in one step, so a request never reads half a page.
fn write_atomically(file: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    fs::write(&partial, bytes)?;
    fs::rename(&partial, file)?;
    Ok(())
}

/// Find the packs of `source` again and rebuild those that are new or hold a changed file
/// (all, if `changed` is `None`); drop the outputs of packs that went away. Returns the
/// folders of the packs rebuilt or dropped.
fn rebuild_packs(
    source: &mut PackSource,
    changed: Option<&BTreeSet<PathBuf>>,
    out: &Path,
    engine: &Engine<SystemHost>,
) -> Vec<PathBuf> {
    let mut rebuilt = Vec::new();
    let dirs = match build::pack_dirs(&source.path, "serve") {
        Ok(dirs) => {
            source.diagnostics.clear();
            dirs
        }
        Err(error) => {
            source.diagnostics = vec![Diagnostic::error(format!("{error:#}"), Span::file(&source.path))];
            return rebuilt;
        }
    };
    let mut previous: HashMap<PathBuf, BuiltPack> = source.packs.drain(..).map(|p| (p.dir.clone(), p)).collect();
    for dir in dirs {
        let old = previous.remove(&dir);
        let touched = old.is_none() || changed.is_none_or(|files| files.iter().any(|f| f.starts_with(&dir)));
        let pack = match old {
            Some(pack) if !touched => pack,
            old => {
                rebuilt.push(dir.clone());
                build_pack(dir, old, out, engine)
            }
        };
        source.packs.push(pack);
    }
    for gone in previous.into_values() {
        rebuilt.push(gone.dir.clone());
        if let Some(id) = gone.id {
            let _ = fs::remove_dir_all(out.join("exercises").join(id));
        }
    }
    rebuilt
}

/// Load and write one pack, as `pykata build` does; a broken pack keeps its last good build.
fn build_pack(dir: PathBuf, old: Option<BuiltPack>, out: &Path, engine: &Engine<SystemHost>) -> BuiltPack {
    let loaded = pykata_pack::load_pack(&dir);
    let mut built = old.unwrap_or(BuiltPack {
        dir,
        id: None,
        entry: None,
        diagnostics: Vec::new(),
    });
    built.diagnostics = loaded.diagnostics;
    let Some(pack) = loaded.value else { return built };
    // An exercise removed or renamed since the last build must not stay behind.
    if let Some(id) = built.id.take() {
        let _ = fs::remove_dir_all(out.join("exercises").join(id));
    }
    built.entry = None;
    match build::write_pack(&pack, out, engine, &indicatif::ProgressBar::hidden()) {
        Ok(entry) => {
            built.id = Some(pack.id.clone());
            built.entry = Some(entry);
        }
        Err(error) => built
            .diagnostics
            .push(Diagnostic::error(format!("{error:#}"), Span::file(&built.dir))),
    }
    built
}

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) ask the serve loop to stop, so it
/// can remove its folder; a second one ends the process at once.
#[cfg(unix)]
mod signals {
    use std::sync::atomic::{AtomicBool, Ordering};

    static STOP: AtomicBool = AtomicBool::new(false);

    extern "C" fn on_signal(_: libc::c_int) {
        // Only async-signal-safe work here: an atomic store, or `_exit`.
        if STOP.swap(true, Ordering::SeqCst) {
            unsafe { libc::_exit(130) };
        }
    }

    pub(super) fn install() {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only touches an atomic or calls `_exit`, both signal-safe.
        unsafe {
            libc::signal(libc::SIGINT, handler);
            libc::signal(libc::SIGTERM, handler);
            libc::signal(libc::SIGHUP, handler);
        }
    }

    pub(super) fn stop_requested() -> bool {
        STOP.load(Ordering::SeqCst)
    }
}

#[cfg(not(unix))]
mod signals {
    pub(super) fn install() {}

    pub(super) fn stop_requested() -> bool {
        false
    }
}
