// The engine's files, fetched by the page, not by its worker: the wasm module (compiled as it
// downloads) and its pre-started image (engine-image.js). A worker takes a while to start and
// to load its own imports; fetched here, the download and its decompression run meanwhile.
// Fetched once per page: a worker started after a crash, a Stop or a retirement gets the same
// compiled module and a copy of the image, with nothing downloaded or compiled again.

const WASM_URL = new URL("./pkg/pykata_wasm_bg.wasm", import.meta.url);
const IMAGE_URL = new URL("./pkg/pykata_wasm_bg.image", import.meta.url);

/** What a worker starts from: the compiled engine, and its image or null where the host has none
 * (Python then starts the slow way).
 * @typedef {{ module: WebAssembly.Module, image: ArrayBuffer | null }} EngineFiles */

/** How much of the engine has arrived (`total` 0 when unknown).
 * @typedef {(progress: { loaded: number, total: number }) => void} OnProgress */

/** The download, once started. @type {Promise<EngineFiles> | null} */
let files = null;

/** The engine's files, downloaded on the first call; `onProgress` hears that download's bytes
 * arrive. A failed download is forgotten, so the next call tries again.
 * @param {OnProgress} onProgress
 * @returns {Promise<EngineFiles>} */
export function engineFiles(onProgress) {
  if (!files) {
    files = Promise.all([compile(onProgress), image()]).then(([module, image]) => ({ module, image }));
    files.catch(() => {
      files = null;
    });
  }
  return files;
}

/** The image's bytes, or null where the host has none. */
function image() {
  return fetch(IMAGE_URL)
    .then((response) => (response.ok ? response.arrayBuffer() : null))
    .catch(() => null);
}

/** Download and compile the wasm module. Where the server labels it `application/wasm`, the
 * browser's own response goes to `compileStreaming`, which compiles while it downloads and
 * lets Chromium keep the compiled code for the next visit (a clone is read for the progress
 * bar); a host that labels it otherwise still works, compiling once it has arrived.
 * @param {OnProgress} onProgress */
async function compile(onProgress) {
  const response = await fetch(WASM_URL);
  if (!response.ok) throw new Error(`could not load the Python engine (HTTP ${response.status})`);
  if (!response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compile(await read(response, onProgress, true));
  }
  const progress = read(response.clone(), onProgress, false);
  const module = await WebAssembly.compileStreaming(response);
  await progress;
  return module;
}

/** Read `response`, reporting its bytes as they arrive; with `keep`, return them.
 * @template {boolean} Keep
 * @param {Response} response
 * @param {OnProgress} onProgress
 * @param {Keep} keep
 * @returns {Promise<Keep extends true ? ArrayBuffer : null>} */
async function read(response, onProgress, keep) {
  // The bytes read here are unpacked, so a compressed response's Content-Length (the packed
  // size) is no total. From another origin (a CDN: a "cors" response) Content-Encoding cannot be
  // read — it is not a CORS-safelisted header, and CDNs do not expose it — so whether the length
  // is the packed or the unpacked size is unknowable: no total then either (CDNs compress).
  // And never more loaded than a total: past it, the length was not the unpacked size.
  const compressed = response.headers.get("content-encoding");
  const hidden = response.type === "cors" && !compressed;
  let total = compressed || hidden ? 0 : Number(response.headers.get("content-length")) || 0;
  const reader = /** @type {ReadableStream<Uint8Array<ArrayBuffer>>} */ (response.body).getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (keep) chunks.push(value);
    loaded += value.length;
    if (loaded > total) total = 0;
    onProgress({ loaded, total });
  }
  return /** @type {any} */ (keep ? new Blob(chunks).arrayBuffer() : null);
}
