//! Where `build` and `serve` get the web assets ([`FILES`]): a folder given by `--assets` /
//! `PYKATA_ASSETS` (laid out as the npm package's `dist/`, so `node_modules/pykata/dist` is one),
//! else the copy embedded at build time. No path of the checkout is read at run time.

use anyhow::{Context, Result, bail};
use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/asset_files.rs"));

/// The assets `build.rs` embedded: every one of [`FILES`] with its bytes, or none.
const EMBEDDED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/embedded_assets.rs"));

/// The web assets a site is built with.
#[derive(Debug)]
pub(crate) enum Assets {
    /// A folder holding every one of [`FILES`].
    Folder(PathBuf),
    /// The copy in this binary.
    Embedded(&'static [(&'static str, &'static [u8])]),
}

impl Assets {
    /// The folder given if any, else the embedded copy; an error saying what to pass if neither.
    pub(crate) fn resolve(folder: Option<&Path>) -> Result<Self> {
        Self::resolve_with(folder, EMBEDDED)
    }

    fn resolve_with(folder: Option<&Path>, embedded: &'static [(&'static str, &'static [u8])]) -> Result<Self> {
        match folder {
            Some(folder) => {
                let missing: Vec<&str> = FILES.iter().copied().filter(|f| !folder.join(f).is_file()).collect();
                if !missing.is_empty() {
                    bail!(
                        "the assets folder {} lacks {}: give the dist/ folder of the npm package pykata \
                         (for example node_modules/pykata/dist after `npm install pykata`)",
                        folder.display(),
                        missing.join(", ")
                    );
                }
                check_version(folder)?;
                Ok(Self::Folder(folder.to_path_buf()))
            }
            None if embedded.is_empty() => bail!(
                "this pykata was built without its web assets (./x builds them in): pass --assets DIR \
                 or set PYKATA_ASSETS=DIR, where DIR is the dist/ folder of the npm package pykata \
                 (for example node_modules/pykata/dist after `npm install pykata`)"
            ),
            None => Ok(Self::Embedded(embedded)),
        }
    }

    /// Write every asset into `out`, keeping its path (`pkg/…` into `out/pkg`).
    pub(crate) fn write_to(&self, out: &Path) -> Result<()> {
        for file in FILES {
            let bytes: Cow<[u8]> = match self {
                Self::Folder(folder) => {
                    let path = folder.join(file);
                    Cow::Owned(fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?)
                }
                Self::Embedded(embedded) => Cow::Borrowed(
                    embedded
                        .iter()
                        .find(|(name, _)| name == file)
                        .map(|(_, bytes)| *bytes)
                        .with_context(|| format!("{file} is not embedded in this pykata"))?,
                ),
            };
            let target = out.join(file);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
            }
            fs::write(&target, bytes).with_context(|| format!("cannot write {}", target.display()))?;
        }
        Ok(())
    }
}

/// An npm package's `dist/` (its `package.json` one folder up names `pykata`) must be of this
/// pykata's version: the widget reads the exercise files this CLI writes.
fn check_version(folder: &Path) -> Result<()> {
    let Ok(text) = fs::read_to_string(folder.join("../package.json")) else {
        return Ok(());
    };
    let Ok(package) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Ok(());
    };
    let version = package["version"].as_str().unwrap_or_default();
    if package["name"] == "pykata" && version != env!("CARGO_PKG_VERSION") {
        bail!(
            "the assets in {} are pykata {version}, this pykata is {}: install the npm package \
             of the same version (npm install pykata@{})",
            folder.display(),
            env!("CARGO_PKG_VERSION"),
            env!("CARGO_PKG_VERSION")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_folder_or_an_embedded_copy_the_error_says_what_to_pass() {
        let error = Assets::resolve_with(None, &[]).unwrap_err().to_string();
        assert!(error.contains("--assets DIR"), "{error}");
        assert!(error.contains("PYKATA_ASSETS"), "{error}");
        assert!(error.contains("node_modules/pykata/dist"), "{error}");
    }

    #[test]
    fn a_folder_lacking_assets_is_named_with_what_it_lacks() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("pykata.js"), "").unwrap();
        let error = Assets::resolve_with(Some(dir.path()), &[]).unwrap_err().to_string();
        assert!(error.contains(&dir.path().display().to_string()), "{error}");
        assert!(error.contains("worker.js") && error.contains("pkg/pykata_wasm_bg.wasm"), "{error}");
        assert!(!error.contains("pykata.js,"), "pykata.js is there: {error}");
    }

    #[test]
    fn an_npm_package_of_another_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        for file in FILES {
            let path = dist.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        let package = |version: &str| format!(r#"{{"name": "pykata", "version": "{version}"}}"#);
        fs::write(dir.path().join("package.json"), package("0.0.1-other")).unwrap();
        let error = Assets::resolve_with(Some(&dist), &[]).unwrap_err().to_string();
        assert!(error.contains("pykata 0.0.1-other"), "{error}");
        assert!(error.contains(&format!("npm install pykata@{}", env!("CARGO_PKG_VERSION"))), "{error}");
        fs::write(dir.path().join("package.json"), package(env!("CARGO_PKG_VERSION"))).unwrap();
        assert!(Assets::resolve_with(Some(&dist), &[]).is_ok());
    }

    #[test]
    fn a_folder_wins_over_the_embedded_copy_and_is_written_out_whole() {
        let dir = tempfile::tempdir().unwrap();
        for file in FILES {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, file.as_bytes()).unwrap();
        }
        static ONE: [(&str, &[u8]); 1] = [("pykata.js", b"embedded")];
        let assets = Assets::resolve_with(Some(dir.path()), &ONE).unwrap();
        let out = tempfile::tempdir().unwrap();
        assets.write_to(out.path()).unwrap();
        for file in FILES {
            assert_eq!(fs::read_to_string(out.path().join(file)).unwrap(), *file);
        }
        assert!(matches!(Assets::resolve_with(None, &ONE).unwrap(), Assets::Embedded(_)));
    }
}
