// The Python half of the engine is frozen into the binary by `py_freeze!`, which cargo does
// not know reads these files: rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=python");
}
