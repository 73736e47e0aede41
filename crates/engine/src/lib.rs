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
mod watchdog;

pub use grade::{Budgets, Engine, EngineError, budget_message, submission_budget_ms};
pub use host::{Deadline, Host};
#[cfg(not(target_arch = "wasm32"))]
pub use host::SystemHost;
pub use memory::{CappedAllocator, MEMORY_LIMIT_BYTES, RETIRE_ABOVE_BYTES};
pub use message::{Message, MessageKey};
pub use report::{Budget, Report, RunOutput, Status, TestResult};
