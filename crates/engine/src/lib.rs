//! pykata's grading engine: runs Python with RustPython and grades a submission against an
//! exercise's checks, producing an Exercism-style (test-runner v3) [`Report`].
//!
//! The same code runs natively (CLI, `cargo test`) and in WebAssembly (the browser worker);
//! what differs between hosts sits behind [`Host`].

mod grade;
mod guard;
mod host;
mod memory;
mod message;
mod report;
mod session;
mod stdlib;
mod watchdog;

pub use grade::{
    Budgets, Engine, EngineError, PROGRAM_FILE, Resume, Validation, budget_message, learner_file, submission_budget_ms,
};
pub use host::{Deadline, Event, Host};
#[cfg(not(target_arch = "wasm32"))]
pub use host::SystemHost;
pub use memory::{CappedAllocator, MEMORY_LIMIT_BYTES, RETIRE_ABOVE_BYTES};
pub use message::{Message, MessageKey};
pub use report::{Budget, Report, RunOutput, Status, TestResult};
#[cfg(not(target_arch = "wasm32"))]
pub use stdlib::STANDARD_LIBRARY;
pub use stdlib::standard_library_modules;

/// The JSON Schema of what the engine answers a host (file name, schema): a grading
/// [`Report`], a Run's [`RunOutput`] and a [`Validation`], each with every type it holds under
/// `$defs`, as the engine writes them (the serialising side: a field serde may skip is
/// optional, an `Option` it always writes is required and may be null). The widget's
/// TypeScript declarations are generated from it (`www/make-types.mjs`).
#[cfg(feature = "schema")]
pub fn json_schema() -> (&'static str, String) {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let answers = [
        generator.subschema_for::<Report>(),
        generator.subschema_for::<RunOutput>(),
        generator.subschema_for::<Validation>(),
    ];
    let mut schema = schemars::json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pykata engine answer",
        "description": "What pykata's engine answers a host: a Report (grading), a RunOutput (a Run) or a Validation (validateExercise).",
        "anyOf": answers,
    });
    let mut defs = generator.take_definitions(true);
    // Each message key carries its English template (`x-english`), so that hosts wording the
    // engine's messages in other languages can check their translations against it.
    let keys = defs.get_mut("MessageKey").and_then(|key| key["oneOf"].as_array_mut());
    for variant in keys.expect("MessageKey is an enum of strings") {
        let key: MessageKey = serde_json::from_value(variant["const"].clone()).expect("a message key");
        variant["x-english"] = key.english().into();
    }
    schema.insert("$defs".to_owned(), defs.into());
    let text = serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n";
    ("engine.schema.json", text)
}
