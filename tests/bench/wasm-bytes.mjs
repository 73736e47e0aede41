// Where the engine's bytes are: the code section of the wasm module rustc links (which has
// its functions' names; wasm-bindgen strips them), by the crate each function comes from.
import { readFileSync } from "node:fs";
import { leb, sections } from "../../www/wasm-binary.mjs";

/** How many of the module's functions are imported (they come first in the index space). */
function importedFunctions(bytes, section) {
  let [count, at] = leb(bytes, section.body);
  let functions = 0;
  const skipName = () => {
    const [length, next] = leb(bytes, at);
    at = next + length;
  };
  while (count--) {
    skipName();
    skipName();
    const kind = bytes[at++];
    if (kind === 0) {
      functions++;
      at = leb(bytes, at)[1];
    } else if (kind === 1) {
      const [flags, next] = leb(bytes, at + 1);
      at = leb(bytes, next)[1];
      if (flags & 1) at = leb(bytes, at)[1];
    } else if (kind === 2) {
      const [flags, next] = leb(bytes, at);
      at = leb(bytes, next)[1];
      if (flags & 1) at = leb(bytes, at)[1];
    } else if (kind === 3) at += 2;
    else throw new Error(`import kind ${kind} not understood`);
  }
  return functions;
}

/** Function index -> name, from the "name" section's function names. */
function functionNames(bytes, section) {
  const names = new Map();
  let [, at] = leb(bytes, section.body);
  at += "name".length;
  while (at < section.end) {
    const kind = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    if (kind === 1) {
      let [count, p] = leb(bytes, body);
      while (count--) {
        const [index, q] = leb(bytes, p);
        const [length, start] = leb(bytes, q);
        names.set(index, new TextDecoder().decode(bytes.subarray(start, start + length)));
        p = start + length;
      }
    }
    at = body + size;
  }
  return names;
}

/** The crates a legacy-mangled name (`_ZN` + length-prefixed parts + `E`) names, in order: its
 * first part when that is a plain name, and every path inside a part (generic arguments and
 * `<T as Trait>` impls spell `::` as `..`). */
function legacyCrates(name) {
  const crates = [];
  for (let at = 3, first = true; at < name.length && name[at] !== "E"; first = false) {
    const digits = name.slice(at).match(/^\d+/)?.[0];
    if (!digits) break;
    const part = name.slice(at + digits.length, at + digits.length + Number(digits));
    at += digits.length + Number(digits);
    if (first && /^[a-z_][a-z0-9_]*$/.test(part)) crates.push(part);
    const plain = part.replace(/\$[A-Za-z0-9]+\$/g, " ");
    for (const m of plain.matchAll(/(?:^|[^a-z0-9_.])([a-z_][a-z0-9_]*)\.\./g)) crates.push(m[1]);
  }
  return crates;
}

/** The crates a v0-mangled name (`_R…`) names: each crate root `C<disambiguator><length><name>`. */
function v0Crates(name) {
  return [...name.matchAll(/C(?:s[0-9a-zA-Z]*_)?(\d+)([a-z_][a-z0-9_]*)/g)].map((m) => m[2].slice(0, Number(m[1])));
}

const STANDARD = new Set(["core", "alloc", "std"]);

/** The crate a mangled function name belongs to: the first crate it names other than Rust's
 * own `core`, `alloc` and `std` (`drop_in_place::<rustpython_vm::…>` is the VM's), else that. */
export function crateOf(name) {
  const crates = name.startsWith("_ZN") ? legacyCrates(name) : name.startsWith("_R") ? v0Crates(name) : [];
  return crates.find((c) => !STANDARD.has(c)) ?? crates[0] ?? "(not mangled)";
}

/** The module's code by crate, largest first: `{crate, bytes, functions, bodies}` (`bodies`, the
 * crate's function bodies one after another), and the module's section sizes. */
export function codeByCrate(file) {
  const bytes = new Uint8Array(readFileSync(file));
  const all = sections(bytes);
  const names = functionNames(bytes, all.find((s) => s.name === "name") ?? (() => { throw new Error(`${file} has no name section`); })());
  const imports = importedFunctions(bytes, all.find((s) => s.id === 2));
  const code = all.find((s) => s.id === 10);
  const byCrate = new Map();
  let [count, at] = leb(bytes, code.body);
  for (let index = imports; count--; index++) {
    const [size, body] = leb(bytes, at);
    const crate = crateOf(names.get(index) ?? "");
    const entry = byCrate.get(crate) ?? { crate, bytes: 0, functions: 0, bodies: [] };
    entry.bytes += size;
    entry.functions++;
    entry.bodies.push(bytes.subarray(body, body + size));
    byCrate.set(crate, entry);
    at = body + size;
  }
  const size = (test) => all.filter(test).reduce((sum, s) => sum + s.end - s.body, 0);
  return {
    crates: [...byCrate.values()].sort((a, b) => b.bytes - a.bytes),
    code: size((s) => s.id === 10),
    data: size((s) => s.id === 11),
    names: size((s) => s.name === "name"),
  };
}
