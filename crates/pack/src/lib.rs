//! The pykata exercise and pack model.
//!
//! An exercise is a folder (`exercise.toml`, `prompt.md`, `starter.py`, `solution.py`,
//! `wrong/*.py`); a pack is a folder of exercises plus `pack.toml`. This crate reads and
//! validates those folders into typed structs, reporting every problem as a [`Diagnostic`]
//! with file, line, column and field. It has no interpreter dependency.

// Diagnostics are returned by value on error paths only, where their size does not matter.
#![allow(clippy::result_large_err)]

mod diagnostic;
mod load;
mod model;
mod toml_spans;

pub use diagnostic::{Diagnostic, Severity, Span};
pub use load::{Loaded, MAX_FILE_BYTES, Target, discover, load_exercise, load_pack, read_text};
pub use model::{
    Check, CheckKind, Construct, Difficulty, Exercise, Manifest, MatchMode, Pack, PackManifest, WrongSolution,
};

/// The JSON Schemas of `exercise.toml` and `pack.toml` (file name, schema), so editors such as
/// Taplo can validate and complete them while authoring.
#[cfg(feature = "schema")]
pub fn json_schemas() -> [(&'static str, String); 2] {
    let render = |schema: schemars::Schema| serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n";
    [
        ("exercise.schema.json", render(schemars::schema_for!(Manifest))),
        ("pack.schema.json", render(schemars::schema_for!(PackManifest))),
    ]
}
