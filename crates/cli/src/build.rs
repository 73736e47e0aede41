//! `pykata build`: a static site of the packs given (an index, one page per exercise), the web
//! assets and one JSON file per exercise.

pub(crate) mod site;
pub(crate) mod words;

use crate::assets::Assets;
use crate::report_diagnostics;
use anyhow::{Context, Result, bail};
use pykata_engine::{Engine, SystemHost};
use pykata_pack::{Pack, Target};
use serde::Serialize;
use sha2::Digest;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The index of a built folder: `exercises/index.json`.
#[derive(Serialize)]
pub(crate) struct Index {
    packs: Vec<PackEntry>,
}

impl Index {
    pub(crate) fn packs(&self) -> &[PackEntry] {
        &self.packs
    }
}

/// One pack in the index.
#[derive(Clone, Serialize)]
pub(crate) struct PackEntry {
    id: String,
    title: String,
    description: Option<String>,
    exercises: Vec<ExerciseEntry>,
}

#[derive(Clone, Serialize)]
struct ExerciseEntry {
    id: String,
    title: String,
    topic: String,
    difficulty: pykata_pack::Difficulty,
    /// Path of the exercise's JSON, relative to the built folder.
    src: String,
    /// The prompt as HTML and the starter code, for its page's readers without JavaScript.
    #[serde(skip)]
    prompt_html: String,
    #[serde(skip)]
    starter: String,
}

