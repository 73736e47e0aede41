//! The native half of pykata's guards against learner code tampering with grading (the Python
//! half is `python/_pykata_guard.py`).
//!
//! - Introspection guards: the built-in `frame`, `function` and `code` types get attributes
//!   that hide the insides of trusted code (checks and pykata's own modules): their frames show
//!   no globals, locals or callers and cannot be re-pointed, their functions show no globals
//!   or closure and cannot be changed, their code shows no constants. Learner code cannot walk
//!   up from its own frame through a check to read expected values or patch the helpers the
//!   check calls.
//!   Built-in types live as long as the thread, so these are installed once per thread and
//!   hold no Python state of any one interpreter.
//! - `freeze`: handed to the runner once (never importable), makes pykata's classes immutable.
//! - `restore_contents` and `changed_classes`: the snapshot comparisons behind
//!   `_pykata_guard.restore` and `reset`, which run two or three times per check and once
//!   per submission; in Python they cost about 3 ms each natively, here a few microseconds.
//! - A `gc` module that collects for real, without the functions that list every object in
//!   the interpreter.

use rustpython_vm::builtins::{PyDict, PyList, PyListRef, PyModule, PySet, PyStr, PyTuple, PyType};
use rustpython_vm::function::OptionalArg;
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::cell::Cell;
use std::rc::Rc;

/// pykata's own frozen modules: trusted, and kept out of `sys.modules` (the runner hides them
/// before learner code runs; learner code importing one gets a separate copy).
pub(crate) const PRIVATE_MODULES: &[&str] = &[
    "_pykata_runner",
    "_pykata_capture",
    "_pykata_learner",
    "_pykata_describe",
    "_pykata_checks",
    "_pykata_match",
    "_pykata_static",
    "_pykata_lifecycle",
    "_pykata_unittest",
    "_pykata_guard",
    "_pykata_modules",
    "_pykata_stdlib",
    "_pykata_errno",
    "_pykata_files",
    "pykata",
];

/// The file name check code is compiled under (handed to the runner's `start`).
pub(crate) const CHECK_FILE: &str = "<check>";

/// True if code compiled under `file` is trusted: a check, or one of pykata's modules.
fn trusted_file(file: &str) -> bool {
    file == CHECK_FILE || PRIVATE_MODULES.contains(&file)
}

const IMMUTABLE: PyTypeFlags = PyTypeFlags::from_slice(&[PyTypeFlags::IMMUTABLETYPE]);

/// Make the class `cls` immutable: assigning or deleting its attributes raises `TypeError`.
fn freeze(cls: PyRef<PyType>) {
    cls.slots.flags.replace_masked(IMMUTABLE, IMMUTABLE);
}

/// The native helpers `_pykata_runner.start` hands to `_pykata_guard.install`: `freeze`,
/// `restore_contents` and `changed_classes`. They capture nothing, so no interpreter object
/// is kept alive by them.
pub(crate) fn helpers(vm: &VirtualMachine) -> (PyObjectRef, PyObjectRef, PyObjectRef) {
    (
        vm.new_function("freeze", freeze).into(),
        vm.new_function("restore_contents", restore_contents).into(),
        vm.new_function("changed_classes", changed_classes).into(),
    )
}

/// The two halves of a `(live, snapshot)` pair.
fn halves(pair: &PyObjectRef, vm: &VirtualMachine) -> PyResult<(PyObjectRef, PyObjectRef)> {
    match pair.downcast_ref::<PyTuple>().map(|t| t.as_slice()) {
        Some([live, snapshot]) => Ok((live.clone(), snapshot.clone())),
        _ => Err(vm.new_type_error("pykata: a snapshot pair must be a 2-tuple")),
    }
}

/// True if two item lists hold the very same keys and values, in the same order.
fn same_items(live: &[(PyObjectRef, PyObjectRef)], snapshot: &[(PyObjectRef, PyObjectRef)]) -> bool {
    live.len() == snapshot.len()
        && live
            .iter()
            .zip(snapshot)
            .all(|((k1, v1), (k2, v2))| k1.is(k2) && v1.is(v2))
}

fn same_objects(live: &[PyObjectRef], snapshot: &[PyObjectRef]) -> bool {
    live.len() == snapshot.len() && live.iter().zip(snapshot).all(|(a, b)| a.is(b))
}

