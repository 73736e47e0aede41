//! One fresh Python interpreter with pykata's runner loaded, and the calls into it.

use crate::grade::EngineError;
use rustpython_vm::{Interpreter, PyObjectRef, PyResult, Settings, VirtualMachine, builtins::PyBaseExceptionRef};

/// A fresh interpreter: nothing a previous submission did can leak into it.
pub(crate) struct Session {
    runner: PyObjectRef,
    #[cfg(not(target_arch = "wasm32"))]
    watchdog: native::Watchdog,
    interpreter: Interpreter,
}

/// Render a Python exception with its traceback, for engine errors (never learner-facing).
fn describe(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> String {
    let mut text = String::new();
    let _ = vm.write_exception(&mut text, exc);
    text
}

impl Session {
    /// Start an interpreter with the standard library and pykata's runner imported.
    pub(crate) fn start() -> Result<Self, EngineError> {
        let builder = Interpreter::builder(Settings::default());
        let native_modules = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
        let builder = builder
            .add_native_modules(&native_modules)
            .add_frozen_modules(rustpython_pylib::FROZEN_STDLIB)
            .add_frozen_modules(rustpython_vm::py_freeze!(dir = "../python"));
        #[cfg(not(target_arch = "wasm32"))]
        let (builder, watchdog) = native::Watchdog::install(builder);
        let interpreter = builder.build();
        let runner = interpreter
            .enter(|vm| -> PyResult<PyObjectRef> {
                let runner = vm.import("_pykata_runner", 0)?;
                if cfg!(target_arch = "wasm32") {
                    runner.get_attr("install_host_clock", vm)?.call((), vm)?;
                }
                Ok(runner)
            })
            .map_err(|exc| EngineError::Startup(interpreter.enter(|vm| describe(vm, &exc))))?;
        Ok(Session {
            runner,
            #[cfg(not(target_arch = "wasm32"))]
            watchdog,
            interpreter,
        })
    }

    /// Call `function` of the runner with one string argument and return its string answer,
    /// interrupting the call once `budget_ms` has passed (natively; in a browser the worker is
    /// terminated from outside instead).
    pub(crate) fn call(
        &self,
        function: &'static str,
        argument: &str,
        budget_ms: Option<u64>,
    ) -> Result<String, EngineError> {
        #[cfg(not(target_arch = "wasm32"))]
        let _armed = budget_ms.map(|ms| self.watchdog.arm(std::time::Duration::from_millis(ms)));
        #[cfg(target_arch = "wasm32")]
        let _ = budget_ms;
        self.interpreter.enter(|vm| {
            let answer = self
                .runner
                .get_attr(function, vm)
                .and_then(|f| f.call((argument.to_owned(),), vm))
                .and_then(|value| value.try_into_value::<String>(vm));
            answer.map_err(|exc| EngineError::Runner(describe(vm, &exc)))
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    //! Time budgets for native hosts: a watchdog thread raises `BudgetExceeded` inside the
    //! running code through RustPython's user-signal channel.

    use rustpython_vm::InterpreterBuilder;
    use rustpython_vm::builtins::PyBaseException;
    use rustpython_vm::signal::{UserSignalSender, user_signal_channel};
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

    pub(super) struct Watchdog {
        signals: UserSignalSender,
        generation: Arc<Generation>,
    }

    impl Watchdog {
        pub(super) fn install(builder: InterpreterBuilder) -> (InterpreterBuilder, Watchdog) {
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
        pub(super) fn arm(&self, budget: Duration) -> Armed {
            let generation = Arc::clone(&self.generation);
            let armed_as = generation.bump();
            let signals = self.signals.clone();
            std::thread::spawn(move || {
                let mut wait = budget;
                while generation.still_after(armed_as, wait) {
                    let current = Arc::clone(&generation);
                    let sent = signals.send(Box::new(move |vm| {
                        if !current.is(armed_as) {
                            return Ok(());
                        }
                        let class = vm.import("_pykata_runner", 0)?.get_attr("BudgetExceeded", vm)?;
                        let exc = class.call((), vm)?;
                        Err(exc
                            .downcast::<PyBaseException>()
                            .map_err(|_| vm.new_runtime_error("bad budget exception"))?)
                    }));
                    if sent.is_err() {
                        return;
                    }
                    wait = RESEND_EVERY;
                }
            });
            Armed {
                generation: Arc::clone(&self.generation),
            }
        }
    }

    /// A running budget; dropping it disarms the watchdog.
    pub(super) struct Armed {
        generation: Arc<Generation>,
    }

    impl Drop for Armed {
        fn drop(&mut self) {
            self.generation.bump();
        }
    }
}
