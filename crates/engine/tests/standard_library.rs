//! The standard library comes from the host, on first need ([`Host::standard_library`]): asked
//! for once however many of its modules are imported, never for a module it does not have, and
//! a host that cannot supply it costs the import an `ImportError`, not the interpreter.

mod common;

use common::on_big_stack;
use pykata_engine::{Deadline, Engine, Host, STANDARD_LIBRARY, SystemHost};
use std::borrow::Cow;
use std::cell::Cell;

/// The native host, counting how often the engine asks for the library, and failing to supply
/// it while `offline` is set.
#[derive(Default)]
struct Counting {
    system: SystemHost,
    asked: Cell<usize>,
    offline: Cell<bool>,
}

impl Host for Counting {
    fn now_ms(&self) -> f64 {
        self.system.now_ms()
    }

    fn deadline(&self) -> Deadline {
        self.system.deadline()
    }

    fn standard_library(&self) -> Result<Cow<'static, [u8]>, String> {
        self.asked.set(self.asked.get() + 1);
        if self.offline.get() {
            return Err("the network is down".to_owned());
        }
        Ok(Cow::Borrowed(STANDARD_LIBRARY))
    }
}

/// Run `source`, answering its stdout, or its error if it failed.
fn run(engine: &Engine<Counting>, source: &str) -> String {
    let output = engine.run(source, "", 10_000).expect("engine works");
    output.error.unwrap_or(output.stdout)
}

#[test]
fn the_library_is_asked_for_once_and_only_for_its_own_modules() {
    on_big_stack(|| {
        let engine = Engine::new(Counting::default());
        engine.prepare().expect("starts");
        // Starting imports the runner's modules (json...), as the browser's image holds them.
        assert_eq!(engine.host().asked.get(), 1, "starting Python asks once");
        engine.release_standard_library();
        engine.host().asked.set(0);

        assert_eq!(run(&engine, "import json\nprint(json.dumps([1]))\n"), "[1]\n");
        assert_eq!(engine.host().asked.get(), 0, "a module already imported needs no library");
        // (Caught: describing an uncaught exception imports `traceback`, from the library.)
        let missing = "try:\n    import no_such_module\nexcept ModuleNotFoundError as e:\n    print(e)\n";
        assert_eq!(run(&engine, missing), "No module named 'no_such_module'\n");
        assert_eq!(engine.host().asked.get(), 0, "a module the library lacks is never fetched");

        let program = "import inspect, dataclasses, collections.abc\nprint(inspect.isgeneratorfunction(lambda: (yield)))\n";
        assert_eq!(run(&engine, program), "True\n");
        assert_eq!(run(&engine, "import fractions, statistics\nprint(fractions.Fraction(1, 3))\n"), "1/3\n");
        assert_eq!(engine.host().asked.get(), 1, "asked once, then kept");
    });
}

#[test]
fn a_library_the_host_cannot_supply_fails_the_import_not_the_engine() {
    on_big_stack(|| {
        let engine = Engine::new(Counting::default());
        engine.prepare().expect("starts");
        engine.release_standard_library();
        engine.host().offline.set(true);
        // Preloading without the library leaves the import for later and keeps the interpreter
        // (a new one would need the library to start).
        engine.preload().expect("preload waits for a library it cannot have");
        assert!(engine.is_warm(), "the interpreter is kept");
        let failed = run(&engine, "import fractions\n");
        assert!(
            failed.contains("ImportError: the standard library could not be loaded for fractions: the network is down"),
            "{failed}"
        );
        // Once the host can supply it, the same engine imports it.
        engine.host().offline.set(false);
        assert_eq!(run(&engine, "import fractions\nprint(fractions.Fraction(2, 4))\n"), "1/2\n");
    });
}
