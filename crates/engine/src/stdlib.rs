//! The frozen standard library (`stdlib.txt`, frozen by `build.rs`), which the engine asks its
//! host for the first time Python imports one of its modules ([`Host::standard_library`]): a
//! native host has it built in, while a browser fetches it beside the wasm module, so the module
//! carries only the library's index and a page pays for the library only once code needs more
//! than the engine's pre-started image holds.
//!
//! `_pykata_stdlib.py` is the importer on `sys.meta_path` that asks [`find`] and
//! [`StandardLibrary::code`].

use crate::host::Host;
use rustpython_vm::builtins::PyCode;
use rustpython_vm::frozen::{FrozenCodeObject, FrozenLib};
use rustpython_vm::{PyRef, PyResult, VirtualMachine};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/stdlib_index.rs"));

/// The standard library's file, for hosts that build it in (natively).
#[cfg(not(target_arch = "wasm32"))]
pub const STANDARD_LIBRARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stdlib.frozen"));

/// What [`Host::standard_library`] answers unless a host says otherwise: the library built in
/// natively; on wasm32 the host must supply it.
pub(crate) fn built_in() -> Result<Cow<'static, [u8]>, String> {
    #[cfg(not(target_arch = "wasm32"))]
    return Ok(Cow::Borrowed(STANDARD_LIBRARY));
    #[cfg(target_arch = "wasm32")]
    return Err("this host supplies no standard library".to_owned());
}

/// The names of the library's modules (not those built in as the interpreter's start needs them).
pub fn standard_library_modules() -> impl Iterator<Item = &'static str> {
    STDLIB_MODULES.iter().map(|(name, _)| *name)
}

/// Whether `name` is a module of the library: `Some(is_package)`, or `None`. Asks the host
/// nothing, so importing a module that does not exist never costs a download.
pub(crate) fn find(name: &str) -> Option<bool> {
    STDLIB_MODULES
        .binary_search_by(|(module, _)| (*module).cmp(name))
        .ok()
        .map(|at| STDLIB_MODULES[at].1)
}

/// The library once its host supplied it: its bytes and where each module's code lies in them.
struct Loaded {
    bytes: Cow<'static, [u8]>,
    modules: HashMap<String, Range<usize>>,
}

impl Loaded {
    /// Check `bytes` is this build's library and index its modules.
    fn read(bytes: Cow<'static, [u8]>) -> Result<Self, String> {
        let library = bytes
            .strip_prefix(STDLIB_HEADER.as_bytes())
            .ok_or("the file is not this build's standard library")?;
        let modules = FrozenLib::from_ref(library)
            .into_iter()
            .map(|(name, module)| {
                let offset = module.code.bytes.as_ptr() as usize - bytes.as_ptr() as usize;
                (name.to_owned(), offset..offset + module.code.bytes.len())
            })
            .collect();
        Ok(Loaded { bytes, modules })
    }
}

/// The standard library of one engine, shared by the interpreters it starts: its index always,
/// its code once asked for.
pub(crate) struct StandardLibrary<H> {
    host: Rc<H>,
    loaded: RefCell<Option<Loaded>>,
}

impl<H: Host> StandardLibrary<H> {
    pub(crate) fn new(host: Rc<H>) -> Self {
        StandardLibrary {
            host,
            loaded: RefCell::new(None),
        }
    }

    /// The code object of module `name`, from the library (asked of the host on first need).
    pub(crate) fn code(&self, vm: &VirtualMachine, name: &str) -> PyResult<PyRef<PyCode>> {
        let fail = |why: String| {
            vm.new_import_error(
                format!("the standard library could not be loaded for {name}: {why}"),
                vm.ctx.new_str(name),
            )
        };
        if self.loaded.borrow().is_none() {
            let loaded = self.host.standard_library().and_then(Loaded::read).map_err(fail)?;
            *self.loaded.borrow_mut() = Some(loaded);
        }
        let loaded = self.loaded.borrow();
        let loaded = loaded.as_ref().expect("loaded above");
        let range = (loaded.modules.get(name).cloned())
            .ok_or_else(|| fail("it has no such module".to_owned()))?;
        let code = FrozenCodeObject {
            bytes: &loaded.bytes[range],
        };
        Ok(PyCode::new_ref_from_frozen(vm, code))
    }

    /// Forget the library's bytes (the host is asked again on next need): for a memory image
    /// of the engine, which should not carry them.
    pub(crate) fn release(&self) {
        self.loaded.borrow_mut().take();
    }
}
