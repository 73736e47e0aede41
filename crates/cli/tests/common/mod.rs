//! Helpers shared by the CLI's test files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The web assets as www/widget/assets.json lists them (written by the CLI's build.rs).
#[allow(dead_code)] // the tests need only `FILES`
mod assets {
    include!(concat!(env!("OUT_DIR"), "/asset_files.rs"));
}
use assets::FILES;

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
    for file in FILES {
        let text = match file.rsplit('.').next() {
            Some("wasm") => "\0asm",
            Some("image") => "PYKIMG1\n",
            Some("css") => "body {}",
            Some("map") => "{}",
            _ => "export {};",
        };
        fs::write(assets.join(file), text).unwrap();
    }
    fs::create_dir_all(root.join("demo-pages")).unwrap();
    fs::write(root.join("demo-pages/blog.html"), "<!doctype html>").unwrap();
    assets
}
