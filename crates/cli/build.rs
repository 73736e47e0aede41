//! Embeds the web assets in the binary when `PYKATA_EMBED_ASSETS` names a folder holding them
//! (`./x` sets it to `www/build`), so a copied `pykata` needs nothing beside itself. Without
//! it the binary embeds nothing and takes `--assets` / `PYKATA_ASSETS` at run time.
use std::path::PathBuf;
use std::{env, fs};

include!("src/assets/files.rs");

fn main() {
    println!("cargo:rerun-if-env-changed=PYKATA_EMBED_ASSETS");
    let mut table = String::from("&[\n");
    if let Some(dir) = env::var_os("PYKATA_EMBED_ASSETS").filter(|dir| !dir.is_empty()) {
        let dir = fs::canonicalize(&dir)
            .unwrap_or_else(|e| panic!("PYKATA_EMBED_ASSETS={}: {e}", PathBuf::from(&dir).display()));
        for file in FILES {
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
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("embedded_assets.rs"), table).expect("OUT_DIR is writable");
}
