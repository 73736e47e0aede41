// The engine's pre-started image: the pages of a wasm instance's memory that starting Python
// changed (`PyKata.prepareImage`), taken at build time (`www/make-image.mjs`) and copied into a
// fresh instance of the same module, which then has a started interpreter without starting one.
//
// File layout: "PYKIMG1\n", a little-endian u32 header length, the header as JSON
// `{id, pages, table, runs: [[first page, page count], ...]}`, then the runs' pages in order.
// `id` is the module's own (its custom section `pykata-image-id`), so an image is never copied
// into another build's module; `table` is the length of wasm-bindgen's externref table then.

/** What of a wasm-bindgen instance's exports an image touches.
 * @typedef {{ memory: WebAssembly.Memory, __wbindgen_externrefs: WebAssembly.Table }} Exports */
/** An image's header. @typedef {{ id: string, pages: number, table: number, runs: [number, number][] }} Header */

/** The custom section naming a module for its image. */
export const ID_SECTION = "pykata-image-id";
const MAGIC = "PYKIMG1\n";
const PAGE = 65536;

/** The id `module` carries, or null. @param {WebAssembly.Module} module */
export function moduleId(module) {
  const [section] = WebAssembly.Module.customSections(module, ID_SECTION);
  return section ? new TextDecoder().decode(section) : null;
}

/** Read an image's header and where its pages start; null if `bytes` is no image.
 * @param {Uint8Array} bytes
 * @returns {{ header: Header, offset: number } | null} */
function parse(bytes) {
  if (bytes.byteLength < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length)));
  return { header, offset: 12 + length };
}

/** What `restoreImage` did: copied the image in, or left the instance untouched because the
 * bytes are no image (say, a host's HTML page answered for any path) or one of another build.
 * @typedef {"copied" | "not-an-image" | "other-build"} Restored */

/** Copy `image` (bytes) into `wasm` (a fresh instance's exports, before any call into it) if it
 * was taken from `module`.
 * @param {WebAssembly.Module} module
 * @param {Exports} wasm
 * @param {ArrayBuffer | Uint8Array} image
 * @returns {Restored} */
export function restoreImage(module, wasm, image) {
  const source = new Uint8Array(image);
  const parsed = parse(source);
  if (!parsed) return "not-an-image";
  const id = moduleId(module);
  if (!id || parsed.header.id !== id) return "other-build";
  const { header } = parsed;
  const memory = wasm.memory;
  const have = memory.buffer.byteLength / PAGE;
  if (header.pages > have) memory.grow(header.pages - have);
  const target = new Uint8Array(memory.buffer);
  let offset = parsed.offset;
  for (const [first, count] of header.runs) {
    target.set(source.subarray(offset, offset + count * PAGE), first * PAGE);
    offset += count * PAGE;
  }
  const table = wasm.__wbindgen_externrefs;
  if (table && table.length < header.table) table.grow(header.table - table.length);
  return "copied";
}

/** The image of `wasm`'s memory now against `fresh` (a copy of it before Python started):
 * every page at or above `firstPage` that differs. Pages below it (the stack, dead once a call
 * has returned) are left out.
 * @param {string} id the module's id
 * @param {Exports} wasm
 * @param {Uint8Array} fresh
 * @param {number} firstPage */
export function takeImage(id, wasm, fresh, firstPage) {
  const now = new Uint8Array(wasm.memory.buffer);
  /** @type {[number, number][]} */
  const runs = [];
  for (let page = firstPage; page < now.length / PAGE; page++) {
    const start = page * PAGE;
    // Memory grown since `fresh` starts zeroed, in the instance the image is copied into too.
    let changed = false;
    for (let i = start; !changed && i < start + PAGE; i++) changed = now[i] !== (fresh[i] ?? 0);
    if (!changed) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === page) last[1]++;
    else runs.push([page, 1]);
  }
  const header = new TextEncoder().encode(
    JSON.stringify({ id, pages: now.length / PAGE, table: wasm.__wbindgen_externrefs.length, runs }),
  );
  const pages = runs.flatMap(([first, count]) => [now.subarray(first * PAGE, (first + count) * PAGE)]);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, header.length, true);
  return new Blob([MAGIC, length, header, ...pages]);
}
