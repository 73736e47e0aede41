//! One fresh Python interpreter with pykata's runner loaded, and the calls into it.

use crate::grade::EngineError;
use crate::guard;
use crate::host::{Deadline, Event, Host};
use crate::stdlib::{self, StandardLibrary};
use crate::watchdog::Watchdog;
use rustpython_vm::frozen::{FrozenLib, FrozenModule};
use rustpython_vm::builtins::{PyBaseExceptionRef, PyStrRef};
use rustpython_vm::{Interpreter, PyObjectRef, PyResult, Settings, VirtualMachine};
use std::rc::Rc;

/// How deep Python code may recurse, the same on every host so a submission is graded alike in
/// the CLI and in a browser. In a browser, recursion through native code (`__repr__` calling
/// `repr`, `__hash__` hashing a tuple holding itself) uses the JavaScript engine's stack: in
/// Chromium's workers `hash((self,))` recursion overflowed it below a limit of 250, while at
/// 200 fourteen such patterns all end in a clean `RecursionError` (measured with
/// `tests/browser`'s recursion test and a probe of the patterns).
pub(crate) const RECURSION_LIMIT: usize = 200;

/// How long a reset may take natively: it runs the finalizers of what the submission left
/// behind, which are learner code. Past it the interpreter is discarded.
const RESET_BUDGET_MS: u64 = 1000;

/// What a runner call answered.
pub(crate) struct Answer {
    /// The runner's JSON answer; `None` if the time budget's interruption reached pykata's own
    /// code before it could answer.
    pub(crate) json: Option<String>,
    /// True if the call ran out of its time budget (whatever the runner then answered).
    pub(crate) timed_out: bool,
}

impl Answer {
    /// The JSON answer of a call that had no time budget.
    pub(crate) fn json(self) -> Result<String, EngineError> {
        self.json
            .ok_or_else(|| EngineError::Runner("interrupted without a time budget".to_owned()))
    }
}

/// An interpreter with pykata's runner loaded. It starts fresh; after a submission,
/// [`Session::reset`] puts back what the submission changed, so the engine can grade the next
/// one without the cost of a new interpreter (about 100 ms natively, 200–300 ms in wasm).
pub(crate) struct Session {
    runner: PyObjectRef,
    /// The collector's thresholds at start, put back by [`Session::reset`].
    gc_thresholds: (u32, u32, u32),
    /// What interrupts a call past its budget, on a host that stops calls from inside.
    watchdog: Option<Watchdog>,
    /// Always `Some` until the session is dropped, which finalizes it.
    interpreter: Option<Interpreter>,
}

