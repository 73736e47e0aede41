//! Two things cargo cannot see by itself:
//! - the Python half of the engine, frozen by `py_freeze!` from `python/`: rebuild when it changes;
//! - the frozen part of the standard library: the modules listed in `stdlib.txt` are copied
//!   from the rustpython-pylib crate into `$OUT_DIR/stdlib`, and `$OUT_DIR/frozen_stdlib.rs`
//!   freezes that folder (`py_freeze!` reads a folder relative to the file it is written in).

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=python");
    println!("cargo:rerun-if-changed=stdlib.txt");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let lib = Path::new(rustpython_pylib::LIB_PATH);
    let stdlib = out.join("stdlib");
    if stdlib.exists() {
        fs::remove_dir_all(&stdlib).expect("clear the previous stdlib copy");
    }
    let list = fs::read_to_string("stdlib.txt").expect("read stdlib.txt");
    for entry in list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let from = lib.join(entry);
        assert!(
            from.exists(),
            "stdlib.txt lists {entry}, which {} does not have",
            lib.display()
        );
        copy(&from, &stdlib.join(entry.trim_end_matches('/')));
    }
    fs::write(
        out.join("frozen_stdlib.rs"),
        "rustpython_vm::py_freeze!(dir = \"stdlib\")\n",
    )
    .expect("write frozen_stdlib.rs");
}

/// Copy a `.py` file, or a package folder's `.py` files recursively.
fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        for entry in fs::read_dir(from).expect("list a stdlib package") {
            let path = entry.expect("read a stdlib package entry").path();
            let name = path.file_name().expect("entries have names");
            if path.is_dir() || path.extension().is_some_and(|e| e == "py") {
                copy(&path, &to.join(name));
            }
        }
    } else {
        fs::create_dir_all(to.parent().expect("files have a folder")).expect("create a stdlib folder");
        fs::copy(from, to).expect("copy a stdlib module");
    }
}
