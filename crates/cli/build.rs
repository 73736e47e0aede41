//! Writes the list of web assets (`www/widget/assets.json`, which the widget and the tests read
//! too) as Rust constants, and embeds the assets in the binary when `PYKATA_EMBED_ASSETS` names a
//! folder holding them (`./x` sets it to `www/build`), so a copied `pykata` needs nothing beside
//! itself. Without it the binary embeds nothing and takes `--assets` / `PYKATA_ASSETS` at run time.
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let files = asset_files(&out);
    println!("cargo:rerun-if-env-changed=PYKATA_EMBED_ASSETS");
    let mut table = String::from("&[\n");
    if let Some(dir) = env::var_os("PYKATA_EMBED_ASSETS").filter(|dir| !dir.is_empty()) {
        let dir = fs::canonicalize(&dir)
            .unwrap_or_else(|e| panic!("PYKATA_EMBED_ASSETS={}: {e}", PathBuf::from(&dir).display()));
        for file in &files {
            let path = dir.join(file);
            assert!(
                path.is_file(),
                "PYKATA_EMBED_ASSETS={}: {file} is missing (./x assembles the folder)",
                dir.display()
            );
            println!("cargo:rerun-if-changed={}", path.display());
            table += &format!("    ({file:?}, include_bytes!({:?})),\n", path.display().to_string());
        }
    }
    table += "]\n";
    fs::write(out.join("embedded_assets.rs"), table).expect("OUT_DIR is writable");
}

/// Read `www/widget/assets.json` and write `asset_files.rs` into `out`: `ENGINE` (what a page
/// loads to grade, at once or later), `WIDGET` (those and the files beside them) and `FILES`
/// (all), as the JSON groups them. Answers `FILES`.
fn asset_files(out: &Path) -> Vec<String> {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/widget/assets.json");
    println!("cargo:rerun-if-changed={}", list.display());
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&list).expect("www/widget/assets.json is readable"))
        .expect("www/widget/assets.json is JSON");
    let group = |name: &str| -> Vec<String> {
        json[name]
            .as_array()
            .unwrap_or_else(|| panic!("www/widget/assets.json has no list `{name}`"))
            .iter()
            .map(|file| file.as_str().expect("asset paths are strings").to_owned())
            .collect()
    };
    let (page, later, beside, site) = (group("page"), group("later"), group("beside"), group("site"));
    let engine = [page, later].concat();
    let widget = [engine.clone(), beside].concat();
    let files = [widget.clone(), site].concat();
    let constant = |doc: &str, name: &str, list: &[String]| format!("/// {doc}\npub const {name}: &[&str] = &{list:?};\n");
    let rust = [
        constant(
            "The files a page with a widget loads to grade, at once or once code needs them (pre-compressed in a built site).",
            "ENGINE",
            &engine,
        ),
        constant("The widget's files: `ENGINE` and the files beside them (source map, service worker, types).", "WIDGET", &widget),
        constant("Every web asset of a built site: the widget's files and the site's stylesheet.", "FILES", &files),
    ]
    .concat();
    fs::write(out.join("asset_files.rs"), rust).expect("OUT_DIR is writable");
    files
}
