//! Helpers shared by the engine's test files.

/// Run `work` on a thread with a large stack, as the CLI's grading threads do: Python's
/// recursion limit, not the native stack, must be what stops deep recursion.
pub fn on_big_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(work)
        .expect("spawn")
        .join()
        .expect("grading thread")
}
