//! Freezes the engine's Python: the part of the standard library listed in `stdlib.txt` (read
//! from the rustpython-pylib crate's `Lib`) and pykata's own Python half (`python/`), each
//! compiled to bytecode here and written as one frozen library. `$OUT_DIR/pykata.frozen` and
//! `$OUT_DIR/startup.frozen` (what the interpreter imports while it initialises) are built into
//! the engine (`session.rs`); `$OUT_DIR/stdlib.frozen` is the rest of the standard library
//! `stdlib.rs` asks its host for on first need (a native host has it built in, a browser fetches
//! it beside the wasm module), so the wasm module carries only its index,
//! `$OUT_DIR/stdlib_index.rs`: every module's name, whether it is a package, and the library's
//! id, which the fetched file must start with.
//!
//! RustPython's own `py_freeze!` LZ4-compresses every code object. The wasm module is then sent
//! brotli-compressed, and brotli cannot shrink LZ4 output: the frozen library cost more than a
//! third of the download. So each code object is stored as an LZ4 block of literals only — the
//! same format, which RustPython's loader still reads, with the bytes left for brotli. The
//! standard library is compiled as `python -OO` would (no docstrings, no asserts) and without
//! column tables: its source is not shipped, so a traceback never shows its lines anyway.

use std::fs;
use std::path::{Path, PathBuf};

use rustpython_compiler::core::frozen::{FrozenCodeObject, FrozenLib, FrozenModule};
use rustpython_compiler::core::marshal;
use rustpython_compiler::{CompileOpts, Mode, compile};

fn main() {
    println!("cargo:rerun-if-changed=python");
    println!("cargo:rerun-if-changed=stdlib.txt");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let lib = Path::new(rustpython_pylib::LIB_PATH);

    let list = fs::read_to_string("stdlib.txt").expect("read stdlib.txt");
    let mut stdlib = Vec::new();
    for entry in list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let from = lib.join(entry);
        assert!(
            from.exists(),
            "stdlib.txt lists {entry}, which {} does not have",
            lib.display()
        );
        collect(lib, &from, &mut stdlib);
    }
    let stdlib_opts = CompileOpts {
        optimize: 2,
        debug_ranges: false,
        ..CompileOpts::default()
    };
    let (startup, fetched): (Vec<Module>, Vec<Module>) =
        stdlib.into_iter().partition(|module| STARTUP.contains(&module.name.as_str()));
    assert_eq!(startup.len(), STARTUP.len(), "stdlib.txt lists every module of STARTUP");
    write(&out.join("startup.frozen"), &freeze(&startup, &stdlib_opts));
    let library = freeze(&fetched, &stdlib_opts);
    let id = format!("{:016x}", fnv1a(&library));
    let mut file = format!("{STDLIB_MAGIC}{id}\n").into_bytes();
    file.extend_from_slice(&library);
    write(&out.join("stdlib.frozen"), &file);
    write(&out.join("stdlib_index.rs"), index(&fetched, &id).as_bytes());

    let mut pykata = Vec::new();
    collect(Path::new("python"), Path::new("python"), &mut pykata);
    // pykata's own modules without their docstrings (nothing reads them at run time, and every
    // page would carry them twice: in the engine and in its started image), but with column
    // tables, for tracebacks.
    let pykata_opts = CompileOpts {
        optimize: 2,
        ..CompileOpts::default()
    };
    write(&out.join("pykata.frozen"), &freeze(&pykata, &pykata_opts));
}

/// The modules of the standard library RustPython's interpreter imports while it initialises
/// (`VirtualMachine::initialize`: `encodings` and the three codecs it always has), built into
/// the engine as `$OUT_DIR/startup.frozen`, since no host can be asked for them then.
const STARTUP: &[&str] = &["encodings", "encodings.aliases", "encodings.ascii", "encodings.latin_1", "encodings.utf_8"];

/// How the standard library's file starts: this, its id (16 hex digits) and a newline.
const STDLIB_MAGIC: &str = "pykata-stdlib ";

