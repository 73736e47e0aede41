//! What the engine needs from the place it runs in: everything that differs between a native
//! process and a browser's wasm instance is asked of the [`Host`].

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
