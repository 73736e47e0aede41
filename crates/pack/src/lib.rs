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
pub use load::{Loaded, MAX_FILE_BYTES, Target, discover, load_exercise, load_pack};
pub use model::{
    Check, CheckKind, Construct, Difficulty, Exercise, Manifest, MatchMode, Pack, PackManifest, WrongSolution,
};
