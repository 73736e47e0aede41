//! Time budgets on hosts that have threads ([`crate::Deadline::Watchdog`]): a watchdog thread
//! raises `KeyboardInterrupt` inside the running code through RustPython's user-signal
//! channel, and remembers that it did, so a learner who catches it still gets a time-budget
//! result.

use rustpython_vm::InterpreterBuilder;
use rustpython_vm::signal::{UserSignalSender, user_signal_channel};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How often an unheeded budget signal is sent again (learner code may catch it).
const RESEND_EVERY: Duration = Duration::from_millis(50);

/// A counter bumped on every arm and disarm: a timer or signal acts only while the
/// generation it was armed for is current.
#[derive(Default)]
struct Generation {
    value: Mutex<u64>,
    changed: Condvar,
}

impl Generation {
    fn bump(&self) -> u64 {
        let mut value = self.value.lock().unwrap_or_else(|e| e.into_inner());
        *value += 1;
        self.changed.notify_all();
        *value
    }

    fn is(&self, armed_as: u64) -> bool {
        *self.value.lock().unwrap_or_else(|e| e.into_inner()) == armed_as
    }

    /// Wait up to `timeout` for the generation to move on; true if it is still `armed_as`.
    fn still_after(&self, armed_as: u64, timeout: Duration) -> bool {
        let value = self.value.lock().unwrap_or_else(|e| e.into_inner());
        let (value, _) = self
            .changed
            .wait_timeout_while(value, timeout, |v| *v == armed_as)
            .unwrap_or_else(|e| e.into_inner());
        *value == armed_as
    }
}

pub(crate) struct Watchdog {
    signals: UserSignalSender,
    generation: Arc<Generation>,
}

impl Watchdog {
    pub(crate) fn install(builder: InterpreterBuilder) -> (InterpreterBuilder, Watchdog) {
        let (signals, receiver) = user_signal_channel();
        let builder = builder.init_hook(move |vm| vm.set_user_signal_channel(receiver));
        (
            builder,
            Watchdog {
                signals,
                generation: Arc::default(),
            },
        )
    }

    /// Start timing a call; dropping the returned guard stops the clock.
    pub(crate) fn arm(&self, budget: Duration) -> Armed {
        let generation = Arc::clone(&self.generation);
        let armed_as = generation.bump();
        let signals = self.signals.clone();
        let fired = Arc::new(AtomicBool::new(false));
        let fired_by_watchdog = Arc::clone(&fired);
        std::thread::spawn(move || {
            let mut wait = budget;
            while generation.still_after(armed_as, wait) {
                let current = Arc::clone(&generation);
                let fired = Arc::clone(&fired_by_watchdog);
                let sent = signals.send(Box::new(move |vm| {
                    if !current.is(armed_as) {
                        return Ok(());
                    }
                    fired.store(true, Ordering::Relaxed);
                    Err(vm.new_exception_msg(
                        vm.ctx.exceptions.keyboard_interrupt.to_owned(),
                        "pykata: out of time".into(),
                    ))
                }));
                if sent.is_err() {
                    return;
                }
                wait = RESEND_EVERY;
            }
        });
        Armed {
            generation: Arc::clone(&self.generation),
            fired,
        }
    }
}

/// A running budget; dropping it disarms the watchdog.
pub(crate) struct Armed {
    generation: Arc<Generation>,
    fired: Arc<AtomicBool>,
}

impl Armed {
    /// True if the budget ran out and the running code was interrupted.
    pub(crate) fn fired(&self) -> bool {
        self.fired.load(Ordering::Relaxed)
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        self.generation.bump();
    }
}