/// Render a Python exception with its traceback, for engine errors (never learner-facing).
fn describe(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> String {
    let mut text = String::new();
    let _ = vm.write_exception(&mut text, exc);
    text
}

/// A frozen library `build.rs` wrote to be built in (pykata's Python half, and the standard
/// library's modules the interpreter imports while it initialises): its modules, for the
/// interpreter builder.
fn frozen(bytes: &'static [u8]) -> impl Iterator<Item = (&'static str, FrozenModule)> {
    FrozenLib::from_ref(bytes).into_iter()
}

impl Session {
    /// Start an interpreter with pykata's runner imported, for `host`, which hears what a Run's
    /// program writes as it writes it ([`Event::Output`]); its standard library is `library`.
    pub(crate) fn start<H: Host + 'static>(host: &Rc<H>, library: &Rc<StandardLibrary<H>>) -> Result<Self, EngineError> {
        let builder = Interpreter::builder(Settings::default());
        let mut native_modules = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
        // RustPython builds `_socket` for wasm32 only, with sockets that cannot work there:
        // every host gets pykata's stand-in (`python/_socket.py`) instead, the same everywhere.
        native_modules.retain(|def| def.name.as_str() != "_socket");
        native_modules.push(guard::gc_module_def(&builder.ctx));
        let builder = builder
            .add_native_modules(&native_modules)
            .add_frozen_modules(frozen(include_bytes!(concat!(env!("OUT_DIR"), "/startup.frozen"))))
            .add_frozen_modules(frozen(include_bytes!(concat!(env!("OUT_DIR"), "/pykata.frozen"))));
        let (builder, watchdog) = match host.deadline() {
            Deadline::Watchdog => {
                let (builder, watchdog) = Watchdog::install(builder);
                (builder, Some(watchdog))
            }
            Deadline::FromOutside => (builder, None),
        };
        let python_clocks_trap = host.python_clocks_trap();
        let interpreter = builder.build();
        let runner = interpreter
            .enter(|vm| -> PyResult<PyObjectRef> {
                // The standard library's importer first: the runner imports from it.
                let code_library = Rc::clone(library);
                let code = vm.new_function("code", move |name: PyStrRef, vm: &VirtualMachine| {
                    code_library.code(vm, &name.to_string_lossy())
                });
                let find = vm.new_function("find", |name: PyStrRef| stdlib::find(&name.to_string_lossy()));
                vm.import("_pykata_stdlib", 0)?.get_attr("install", vm)?.call((find, code), vm)?;
                let runner = vm.import("_pykata_runner", 0)?;
                // RustPython keeps a native function's closure for good: this one holds only a
                // reference to the host, once per interpreter.
                let output_host = Rc::clone(host);
                let emit_output = vm.new_function("emit_output", move |stream: PyStrRef, text: PyStrRef| {
                    output_host.event(&Event::Output {
                        stream: &stream.to_string_lossy(),
                        text: &text.to_string_lossy(),
                    });
                });
                guard::install(vm)?;
                let private_modules = vm.ctx.new_tuple(
                    guard::PRIVATE_MODULES
                        .iter()
                        .map(|name| vm.ctx.new_str(*name).into())
                        .collect(),
                );
                runner.get_attr("start", vm)?.call(
                    (
                        guard::helpers(vm),
                        python_clocks_trap,
                        RECURSION_LIMIT,
                        guard::CHECK_FILE,
                        private_modules,
                        emit_output,
                    ),
                    vm,
                )?;
                // What exists now outlives every submission: collections skip it.
                vm.state.gc.freeze();
                Ok(runner)
            })
            .map_err(|exc| EngineError::Startup(interpreter.enter(|vm| describe(vm, &exc))))?;
        let gc_thresholds = interpreter.enter(|vm| vm.state.gc.get_threshold());
        Ok(Session {
            runner,
            gc_thresholds,
            watchdog,
            interpreter: Some(interpreter),
        })
    }

    /// Call `function` of the runner with one string argument and return its string answer,
    /// interrupting the call once `budget_ms` has passed (with a watchdog; where the host stops
    /// calls from outside, as a browser terminates the worker, the budget is the host's).
    pub(crate) fn call(
        &self,
        function: &'static str,
        argument: &str,
        budget_ms: Option<u64>,
    ) -> Result<Answer, EngineError> {
        let armed = (self.watchdog.as_ref())
            .zip(budget_ms)
            .map(|(watchdog, ms)| watchdog.arm(std::time::Duration::from_millis(ms)));
        let json = self.interpreter().enter(|vm| {
            let answer = self
                .runner
                .get_attr(function, vm)
                .and_then(|f| f.call((argument.to_owned(),), vm))
                .and_then(|value| value.try_into_value::<String>(vm));
            answer.map_err(|exc| EngineError::Runner(describe(vm, &exc)))
        });
        let timed_out = armed.is_some_and(|armed| armed.fired());
        match json {
            Ok(json) => Ok(Answer {
                json: Some(json),
                timed_out,
            }),
            // The interruption landed in pykata's own code after the learner's: the budget ran
            // out all the same. (The next call puts back whatever it left half done.)
            Err(_) if timed_out => Ok(Answer { json: None, timed_out }),
            Err(error) => Err(error),
        }
    }
}

impl Session {
    /// Put back everything the guards snapshot before learner code ran (modules, builtins,
    /// `sys`, the containers trusted modules hold) and the recursion limit. True if the
    /// interpreter is now fit for another submission; false if learner code changed something
    /// that cannot be put back (a class of the standard library), so it must be discarded.
    /// The collector is switched back on with its thresholds at start, and what survived is
    /// frozen out of its sight.
    pub(crate) fn reset(&self) -> Result<bool, EngineError> {
        let clean = serde_json::from_str(&self.call("reset", "", Some(RESET_BUDGET_MS))?.json()?)?;
        let (first, second, third) = self.gc_thresholds;
        self.interpreter().enter(|vm| {
            vm.state.gc.enable();
            vm.state.gc.set_threshold(first, Some(second), Some(third));
            // What survived the reset is pykata's (and the modules it trusts): frozen, so the
            // next reset's collection looks only at what the next submission makes.
            vm.state.gc.freeze();
        });
        Ok(clean)
    }

    /// Import what the runner otherwise imports on first need (what describes an exception),
    /// and freeze it with the rest of what every submission finds.
    pub(crate) fn preload(&self) -> Result<(), EngineError> {
        self.call("preload", "", None)?.json()?;
        self.interpreter().enter(|vm| vm.state.gc.freeze());
        Ok(())
    }

    fn interpreter(&self) -> &Interpreter {
        self.interpreter.as_ref().expect("a live session has its interpreter")
    }
}

impl Drop for Session {
    /// Finalize the interpreter: collect its reference cycles and clear its modules. Merely
    /// dropping it leaves every module and object of the session in memory (measured: about
    /// 9 MiB per grade in wasm), which the memory budget would soon count against learners.
    fn drop(&mut self) {
        if let Some(interpreter) = self.interpreter.take() {
            // Learner code may have registered `atexit` handlers: they must not run outside
            // every budget, after the grade.
            interpreter.enter(|vm| vm.state.atexit_funcs.lock().clear());
            interpreter.finalize(None);
        }
    }
}
