/// The web assets of a built site, as paths in an assets folder laid out like the npm package's
/// `dist/`: the widget, its worker and service worker, their types, the site's stylesheet and the
/// wasm engine with its pre-started image. Read by `build.rs` (to embed them) and by `assets.rs` (to copy them).
pub const FILES: &[&str] = &[
    "pykata.js",
    "pykata.js.map",
    "worker.js",
    "engine-image.js",
    "pykata-sw.js",
    "pykata.d.ts",
    "site.css",
    "pkg/pykata_wasm.js",
    "pkg/pykata_wasm_bg.wasm",
    "pkg/pykata_wasm_bg.image",
];