fn write(to: &Path, bytes: &[u8]) {
    fs::write(to, bytes).unwrap_or_else(|e| panic!("write {}: {e}", to.display()));
}

/// The 64-bit FNV-1a hash of `bytes`: the standard library's id, so the engine never loads the
/// library of another build.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Rust source of the standard library's index, sorted by name (the engine searches it).
fn index(modules: &[Module], id: &str) -> String {
    let mut names: Vec<(&str, bool)> = modules.iter().map(|m| (m.name.as_str(), m.package)).collect();
    names.sort_unstable();
    let entries: String = names.iter().map(|(name, package)| format!("    ({name:?}, {package}),\n")).collect();
    format!(
        "/// How the standard library's file starts: its magic and id, then a newline.\n\
         pub(crate) const STDLIB_HEADER: &str = \"{STDLIB_MAGIC}{id}\\n\";\n\
         /// Every module of the standard library, by name, and whether it is a package.\n\
         pub(crate) const STDLIB_MODULES: &[(&str, bool)] = &[\n{entries}];\n"
    )
}

/// One module to freeze: its dotted name, whether it is a package, and its file.
struct Module {
    name: String,
    package: bool,
    path: PathBuf,
}

/// The modules of a `.py` file, or of a folder's `.py` files recursively, named from `root`.
fn collect(root: &Path, path: &Path, modules: &mut Vec<Module>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .expect("list a Python package")
            .map(|entry| entry.expect("read a package entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|e| e == "py") {
                collect(root, &entry, modules);
            }
        }
        return;
    }
    let relative = path.strip_prefix(root).expect("modules lie under their root");
    let mut parts: Vec<&str> = relative
        .iter()
        .map(|part| part.to_str().expect("module paths are UTF-8"))
        .collect();
    let file = parts.pop().expect("a module has a file name");
    let stem = file.strip_suffix(".py").expect("modules are .py files");
    let package = stem == "__init__";
    if !package {
        parts.push(stem);
    }
    modules.push(Module {
        name: parts.join("."),
        package,
        path: path.to_path_buf(),
    });
}

/// Compile the modules into one frozen library, each code object stored raw.
fn freeze(modules: &[Module], opts: &CompileOpts) -> Vec<u8> {
    let frozen: Vec<(&str, FrozenModule<Vec<u8>>)> = modules
        .iter()
        .map(|module| {
            let source = fs::read_to_string(&module.path)
                .unwrap_or_else(|e| panic!("read {}: {e}", module.path.display()));
            // Named as py_freeze! names them: tracebacks and `__file__` show the module name.
            let code = compile(&source, Mode::Exec, &module.name, opts.clone())
                .unwrap_or_else(|e| panic!("compile {}: {e}", module.path.display()));
            let mut bytes = Vec::new();
            marshal::serialize_code(&mut bytes, &code);
            let code = FrozenCodeObject {
                bytes: lz4_literals(&bytes),
            };
            (module.name.as_str(), FrozenModule { code, package: module.package })
        })
        .collect();
    FrozenLib::encode(frozen).bytes
}

/// `data` as the frozen loader expects it (`lz4_flex::decompress_size_prepended`): its length
/// as a little-endian u32, then one LZ4 block holding a single sequence of literals and no
/// match. LZ4's block format writes a literal length of 15 or more as 15 in the token's high
/// nibble followed by bytes of 255 and a last byte below 255 that add up to the rest.
fn lz4_literals(data: &[u8]) -> Vec<u8> {
    let length = u32::try_from(data.len()).expect("a code object under 4 GiB");
    let mut block = Vec::with_capacity(data.len() + data.len() / 255 + 16);
    block.extend_from_slice(&length.to_le_bytes());
    if data.len() < 15 {
        block.push((data.len() as u8) << 4);
    } else {
        block.push(0xF0);
        let mut rest = data.len() - 15;
        while rest >= 255 {
            block.push(255);
            rest -= 255;
        }
        block.push(rest as u8);
    }
    block.extend_from_slice(data);
    block
}
