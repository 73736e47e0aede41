// Unit tests of the page's download of the engine (engine-download.js), with fetch answered by
// the test: the smallest valid wasm module, and an image's bytes.
import { test } from "node:test";
import assert from "node:assert/strict";

/** The smallest valid wasm module: the magic number and version 1. */
const EMPTY_MODULE = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const IMAGE = Uint8Array.from([1, 2, 3, 4]);

/** Answer fetches by the file's name from `answers`, recording the names asked for.
 * @param {Record<string, () => Response>} answers */
function answering(answers) {
  const asked = [];
  globalThis.fetch = async (url) => {
    const name = String(url).split("/").pop();
    asked.push(name);
    return answers[name]();
  };
  return asked;
}

const wasm = (type = "application/wasm") =>
  new Response(EMPTY_MODULE, { headers: { "content-type": type, "content-length": String(EMPTY_MODULE.length) } });
const image = () => new Response(IMAGE);

/** A fresh copy of the module (its download is kept per page: per module instance). */
let copies = 0;
const fresh = () => import(`../widget/engine-download.js?copy=${copies++}`);

test("the engine is downloaded once, compiled, and its progress heard", async () => {
  const asked = answering({ "pykata_wasm_bg.wasm": () => wasm(), "pykata_wasm_bg.image": image });
  const { engineFiles } = await fresh();
  const progress = [];
  const first = await engineFiles((p) => progress.push(p));
  const again = await engineFiles(() => {});
  assert.ok(first.module instanceof WebAssembly.Module);
  assert.deepEqual(new Uint8Array(/** @type {ArrayBuffer} */ (first.image)), IMAGE);
  assert.equal(again, first, "a later worker gets the same module and image");
  assert.deepEqual(asked.sort(), ["pykata_wasm_bg.image", "pykata_wasm_bg.wasm"]);
  assert.deepEqual(progress.at(-1), { loaded: 8, total: 8 });
});

test("a host that labels the wasm otherwise still gets a compiled engine", async () => {
  answering({ "pykata_wasm_bg.wasm": () => wasm("application/octet-stream"), "pykata_wasm_bg.image": image });
  const { engineFiles } = await fresh();
  assert.ok((await engineFiles(() => {})).module instanceof WebAssembly.Module);
});

test("no image is no error: Python then starts in the worker", async () => {
  answering({ "pykata_wasm_bg.wasm": () => wasm(), "pykata_wasm_bg.image": () => new Response("no", { status: 404 }) });
  const { engineFiles } = await fresh();
  assert.equal((await engineFiles(() => {})).image, null);
});

test("a failed download says why, and the next call downloads again", async () => {
  let status = 404;
  const asked = answering({ "pykata_wasm_bg.wasm": () => (status === 200 ? wasm() : new Response("", { status })), "pykata_wasm_bg.image": image });
  const { engineFiles } = await fresh();
  await assert.rejects(engineFiles(() => {}), /could not load the Python engine \(HTTP 404\)/);
  status = 200;
  assert.ok((await engineFiles(() => {})).module instanceof WebAssembly.Module);
  assert.equal(asked.filter((name) => name === "pykata_wasm_bg.wasm").length, 2);
});
