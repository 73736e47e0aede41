//! Helpers shared by the CLI's test files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Run the `pykata` binary cargo built for these tests.
pub fn pykata(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pykata"))
        .args(args)
        .output()
        .expect("pykata runs")
}

/// A stand-in for the web assets (laid out as the npm package's dist/), small enough to
/// compress at once: the widget, its worker, the site's stylesheet and the engine; and a
/// folder with pykata's demo page.
pub fn fake_assets(root: &Path) -> PathBuf {
    let assets = root.join("assets");
    fs::create_dir_all(assets.join("pkg")).unwrap();
    for (file, text) in [
        ("pykata.js", "export {};"),
        ("pykata.js.map", "{}"),
        ("worker.js", "self.onmessage = () => {};"),
        ("engine-image.js", "export {};"),
        ("pykata-sw.js", "self.onfetch = () => {};"),
        ("pykata.d.ts", "export {};"),
        ("site.css", "body {}"),
        ("pkg/pykata_wasm.js", "export default {};"),
        ("pkg/pykata_wasm_bg.wasm", "\0asm"),
        ("pkg/pykata_wasm_bg.image", "PYKIMG1\n"),
    ] {
        fs::write(assets.join(file), text).unwrap();
    }
    fs::create_dir_all(root.join("demo-pages")).unwrap();
    fs::write(root.join("demo-pages/blog.html"), "<!doctype html>").unwrap();
    assets
}
