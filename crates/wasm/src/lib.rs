//! A thin `wasm-bindgen` facade over `pykata-engine`: one exported class, serde in and out.

use pykata_engine::{
    CappedAllocator, Deadline, Engine, Event, Host, MEMORY_LIMIT_BYTES, PROGRAM_FILE, RETIRE_ABOVE_BYTES, Resume,
    Validation, learner_file,
};
use pykata_pack::{Exercise, ModuleCode, parse_exercise_json, parse_exercise_text};
use serde::Serialize;
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;
use wasm_bindgen::prelude::*;

/// The memory budget: an allocation past it fails, so a memory bomb ends quickly with a
/// `MemoryError` or a trap (see [`PyKata::memory_exhausted`]) instead of growing the page's memory.
#[global_allocator]
static ALLOCATOR: CappedAllocator = CappedAllocator::new(MEMORY_LIMIT_BYTES);

/// The browser host: JavaScript's clock; the page stops runaway code; the engine's events go
/// to the callback of the call under way (never kept between calls, so the instance's memory
/// image holds no JavaScript value).
#[derive(Default)]
struct JsHost {
    on_event: RefCell<Option<js_sys::Function>>,
}

impl JsHost {
    /// Run `call` with `on_event` (a function, or undefined) hearing the engine's events.
    fn hearing<T>(&self, on_event: JsValue, call: impl FnOnce() -> T) -> T {
        *self.on_event.borrow_mut() = on_event.dyn_into().ok();
        let result = call();
        self.on_event.borrow_mut().take();
        result
    }
}

impl Host for JsHost {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    /// No threads for a watchdog: the page terminates a worker whose call runs too long.
    fn deadline(&self) -> Deadline {
        Deadline::FromOutside
    }

    fn python_clocks_trap(&self) -> bool {
        true
    }