/// `restore_contents(pairs, keep_submodules)`: for each `(live, snapshot)` pair of dicts,
/// lists or sets, make `live` hold exactly what `snapshot` holds (compared by identity; a
/// container that did not change is not touched). With `keep_submodules`, a dict keeps the
/// modules added under new string keys: importing `a.b` sets attribute `b` on package `a`
/// once, and a later `import a.b` does not set it again.
fn restore_contents(pairs: PyListRef, keep_submodules: bool, vm: &VirtualMachine) -> PyResult<()> {
    let pairs = pairs.borrow_vec().to_vec();
    for pair in &pairs {
        let (live, snapshot) = halves(pair, vm)?;
        if let (Some(live), Some(snapshot)) = (live.downcast_ref::<PyDict>(), snapshot.downcast_ref::<PyDict>()) {
            let items = live.items_vec();
            let wanted = snapshot.items_vec();
            if same_items(&items, &wanted) {
                continue;
            }
            // Keys are checked to be exact strings before any lookup, so no learner
            // `__hash__` or `__eq__` runs here.
            let submodules: Vec<_> = items
                .into_iter()
                .filter(|(key, value)| {
                    keep_submodules
                        && key.class().is(vm.ctx.types.str_type)
                        && value.downcast_ref::<PyModule>().is_some()
                        && !snapshot.contains_key(&**key, vm)
                })
                .collect();
            live.clear();
            for (key, value) in wanted.into_iter().chain(submodules) {
                live.set_item(&*key, value, vm)?;
            }
        } else if let (Some(live), Some(snapshot)) = (live.downcast_ref::<PyList>(), snapshot.downcast_ref::<PyList>())
        {
            let wanted = snapshot.borrow_vec().to_vec();
            if same_objects(&live.borrow_vec(), &wanted) {
                continue;
            }
            // The old items are dropped only once the list's lock is released.
            let _old = std::mem::replace(&mut *live.borrow_vec_mut(), wanted);
        } else if let (Some(live), Some(snapshot)) = (live.downcast_ref::<PySet>(), snapshot.downcast_ref::<PySet>()) {
            let mut items = live.elements();
            let mut wanted = snapshot.elements();
            items.sort_by_key(|item| item.get_id());
            wanted.sort_by_key(|item| item.get_id());
            if same_objects(&items, &wanted) {
                continue;
            }
            live.clear();
            for item in wanted {
                live.add(item, vm)?;
            }
        } else {
            return Err(vm.new_type_error("pykata: only dicts, lists and sets can be restored"));
        }
    }
    Ok(())
}