/// Build the packs below `paths` into `out`: the site's pages (titled `title`, by default the
/// one pack's title; their own words in `language`), the web assets and, given `demo_pages`
/// (the folder holding them), pykata's demo pages.
pub(crate) fn run(
    paths: &[PathBuf],
    out: &Path,
    assets: &Assets,
    title: Option<&str>,
    language: words::Language,
    demo_pages: Option<&Path>,
) -> Result<ExitCode> {
    let mut packs = Vec::new();
    let mut diagnostics = Vec::new();
    for path in paths {
        for dir in pack_dirs(path, "build")? {
            let loaded = pykata_pack::load_pack(&dir);
            diagnostics.extend(loaded.diagnostics);
            packs.extend(loaded.value);
        }
    }
    if report_diagnostics(&diagnostics) {
        return Ok(ExitCode::from(2));
    }
    copy_assets(assets, out, demo_pages)?;
    let engine = Engine::new(SystemHost::default());
    let total: usize = packs.iter().map(|p| p.exercises.len()).sum();
    let progress = indicatif::ProgressBar::new(total as u64).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} exercises built").expect("valid template"),
    );
    let entries = packs
        .iter()
        .map(|pack| write_pack(pack, out, &engine, &progress))
        .collect::<Result<_>>()?;
    progress.finish_and_clear();
    let index = write_index(entries, out)?;
    site::write(
        out,
        &index.packs,
        &site::Options {
            title,
            demo: demo_pages.is_some(),
            except: &[],
            words: language.words(),
        },
    )?;
    let count: usize = index.packs.iter().map(|p| p.exercises.len()).sum();
    eprintln!(
        "built {} packs, {count} exercises into {}",
        index.packs.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The pack folders at or below `path`; a lone exercise (no pack) is an error for `command`.
pub(crate) fn pack_dirs(path: &Path, command: &str) -> Result<Vec<PathBuf>> {
    pykata_pack::discover(path)
        .map_err(|d| anyhow::anyhow!("{d}"))?
        .into_iter()
        .map(|target| match target {
            Target::Pack(dir) => Ok(dir),
            Target::Exercise(_) => bail!(
                "{}: {command} takes packs (folders with pack.toml), not lone exercises",
                path.display()
            ),
        })
        .collect()
}

/// Write `exercises/index.json`, listing `packs` in order.
pub(crate) fn write_index(packs: Vec<PackEntry>, out: &Path) -> Result<Index> {
    let index = Index { packs };
    fs::write(out.join("exercises/index.json"), serde_json::to_string_pretty(&index)?)?;
    Ok(index)
}

/// Write `exercises/<pack>/<exercise>.json` for every exercise of `pack` (prompt rendered,
/// hidden outputs digested), and return its entry in the index.
pub(crate) fn write_pack(
    pack: &Pack,
    out: &Path,
    engine: &Engine<SystemHost>,
    progress: &indicatif::ProgressBar,
) -> Result<PackEntry> {
    let dir = out.join("exercises").join(&pack.id);
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut exercises = Vec::new();
    for exercise in &pack.exercises {
        let mut built = exercise.clone();
        let prompt_html = pykata_pack::render_markdown(&exercise.prompt);
        built.prompt_html = Some(prompt_html.clone());
        engine
            .digest_hidden_outputs(&mut built.manifest)
            .with_context(|| format!("cannot digest the hidden checks of {}", exercise.dir.display()))?;
        let id = &exercise.manifest.id;
        fs::write(dir.join(format!("{id}.json")), serde_json::to_string(&built)?)?;
        exercises.push(ExerciseEntry {
            id: id.clone(),
            title: exercise.manifest.title.clone(),
            topic: exercise.manifest.topic.clone(),
            difficulty: exercise.manifest.difficulty,
            src: format!("exercises/{}/{id}.json", pack.id),
            prompt_html,
            starter: exercise.starter.clone(),
        });
        progress.inc(1);
    }
    Ok(PackEntry {
        id: pack.id.clone(),
        title: pack.manifest.title.clone(),
        description: pack.manifest.description.clone(),
        exercises,
    })
}

/// pykata's demo pages, copied only for the demo (`--with-demo www/site`).
pub(crate) const DEMO_PAGES: [&str; 1] = ["blog.html"];

/// Write the web assets and the demo pages from `demo_pages` if given into `out`; then
/// pre-compress the big assets.
fn copy_assets(assets: &Assets, out: &Path, demo_pages: Option<&Path>) -> Result<()> {
    assets.write_to(out)?;
    for page in demo_pages.into_iter().flat_map(|dir| DEMO_PAGES.map(|page| dir.join(page))) {
        let name = page.file_name().expect("demo pages are files");
        fs::copy(&page, out.join(name)).with_context(|| format!("cannot copy {}", page.display()))?;
    }
    // The files pages load to grade, beside themselves as `.br` and `.gz` for hosts that serve
    // pre-compressed files (see docs/embedding.md).
    for asset in crate::assets::ENGINE {
        precompress(&out.join(asset))?;
    }
    Ok(())
}

/// Write `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside `file`. Brotli at
/// its best takes minutes for the engine, so results are kept in a cache keyed by the content's
/// SHA-256 (`$XDG_CACHE_HOME/pykata/compressed`, or `~/.cache/pykata/compressed`).
fn precompress(file: &Path) -> Result<()> {
    let bytes = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let key: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    for (suffix, compress) in [(".br", brotli_best as fn(&[u8]) -> Result<Vec<u8>>), (".gz", gzip_best)] {
        let mut twin = file.as_os_str().to_owned();
        twin.push(suffix);
        let cached = compressed_cache().map(|dir| dir.join(format!("{key}{suffix}")));
        let packed = match cached.as_deref().map(fs::read) {
            Some(Ok(packed)) => packed,
            _ => {
                let packed = compress(&bytes)?;
                if let Some(cached) = &cached {
                    // A cache that cannot be written only makes the next build slower.
                    let _ = fs::create_dir_all(cached.parent().expect("cache files have a folder"))
                        .and_then(|()| fs::write(cached, &packed));
                }
                packed
            }
        };
        fs::write(PathBuf::from(twin), packed)?;
    }
    Ok(())
}

fn compressed_cache() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("pykata/compressed"))
}

fn brotli_best(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut packed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut packed, &params)?;
    Ok(packed)
}

fn gzip_best(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes)?;
    Ok(gzip.finish()?)
}