    fn standard_library(&self) -> Result<Cow<'static, [u8]>, String> {
        let bytes = load_standard_library().map_err(|error| {
            (error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "globalThis.pykataStandardLibrary failed".to_owned())
        })?;
        Ok(Cow::Owned(bytes.to_vec()))
    }

    fn event(&self, event: &Event<'_>) {
        let on_event = self.on_event.borrow();
        if let (Some(on_event), Ok(value)) = (on_event.as_ref(), to_js(event)) {
            // What the listener does with it (or throws) is the page's business.
            let _ = on_event.call1(&JsValue::NULL, &value);
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The host's loader of the engine's standard library (`pkg/pykata_stdlib.bin` beside the
    /// wasm module): a function on the global object answering the file's bytes synchronously
    /// (the browser's worker reads it with a synchronous request, Node from disk). Looked up
    /// when called, so the engine holds no JavaScript value.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = pykataStandardLibrary)]
    fn load_standard_library() -> Result<js_sys::Uint8Array, JsValue>;
}

/// Turn any displayable error into a JavaScript `Error`.
fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Validate an exercise with the same rules as `pykata check`, before anything grades it.
/// `format` is `toml` (an exercise text: a Markdown fence, `<script type="application/toml">`),
/// `json` (the inline HTML form, built by the widget) or `built` (a file `pykata build`
/// wrote); `name` says where it is written, for the diagnostics. Returns a `Validation`
/// (`{exercise, diagnostics, budgets: {check_ms, run_ms}}`).
#[wasm_bindgen(js_name = validateExercise)]
pub fn validate_exercise(format: &str, text: &str, name: &str) -> Result<JsValue, JsError> {
    let file = Path::new(name);
    let loaded = match format {
        "toml" => parse_exercise_text(file, text),
        "json" | "built" => parse_exercise_json(file, text, format == "built"),
        other => return Err(JsError::new(&format!("unknown exercise format `{other}`"))),
    };
    to_js(&Validation::of(loaded))
}

thread_local! {
    /// The instance's one engine. It lives in a static rather than in the `PyKata` object, so
    /// an image of the instance's memory taken once Python has started (see
    /// [`PyKata::prepare_image`]) carries the started interpreter to a fresh instance.
    static ENGINE: Engine<JsHost> = Engine::new(JsHost::default());
}

/// Run `call` with the instance's engine and a fresh memory budget.
fn with_engine<T>(call: impl FnOnce(&Engine<JsHost>) -> T) -> T {
    ALLOCATOR.reset();
    ENGINE.with(call)
}

/// Grades and runs Python in the page (or, better, in a worker). Every `PyKata` of one wasm
/// instance shares the instance's engine.
#[wasm_bindgen]
#[derive(Default)]
pub struct PyKata;

#[wasm_bindgen]
impl PyKata {
    #[wasm_bindgen(constructor)]
    pub fn new() -> PyKata {
        PyKata
    }

    /// Start the Python interpreter now (the first grade or run otherwise starts it), so a
    /// host can do it while the learner is still reading.
    pub fn prepare(&self) -> Result<(), JsError> {
        with_engine(|engine| engine.prepare()).map_err(js_error)
    }

    /// Start the interpreter if need be, and import what a first Check that raises would
    /// otherwise wait for (see `Engine::preload`); for a host with nothing else to do.
    pub fn preload(&self) -> Result<(), JsError> {
        with_engine(|engine| engine.preload()).map_err(js_error)
    }

    /// True once the interpreter has started (by `prepare`, a first grade or run, or a
    /// restored memory image) and is idle.
    #[wasm_bindgen(js_name = isWarm)]
    pub fn is_warm(&self) -> bool {
        ENGINE.with(Engine::is_warm)
    }

    /// Start the interpreter as `prepare` does, zeroing the memory freed on the way, for a build
    /// step that then copies the instance's memory as the engine's pre-started image
    /// (`www/widget/engine-image.js`). Call it on a fresh instance only. (What `preload`
    /// imports is left out: it would add about 580 KB brotli to the image, for a head start
    /// the worker gets once idle anyway. So is the standard library's file, which the worker
    /// fetches once code needs a module the image has not imported.)
    #[wasm_bindgen(js_name = prepareImage)]
    pub fn prepare_image(&self) -> Result<(), JsError> {
        ALLOCATOR.zero_freed(true);
        let started = with_engine(|engine| {
            let started = engine.prepare();
            engine.release_standard_library();
            started
        });
        ALLOCATOR.zero_freed(false);
        started.map_err(js_error)
    }

    /// Grade `source` against `exercise` (an exercise JSON object as `pykata build` writes it);
    /// returns the report object. With `resume` (`{tests, hung, left_ms}`, from the events of a
    /// grading the page stopped when check `hung` ran out of its budget), grade the checks after
    /// that one (the engine's `grade_resumed`). `on_event` (optional) is called with each of the
    /// engine's events while it grades: `{type: "check_started", index, budget_ms, left_ms}`,
    /// `{type: "check_finished", index, duration_ms, tests}`.
    pub fn grade(&self, exercise: JsValue, source: &str, resume: JsValue, on_event: JsValue) -> Result<JsValue, JsError> {
        let exercise: Exercise = serde_wasm_bindgen::from_value(exercise).map_err(js_error)?;
        let resume: Option<Resume> = if resume.is_undefined() || resume.is_null() {
            None
        } else {
            Some(serde_wasm_bindgen::from_value(resume).map_err(js_error)?)
        };
        let report = with_engine(|engine| {
            engine
                .host()
                .hearing(on_event, || engine.grade_resumed(&exercise.manifest, source, resume))
        });
        to_js(&report.map_err(js_error)?)
    }

    /// Run `source` as a program with `stdin`, with the exercise's helper modules (its
    /// manifest's `module_code`, or undefined), its file named after `exercise_id` (or
    /// `main.py` without one); returns `{stdout, stderr, truncated, error, line, budget}`.
    /// `on_event` (optional) is called with `{type: "output", stream, text}` as the program
    /// writes.
    pub fn run(
        &self,
        source: &str,
        stdin: &str,
        limit_ms: u32,
        modules: JsValue,
        exercise_id: Option<String>,
        on_event: JsValue,
    ) -> Result<JsValue, JsError> {
        let file = exercise_id.as_deref().map_or_else(|| PROGRAM_FILE.to_owned(), learner_file);
        let modules: Vec<ModuleCode> = if modules.is_undefined() || modules.is_null() {
            Vec::new()
        } else {
            serde_wasm_bindgen::from_value(modules).map_err(js_error)?
        };
        let output = with_engine(|engine| {
            engine.host().hearing(on_event, || {
                engine.run_with_modules(source, stdin, u64::from(limit_ms), &modules, &file)
            })
        });
        to_js(&output.map_err(js_error)?)
    }

    /// After a call threw (the instance is then unusable): true if the memory budget was the
    /// reason, i.e. an allocation was refused during that call.
    #[wasm_bindgen(js_name = memoryExhausted)]
    pub fn memory_exhausted() -> bool {
        ALLOCATOR.exhausted()
    }

    /// Bytes the engine holds now.
    #[wasm_bindgen(js_name = memoryInUse)]
    pub fn memory_in_use() -> usize {
        ALLOCATOR.in_use()
    }

    /// True once the engine holds more than [`RETIRE_ABOVE_BYTES`]: the host should replace this
    /// instance with a fresh one when it is idle.
    #[wasm_bindgen(js_name = shouldRetire)]
    pub fn should_retire() -> bool {
        ALLOCATOR.in_use() > RETIRE_ABOVE_BYTES
    }
}
