// Build step (`./x`, after wasm-bindgen): `node www/make-image.mjs PKG_DIR` names the engine
// module `PKG_DIR/pykata_wasm_bg.wasm` by a custom section holding its SHA-256, starts Python in
// an instance of it and writes what that changed in memory to `PKG_DIR/pykata_wasm_bg.image`
// (www/widget/engine-image.js: the format, and how the worker copies it into a fresh instance).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ID_SECTION, takeImage } from "./widget/engine-image.js";
import { encodeLeb, leb, sections } from "./wasm-binary.mjs";

const PAGE = 65536;
const pkg = resolve(process.argv[2] ?? "www/pkg");
const wasmFile = join(pkg, "pykata_wasm_bg.wasm");

/** The lowest address an active data segment starts at: the stack lies below it. */
function dataStart(bytes) {
  const data = sections(bytes).find((s) => s.id === 11);
  let [count, at] = leb(bytes, data.body);
  let lowest = Infinity;
  while (count--) {
    const [flags, next] = leb(bytes, at);
    at = next;
    if (flags === 2) at = leb(bytes, at)[1]; // memory index
    if (flags !== 1) {
      if (bytes[at] !== 0x41) throw new Error("a data segment's offset is not an i32.const");
      const [offset, end] = leb(bytes, at + 1); // unsigned read of a non-negative offset
      lowest = Math.min(lowest, offset);
      at = end + 1; // the `end` opcode
    }
    const [size, body] = leb(bytes, at);
    at = body + size;
  }
  return lowest;
}

// Name the module: drop an id an earlier run added, hash the rest, append the id section.
let bytes = new Uint8Array(readFileSync(wasmFile));
const kept = sections(bytes).filter((s) => s.name !== ID_SECTION);
bytes = Buffer.concat([bytes.subarray(0, 8), ...kept.map((s) => bytes.subarray(s.start, s.end))]);
const id = createHash("sha256").update(bytes).digest("hex");
const name = new TextEncoder().encode(ID_SECTION);
const payload = [...encodeLeb(name.length), ...name, ...new TextEncoder().encode(id)];
bytes = Buffer.concat([bytes, Uint8Array.from([0, ...encodeLeb(payload.length), ...payload])]);
writeFileSync(wasmFile, bytes);

// Start Python in a fresh instance and keep what changed. The engine reads its standard library
// from beside the module while it starts, and forgets it before the image is taken.
globalThis.pykataStandardLibrary = () => readFileSync(join(pkg, "pykata_stdlib.bin"));
const glue = await import(pathToFileURL(join(pkg, "pykata_wasm.js")).href);
const wasm = glue.initSync({ module: new WebAssembly.Module(bytes) });
const fresh = new Uint8Array(wasm.memory.buffer).slice();
new glue.PyKata().prepareImage();
// A JavaScript object the engine still held would be missing from the table of the instance the
// image is copied into: the table may hold only wasm-bindgen's constants.
const table = wasm.__wbindgen_externrefs;
for (let i = 0; i < table.length; i++) {
  const value = table.get(i);
  if (value !== null && value !== undefined && typeof value !== "boolean") {
    throw new Error(`the started engine holds a JavaScript value (externref ${i}): no image possible`);
  }
}
const image = takeImage(id, wasm, fresh, Math.floor(dataStart(bytes) / PAGE));
writeFileSync(join(pkg, "pykata_wasm_bg.image"), new Uint8Array(await image.arrayBuffer()));
console.log(`${wasmFile}: id ${id.slice(0, 12)}…, image ${image.size} bytes`);
