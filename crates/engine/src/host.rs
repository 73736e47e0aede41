//! What the engine needs from the place it runs in.

/// Host services for the engine. Native code uses [`SystemHost`]; the wasm facade supplies
/// one backed by JavaScript.
pub trait Host {
    /// Milliseconds on a clock that never goes backwards, from an arbitrary start.
    fn now_ms(&self) -> f64;
}

/// The host of a native process: the system's monotonic clock.
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
}
