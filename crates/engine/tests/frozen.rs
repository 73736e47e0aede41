//! The frozen standard library loads: build.rs compiles it itself (raw bytecode, `-OO`, no
//! column tables), so every module it froze must still import in the engine, as learner code
//! imports it — those built in and those of the library the host supplies (`stdlib.rs`).

mod common;

use common::on_big_stack;
use pykata_engine::{Engine, SystemHost, standard_library_modules};

/// Imports every module of `LIBRARY` and every frozen one but pykata's own, and prints those
/// that fail, with the error (what a module prints as it loads, `this` the Zen, is not kept).
const IMPORT_EVERY_FROZEN_MODULE: &str = r#"
import _imp, contextlib, importlib, io
names = sorted({*_imp._frozen_module_names(), *LIBRARY})
failed = []
for name in names:
    if name.startswith(("_pykata", "__hello", "__phello")) or name in ("pykata", "pytest"):
        continue
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            importlib.import_module(name)
    except BaseException as e:
        failed.append(f"{name}: {type(e).__name__}: {e}")
print(len(names))
print("\n".join(failed))
"#;

#[test]
fn every_frozen_module_imports() {
    on_big_stack(|| {
        let engine = Engine::new(SystemHost::default());
        let library: Vec<&str> = standard_library_modules().collect();
        let program = format!("LIBRARY = {library:?}\n{IMPORT_EVERY_FROZEN_MODULE}");
        let output = engine.run(&program, "", 60_000).expect("engine works");
        assert_eq!(output.error, None, "{}{}", output.stdout, output.stderr);
        let (count, failed) = output.stdout.split_once('\n').expect("a count, then failures");
        // stdlib.txt's 134 entries expand to more modules than that (packages' submodules).
        assert!(count.parse::<usize>().expect("a count") > 134, "{}", output.stdout);
        assert_eq!(failed.trim(), "", "modules that failed to import");
    });
}
