//! What the engine tells its host while a call runs ([`Event`]): a Run's output as it is
//! written, and each check as it starts and finishes — enough for a host that stops a hanging
//! check from outside to resume grading after it with the report a watchdog would have given.

mod common;

use common::on_big_stack;
use pykata_engine::{Deadline, Engine, Event, Host, Report, Resume, SystemHost, TestResult};
use pykata_pack::Manifest;
use serde_json::Value;
use std::cell::RefCell;

/// The native host, recording every event as JSON.
#[derive(Default)]
struct Recording {
    system: SystemHost,
    events: RefCell<Vec<Value>>,
}

impl Host for Recording {
    fn now_ms(&self) -> f64 {
        self.system.now_ms()
    }

    fn deadline(&self) -> Deadline {
        self.system.deadline()
    }

    fn event(&self, event: &Event<'_>) {
        self.events.borrow_mut().push(serde_json::to_value(event).expect("events serialise"));
    }
}

fn events(engine: &Engine<Recording>) -> Vec<Value> {
    engine.host().events.take()
}

#[test]
fn a_run_reports_its_output_as_written_with_input_echoed() {
    let engine = Engine::new(Recording::default());
    let source = "import sys\nname = input('Name? ')\nprint('Hi', name)\nprint('oops', file=sys.stderr)\n";
    let output = engine.run(source, "Ada\n", 5000).expect("engine works");
    assert_eq!(output.stdout, "Name? Ada\nHi Ada\n");
    let heard = events(&engine);
    let streamed = |stream: &str| -> String {
        heard
            .iter()
            .filter(|e| e["type"] == "output" && e["stream"] == stream)
            .map(|e| e["text"].as_str().expect("text"))
            .collect()
    };
    assert_eq!(streamed("stdout"), output.stdout);
    assert_eq!(streamed("stderr"), output.stderr);
}

#[test]
fn a_check_grades_the_same_resumed_after_a_hang_as_interrupted_by_the_watchdog() {
    on_big_stack(|| {
        let manifest: Manifest = toml::from_str(
            r#"
id = "t"
title = "T"
topic = "test"
difficulty = "easy"
hints = []
time_limit_ms = 1000

[[checks]]
id = "one"
kind = "assert"
title = "One"
message = "Doubles."
code = "assert double(1) == 2"

[[checks]]
id = "two"
kind = "assert"
title = "Two"
message = "Doubles."
code = "assert double(2) == 4"

[[checks]]
id = "three"
kind = "assert"
title = "Three"
message = "Doubles."
code = "assert double(3) == 6"

[[checks]]
id = "four"
kind = "assert"
title = "Four"
message = "Doubles."
code = "assert double(4) == 8"
"#,
        )
        .expect("manifest");
        let source = "def double(x):\n    while x == 2:\n        pass\n    return 0 if x == 4 else 2 * x\n";
        let engine = Engine::new(Recording::default());
        let interrupted = engine.grade(&manifest, source).expect("engine works");
        let heard = events(&engine);
        let kinds: Vec<(&str, u64)> = heard
            .iter()
            .map(|e| (e["type"].as_str().unwrap(), e["index"].as_u64().unwrap()))
            .collect();
        assert_eq!(
            kinds,
            [0, 1, 2, 3]
                .iter()
                .flat_map(|&i| [("check_started", i), ("check_finished", i)])
                .collect::<Vec<_>>()
        );
        // What a browser heard before it stopped check "two": check "one"'s results, and
        // the time left when "two" started.
        let tests: Vec<TestResult> = serde_json::from_value(heard[1]["tests"].clone()).expect("results");
        let left_ms = heard[2]["left_ms"].as_u64().expect("left_ms");
        assert_eq!(heard[2]["budget_ms"], 1000);
        let resumed = engine
            .grade_resumed(&manifest, source, Some(Resume { tests, hung: 1, left_ms }))
            .expect("engine works");
        let outcome = |report: &Report| {
            report
                .tests
                .iter()
                .map(|t| (t.check_id.clone(), t.status, t.budget, t.message.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(outcome(&resumed), outcome(&interrupted), "{resumed:#?}");
        assert_eq!(resumed.status, interrupted.status);
        // The resumed grading reports the stopped check as finished too, then the rest.
        let after: Vec<(String, u64)> = events(&engine)
            .iter()
            .map(|e| (e["type"].as_str().unwrap().to_owned(), e["index"].as_u64().unwrap()))
            .collect();
        assert_eq!(after[0], ("check_finished".to_owned(), 1));
        assert_eq!(after.len(), 5);
    });
}
