//! Why a `pykata worker` died, told by its exit code rather than by what Rust writes on stderr.
//!
//! Both deaths the budgets explain end in `abort()`: an allocation the capped allocator refused
//! and Rust could not recover from (`handle_alloc_error`), and a native stack overflow (Rust's
//! own SIGSEGV handler finds the fault in a thread's guard page and aborts; a fault anywhere
//! else it hands back to the default action, which kills the process by SIGSEGV). The worker
//! catches SIGABRT and exits with a code that says which of the two it was: [`OUT_OF_MEMORY`]
//! when the allocator refused since the current request began, [`STACK_OVERFLOW`] when a
//! SIGSEGV reached Rust's handler first. Any other abort is passed on as it is, so the parent
//! sees a plain crash.

/// The exit code of a worker that aborted after the memory cap refused an allocation.
pub(crate) const OUT_OF_MEMORY: i32 = 86;
/// The exit code of a worker whose abort followed a fault Rust's handler took for a stack
/// overflow.
pub(crate) const STACK_OVERFLOW: i32 = 87;

#[cfg(unix)]
mod handlers {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Set when a SIGSEGV or SIGBUS reached Rust's handler.
    static FAULTED: AtomicBool = AtomicBool::new(false);
    /// The SIGSEGV and SIGBUS actions Rust's runtime installed, which [`on_fault`] hands on to.
    static RUST_FAULT_ACTIONS: OnceLock<[libc::sigaction; 2]> = OnceLock::new();

    const FAULTS: [libc::c_int; 2] = [libc::SIGSEGV, libc::SIGBUS];

    /// Only async-signal-safe work: atomics and `_exit`.
    extern "C" fn on_abort(_: libc::c_int) {
        let code = if FAULTED.load(Ordering::Relaxed) {
            super::STACK_OVERFLOW
        } else if crate::ALLOC.exhausted() {
            super::OUT_OF_MEMORY
        } else {
            // SAFETY: resetting a signal's action and raising it are async-signal-safe; the
            // process then dies by SIGABRT as it would have without this handler.
            unsafe {
                libc::signal(libc::SIGABRT, libc::SIG_DFL);
                libc::raise(libc::SIGABRT);
            }
            return;
        };
        // SAFETY: `_exit` is async-signal-safe and ends the process at once.
        unsafe { libc::_exit(code) }
    }

    /// Note the fault, then let Rust's handler decide what it is.
    extern "C" fn on_fault(signal: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
        FAULTED.store(true, Ordering::Relaxed);
        let index = usize::from(signal != libc::SIGSEGV);
        let previous = RUST_FAULT_ACTIONS.get().map(|actions| actions[index]);
        match previous {
            Some(action) if action.sa_flags & libc::SA_SIGINFO != 0 && action.sa_sigaction > libc::SIG_IGN => {
                // SAFETY: an `SA_SIGINFO` action's handler has this signature; it gets the
                // arguments this handler got.
                let handler: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                    unsafe { std::mem::transmute(action.sa_sigaction) };
                handler(signal, info, context);
            }
            // No handler of Rust's: the default action, when the fault recurs on return.
            // SAFETY: async-signal-safe.
            _ => unsafe {
                libc::signal(signal, libc::SIG_DFL);
            },
        }
    }

    /// Install the handlers; call once, before the engine thread starts.
    pub(crate) fn install() {
        // SAFETY: plain `sigaction` calls with zeroed, then filled, structures.
        unsafe {
            let mut previous: [libc::sigaction; 2] = std::mem::zeroed();
            for (signal, previous) in FAULTS.into_iter().zip(&mut previous) {
                libc::sigaction(signal, std::ptr::null(), previous);
            }
            if RUST_FAULT_ACTIONS.set(previous).is_ok() {
                for (signal, previous) in FAULTS.into_iter().zip(&previous) {
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction = on_fault
                        as extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void)
                        as libc::sighandler_t;
                    // On Rust's alternate signal stack, as its own handler runs.
                    action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                    action.sa_mask = previous.sa_mask;
                    libc::sigaction(signal, &action, std::ptr::null_mut());
                }
            }
            libc::signal(
                libc::SIGABRT,
                on_abort as extern "C" fn(libc::c_int) as libc::sighandler_t,
            );
        }
    }
}

#[cfg(unix)]
pub(crate) use handlers::install;

/// Elsewhere a worker's death is not told apart: it is a crash.
#[cfg(not(unix))]
pub(crate) fn install() {}
