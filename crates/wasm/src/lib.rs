//! A thin `wasm-bindgen` facade over `pykata-engine`: one exported class, serde in and out.

use pykata_engine::{Engine, Host};
use pykata_pack::Exercise;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The browser host: JavaScript's clock.
#[derive(Default)]
struct JsHost;

impl Host for JsHost {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
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

/// Grades and runs Python in the page (or, better, in a worker).
#[wasm_bindgen]
pub struct PyKata {
    engine: Engine<JsHost>,
}

#[wasm_bindgen]
impl PyKata {
    #[wasm_bindgen(constructor)]
    pub fn new() -> PyKata {
        PyKata {
            engine: Engine::new(JsHost),
        }
    }

    /// Grade `source` against `exercise` (an exercise JSON object as `pykata build` writes it);
    /// returns the report object.
    pub fn grade(&self, exercise: JsValue, source: &str) -> Result<JsValue, JsError> {
        let exercise: Exercise = serde_wasm_bindgen::from_value(exercise).map_err(js_error)?;
        to_js(&self.engine.grade(&exercise.manifest, source).map_err(js_error)?)
    }

    /// Run `source` as a program with `stdin`; returns `{stdout, stderr, truncated, error, line, budget}`.
    pub fn run(&self, source: &str, stdin: &str, limit_ms: u32) -> Result<JsValue, JsError> {
        to_js(&self.engine.run(source, stdin, u64::from(limit_ms)).map_err(js_error)?)
    }
}

impl Default for PyKata {
    fn default() -> Self {
        Self::new()
    }
}