/// `changed_classes(pairs)`: true if any class of the `(class, snapshot of its __dict__)`
/// pairs now has other attributes. (Classes are not restored in place: setting attributes
/// back would leave the type's slots pointing at what learner code installed.)
fn changed_classes(pairs: PyListRef, vm: &VirtualMachine) -> PyResult<bool> {
    let pairs = pairs.borrow_vec().to_vec();
    for pair in &pairs {
        let (class, snapshot) = halves(pair, vm)?;
        let (Some(class), Some(snapshot)) = (class.downcast_ref::<PyType>(), snapshot.downcast_ref::<PyDict>()) else {
            return Err(vm.new_type_error("pykata: expected (class, dict) pairs"));
        };
        if let Some(namespace) = class.attributes.as_dict() {
            if !same_items(&namespace.items_vec(), &snapshot.items_vec()) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// The built-in descriptors the guards read through, captured before any replacement.
struct Originals {
    frame_code: PyObjectRef,
    function_code: PyObjectRef,
    code_filename: PyObjectRef,
}

impl Originals {
    fn is_trusted_code(&self, code: PyObjectRef, vm: &VirtualMachine) -> bool {
        if vm.is_none(&code) {
            return false;
        }
        read(&self.code_filename, code, vm)
            .ok()
            .and_then(|name| name.downcast_ref::<PyStr>().and_then(|s| s.to_str().map(str::to_owned)))
            .is_some_and(|name| trusted_file(&name))
    }

    fn is_trusted_frame(&self, frame: &PyObjectRef, vm: &VirtualMachine) -> bool {
        !vm.is_none(frame) && read(&self.frame_code, frame.clone(), vm).is_ok_and(|code| self.is_trusted_code(code, vm))
    }

    fn is_trusted_function(&self, function: &PyObjectRef, vm: &VirtualMachine) -> bool {
        read(&self.function_code, function.clone(), vm).is_ok_and(|code| self.is_trusted_code(code, vm))
    }
}

fn read(descriptor: &PyObjectRef, object: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    vm.call_method(descriptor, "__get__", (object,))
}

fn original(owner: &Py<PyType>, name: &'static str, vm: &VirtualMachine) -> PyResult {
    owner
        .get_direct_attr(vm.ctx.intern_str(name))
        .ok_or_else(|| vm.new_attribute_error(format!("pykata: {} has no {name}", owner.name())))
}

/// What a trusted object shows instead of the real attribute.
#[derive(Clone, Copy)]
enum Shown {
    Nothing,
    EmptyDict,
    EmptyTuple,
    /// The real value: only writing is refused.
    Real,
}

/// Which objects count as trusted for one replaced attribute.
#[derive(Clone, Copy)]
enum Owner {
    Frame,
    Function,
    Code,
}

/// A `property` over the built-in attribute `name` of `owner_type`: trusted objects show
/// `shown` and refuse writes; everything else behaves as before.
fn guarded(
    originals: &Rc<Originals>,
    owner_type: &Py<PyType>,
    owner: Owner,
    name: &'static str,
    shown: Shown,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let descriptor = original(owner_type, name, vm)?;
    let is_trusted = {
        let originals = Rc::clone(originals);
        move |object: &PyObjectRef, vm: &VirtualMachine| match owner {
            Owner::Frame => originals.is_trusted_frame(object, vm),
            Owner::Function => originals.is_trusted_function(object, vm),
            Owner::Code => originals.is_trusted_code(object.clone(), vm),
        }
    };
    let get = {
        let descriptor = descriptor.clone();
        let is_trusted = is_trusted.clone();
        move |object: PyObjectRef, vm: &VirtualMachine| -> PyResult {
            if !is_trusted(&object, vm) {
                return read(&descriptor, object, vm);
            }
            Ok(match shown {
                Shown::Nothing => vm.ctx.none(),
                Shown::EmptyDict => vm.ctx.new_dict().into(),
                Shown::EmptyTuple => vm.ctx.empty_tuple.clone().into(),
                Shown::Real => read(&descriptor, object, vm)?,
            })
        }
    };
    let set = move |object: PyObjectRef, value: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
        if is_trusted(&object, vm) {
            return Err(vm.new_attribute_error(format!("pykata: {name} of pykata's own code cannot be changed")));
        }
        vm.call_method(&descriptor, "__set__", (object, value)).map(drop)
    };
    vm.ctx
        .types
        .property_type
        .as_object()
        .call((vm.new_function(name, get), vm.new_function(name, set)), vm)
}

/// `f_back` that stops at trusted code: a trusted frame shows no caller, so walking up from
/// learner code ends at the first check frame (which still names its file and line, as
/// `warnings` needs, but shows nothing inside).
fn guarded_back(originals: &Rc<Originals>, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let descriptor = original(vm.ctx.types.frame_type, "f_back", vm)?;
    let originals = Rc::clone(originals);
    let get = move |frame: PyObjectRef, vm: &VirtualMachine| -> PyResult {
        if originals.is_trusted_frame(&frame, vm) {
            return Ok(vm.ctx.none());
        }
        read(&descriptor, frame, vm)
    };
    vm.ctx
        .types
        .property_type
        .as_object()
        .call((vm.new_function("f_back", get),), vm)
}

/// Install the introspection guards: on this thread's built-in types (once per thread) and on
/// this interpreter's `sys`.
pub(crate) fn install(vm: &VirtualMachine) -> PyResult<()> {
    if !INSTALLED.get() {
        install_on_types(vm)?;
        INSTALLED.set(true);
    }
    guard_getframe(vm)
}

/// Replace `sys._getframe(depth)` with one that walks up through the guarded `f_back`, so it
/// cannot jump over a check's frame to the frames beneath it.
fn guard_getframe(vm: &VirtualMachine) -> PyResult<()> {
    // Captures nothing: a function made here lives as long as the thread, and holding this
    // interpreter's objects would keep the whole interpreter alive.
    let getframe = |depth: OptionalArg<usize>, vm: &VirtualMachine| -> PyResult {
        // A native function adds no frame: the current frame is the caller's.
        let mut frame: PyObjectRef = vm
            .current_frame()
            .ok_or_else(|| vm.new_value_error("call stack is not deep enough"))?
            .into();
        for _ in 0..depth.unwrap_or(0) {
            frame = frame.get_attr("f_back", vm)?;
            if vm.is_none(&frame) {
                return Err(vm.new_value_error("call stack is not deep enough"));
            }
        }
        Ok(frame)
    };
    vm.sys_module
        .set_attr("_getframe", vm.new_function("_getframe", getframe), vm)
}

fn install_on_types(vm: &VirtualMachine) -> PyResult<()> {
    let types = &vm.ctx.types;
    let originals = Rc::new(Originals {
        frame_code: original(types.frame_type, "f_code", vm)?,
        function_code: original(types.function_type, "__code__", vm)?,
        code_filename: original(types.code_type, "co_filename", vm)?,
    });
    let replacements = [
        (types.frame_type, Owner::Frame, "f_globals", Shown::EmptyDict),
        (types.frame_type, Owner::Frame, "f_locals", Shown::EmptyDict),
        (types.frame_type, Owner::Frame, "f_builtins", Shown::EmptyDict),
        (types.frame_type, Owner::Frame, "f_lineno", Shown::Real),
        (types.frame_type, Owner::Frame, "f_trace", Shown::Nothing),
        (types.function_type, Owner::Function, "__globals__", Shown::EmptyDict),
        (types.function_type, Owner::Function, "__builtins__", Shown::EmptyDict),
        (types.function_type, Owner::Function, "__closure__", Shown::Nothing),
        // Signatures stay readable (a decorator may inspect what it wraps); only the
        // constants inside the code are hidden.
        (types.function_type, Owner::Function, "__defaults__", Shown::Real),
        (types.function_type, Owner::Function, "__kwdefaults__", Shown::Real),
        (types.function_type, Owner::Function, "__code__", Shown::Real),
        (types.code_type, Owner::Code, "co_consts", Shown::EmptyTuple),
    ];
    let mut installs = Vec::with_capacity(replacements.len() + 1);
    for (owner_type, owner, name, shown) in replacements {
        installs.push((
            owner_type,
            name,
            guarded(&originals, owner_type, owner, name, shown, vm)?,
        ));
    }
    installs.push((types.frame_type, "f_back", guarded_back(&originals, vm)?));
    for (owner_type, name, property) in installs {
        owner_type.set_str_attr(name, property, &vm.ctx);
    }
    Ok(())
}

pub(crate) use gc::module_def as gc_module_def;

/// Stands in for the interpreter's `gc` module: collection, the switch and the thresholds
/// are the interpreter's own (between submissions the engine switches collection back on and
/// puts the thresholds back), but learner code cannot enumerate objects (`get_objects`,
/// `get_referrers`, `get_referents`) to reach the checks' data or pykata's own modules, nor
/// freeze or unfreeze the heap (pykata freezes what exists before learner code runs, so a
/// collection looks only at what the submission made).
#[rustpython_vm::pymodule(name = "gc")]
mod gc {
    use rustpython_vm::builtins::PyListRef;
    use rustpython_vm::function::{FuncArgs, OptionalArg};
    use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

    /// `gc.collect(generation=2)`: collect now; the number of unreachable objects found.
    #[pyfunction]
    fn collect(generation: OptionalArg<i32>, vm: &VirtualMachine) -> PyResult<usize> {
        let generation = generation.unwrap_or(2);
        let generation = usize::try_from(generation)
            .ok()
            .filter(|g| *g <= 2)
            .ok_or_else(|| vm.new_value_error("invalid generation"))?;
        let result = vm.state.gc.collect_force(generation);
        Ok(result.collected + result.uncollectable)
    }

    #[pyfunction]
    fn enable(vm: &VirtualMachine) {
        vm.state.gc.enable();
    }

    #[pyfunction]
    fn disable(vm: &VirtualMachine) {
        vm.state.gc.disable();
    }

    #[pyfunction]
    fn isenabled(vm: &VirtualMachine) -> bool {
        vm.state.gc.is_enabled()
    }

    #[pyfunction]
    fn is_tracked(_object: PyObjectRef) -> bool {
        false
    }

    #[pyfunction]
    fn get_count() -> (usize, usize, usize) {
        rustpython_vm::gc_state::gc_state().get_count()
    }

    #[pyfunction]
    fn get_threshold(vm: &VirtualMachine) -> (u32, u32, u32) {
        vm.state.gc.get_threshold()
    }

    #[pyfunction]
    fn set_threshold(threshold0: u32, threshold1: OptionalArg<u32>, threshold2: OptionalArg<u32>, vm: &VirtualMachine) {
        vm.state.gc.set_threshold(threshold0, threshold1.into_option(), threshold2.into_option());
    }

    #[pyfunction]
    fn freeze(_args: FuncArgs) {}

    #[pyfunction]
    fn unfreeze(_args: FuncArgs) {}

    #[pyfunction]
    fn get_freeze_count() -> usize {
        0
    }

    #[pyattr]
    fn garbage(vm: &VirtualMachine) -> PyListRef {
        vm.ctx.new_list(Vec::new())
    }

    #[pyattr]
    fn callbacks(vm: &VirtualMachine) -> PyListRef {
        vm.ctx.new_list(Vec::new())
    }
}
