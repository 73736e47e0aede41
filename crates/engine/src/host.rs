//! What the engine needs from the place it runs in: everything that differs between a native
//! process and a browser's wasm instance is asked of the [`Host`].

use crate::report::TestResult;
use serde::Serialize;
use std::borrow::Cow;

/// What the engine tells its host while a call is still running (see [`Host::event`]): the
/// browser's worker posts each to the page at once, so a Run's output shows as it is printed
/// and the page can time each check of a Check.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event<'a> {
    /// A Run's program wrote `text` to `stream` (`stdout` or `stderr`; what the output limit
    /// keeps, and the input it read, echoed as a terminal shows it).
    Output { stream: &'a str, text: &'a str },
    /// Check `index` (of the manifest's checks) starts, with `budget_ms` to run in, of the
    /// `left_ms` the submission has left: a host that stops code from outside stops the check
    /// once `budget_ms` has passed, and resumes grading after it with `left_ms`
    /// ([`crate::Engine::grade_resumed`]).
    CheckStarted { index: usize, budget_ms: u64, left_ms: u64 },
    /// Check `index` ended after `duration_ms`, with its results (several for a unittest check).
    CheckFinished {
        index: usize,
        duration_ms: f64,
        tests: &'a [TestResult],
    },
}

/// How a host stops Python code that runs past its time budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// The engine times each call: a watchdog thread interrupts the running code (needs
    /// threads: native hosts).
    Watchdog,
    /// The host stops runaway code from outside (a browser terminates the worker), so the
    /// engine does not time calls.
    FromOutside,
}

/// Host services for the engine. Native code uses [`SystemHost`]; the wasm facade supplies
/// one backed by JavaScript.
pub trait Host {
    /// Milliseconds on a clock that never goes backwards, from an arbitrary start.
    fn now_ms(&self) -> f64;

    /// How code past its time budget is stopped.
    fn deadline(&self) -> Deadline;

    /// True where Python's `time.perf_counter`, `time.monotonic` and `time.sleep` trap (wasm32
    /// without an operating system): the runner then replaces them with functions built on
    /// `time.time()`, the host's clock.
    fn python_clocks_trap(&self) -> bool {
        false
    }

    /// The frozen standard library's file (`stdlib.rs`), asked for the first time Python imports
    /// one of its modules, then kept until [`crate::Engine::release_standard_library`]. The
    /// default is the copy built into native binaries; the wasm module has none, so its host
    /// fetches the file.
    fn standard_library(&self) -> Result<Cow<'static, [u8]>, String> {
        crate::stdlib::built_in()
    }

    /// Hear what happens while a call runs; the default ignores it.
    fn event(&self, _event: &Event<'_>) {}
}

/// The host of a native process: the system's monotonic clock and a watchdog thread. (Not on
/// wasm32, where `std::time::Instant` and threads are unavailable.)
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
pub struct SystemHost {
    start: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for SystemHost {
    fn default() -> Self {
        SystemHost {
            start: std::time::Instant::now(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Host for SystemHost {
    fn now_ms(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1000.0
    }

    fn deadline(&self) -> Deadline {
        Deadline::Watchdog
    }
}
