//! The pykata exercise and pack model.
//!
//! An exercise is a folder (`exercise.toml`, `prompt.md`, `starter.py`, `solution.py`,
//! `wrong/*.py`) or one self-contained TOML text in a page; a pack is a folder of exercises
//! plus `pack.toml`. This crate reads and validates them into typed structs, reporting every
//! problem as a [`Diagnostic`] with file, line, column and field. Validation works on strings
//! (`validate.rs`), so the browser runs the same rules as the CLI. No interpreter dependency.

// Diagnostics are returned by value on error paths only, where their size does not matter.
#![allow(clippy::result_large_err)]

mod diagnostic;
mod load;
mod markdown;
mod model;
mod names;
mod page;
mod python_names;
mod text;
mod toml_spans;
mod validate;

pub use diagnostic::{Diagnostic, Severity, Span};
pub use load::{Loaded, MAX_FILE_BYTES, Target, discover, load_exercise, load_pack, read_text};
pub use markdown::render_markdown;
pub use model::{
    Check, CheckKind, Construct, Difficulty, Exercise, Manifest, MatchMode, ModuleCode, Origin, Pack, PackManifest,
    WrongSolution,
};
pub use page::{FENCE_INFO, load_page};
pub use text::{parse_exercise_json, parse_exercise_text};

/// The JSON Schemas of `exercise.toml`, `pack.toml` and an exercise text (file name, schema),
/// so editors such as Taplo can validate and complete them while authoring.
///
/// `expected_sha256` is left out of a check's fields there: only `pykata build` writes it (the
/// validator refuses it from authors), so an editor flags it like any unknown field.
#[cfg(feature = "schema")]
pub fn json_schemas() -> [(&'static str, String); 3] {
    let render = |mut schema: schemars::Schema| {
        if let Some(check) = schema
            .get_mut("$defs")
            .and_then(|defs| defs.get_mut("Check"))
            .and_then(|check| check.get_mut("properties"))
            .and_then(serde_json::Value::as_object_mut)
        {
            check.remove("expected_sha256");
        }
        serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n"
    };
    [
        ("exercise.schema.json", render(schemars::schema_for!(Manifest))),
        ("pack.schema.json", render(schemars::schema_for!(PackManifest))),
        (
            "exercise-text.schema.json",
            render(schemars::schema_for!(text::ExerciseText)),
        ),
    ]
}
