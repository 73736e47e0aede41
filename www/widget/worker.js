// The engine's home: a module worker holding one PyKata instance, shared by every widget on
// the page. Messages in: {id, op: "validate" | "grade" | "run" | "preload", events, ...}; out: {type: "progress", loaded,
// total}, {type: "ready"}, {type: "event", id, event} (with `events`: the engine's events, posted
// as they happen, while the call still runs) and {id, ok, result | error}. A runaway program is stopped by
// terminating this worker, never by blocking the page.
/** @import { EngineEvent, Request, WorkerMessage } from "./engine-client.js" */
/** @import { Report, RunOutput, Validation } from "./engine.js" */
/** @typedef {import("./pkg/pykata_wasm.js").PyKata} Engine */
import { crashCause } from "./crash.js";
import { restoreImage } from "./engine-image.js";

const WASM_URL = new URL("./pkg/pykata_wasm_bg.wasm", import.meta.url);
const IMAGE_URL = new URL("./pkg/pykata_wasm_bg.image", import.meta.url);
const STDLIB_URL = new URL("./pkg/pykata_stdlib.bin", import.meta.url);

/** The standard library's bytes, fetched ahead of need (`preloadAfter`) until the engine takes
 * them. @type {ArrayBuffer | null} */
let fetchedLibrary = null;
/** That fetch, once started. @type {Promise<void> | null} */
let libraryFetch = null;
/** Why a synchronous request for the library failed, once one has: not asked again by this
 * worker (a fresh one asks anew), so code importing in a loop cannot keep the page's budgets
 * stopped. @type {Error | null} */
let libraryFailure = null;

/** The engine's standard library, which it asks for (synchronously, in the middle of a Python
 * import) the first time code imports a module its pre-started image does not hold: the bytes
 * fetched ahead of need, or else read with a synchronous request, which workers may make. The
 * page's budgets do not count that request's time ({type: "library"} messages). Throws if it
 * cannot be had, which the import raises as an ImportError. */
Object.assign(self, {
  pykataStandardLibrary() {
    if (fetchedLibrary) {
      const bytes = new Uint8Array(fetchedLibrary);
      fetchedLibrary = null;
      return bytes;
    }
    if (libraryFailure) throw libraryFailure;
    post({ type: "library", loading: true });
    try {
      const request = new XMLHttpRequest();
      request.open("GET", STDLIB_URL, false);
      request.responseType = "arraybuffer";
      request.send();
      if (request.status !== 200) throw new Error(`HTTP ${request.status} for ${STDLIB_URL}`);
      return new Uint8Array(request.response);
    } catch (error) {
      libraryFailure = /** @type {Error} */ (error);
      throw error;
    } finally {
      post({ type: "library", loading: false });
    }
  },
});
// All start at once: the engine's download does not wait for its glue code to arrive.
const download = fetch(WASM_URL);
const glue = import("./pkg/pykata_wasm.js");
/** The engine's pre-started image (engine-image.js), or null where the host has none: Python
 * then starts the slow way. */
const image = fetch(IMAGE_URL)
  .then((response) => (response.ok ? response.arrayBuffer() : null))
  .catch(() => null);
/** The `PyKata` class, once the engine is initialised.
 * @type {typeof import("./pkg/pykata_wasm.js").PyKata | null} */
let PyKata = null;
/** The engine's exercise validator (no interpreter needed), once initialised.
 * @type {typeof import("./pkg/pykata_wasm.js").validateExercise | null} */
let validateExercise = null;

/** Tell the page (engine-client.js). @param {WorkerMessage} message */
const post = (message) => self.postMessage(message);

/** Read `response`, reporting its bytes as they arrive (`total` 0 when unknown); with `keep`,
 * return them.
 * @template {boolean} Keep
 * @param {Response} response
 * @param {Keep} keep
 * @returns {Promise<Keep extends true ? ArrayBuffer : null>} */
async function read(response, keep) {
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
    post({ type: "progress", loaded, total });
  }
  return /** @type {any} */ (keep ? new Blob(chunks).arrayBuffer() : null);
}

/** Download and compile the wasm module. Where the server labels it `application/wasm`, the
 * browser's own response goes to `compileStreaming`, which compiles while it downloads and
 * lets Chromium keep the compiled code for the next visit (a clone is read for the progress
 * bar); a host that labels it otherwise still works, compiling once it has arrived. */
async function compile() {
  const response = await download;
  if (!response.ok) throw new Error(`could not load the Python engine (HTTP ${response.status})`);
  if (!response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compile(await read(response, true));
  }
  const progress = read(response.clone(), false);
  const module = await WebAssembly.compileStreaming(response);
  await progress;
  return module;
}

/** The engine module, initialised: enough to validate exercises, which needs no interpreter. */
const initialised = Promise.all([glue, compile(), image]).then(async ([{ default: init, PyKata: api, validateExercise: validate }, module, bytes]) => {
  const wasm = await init({ module_or_path: module });
  // Before any call into the instance: with the image copied in, Python has started.
  // The page says why an image was refused (a worker's console is easily missed).
  const restored = bytes ? restoreImage(module, wasm, bytes) : "missing";
  PyKata = api;
  validateExercise = validate;
  post({ type: "ready", image: restored });
});
/** The engine with Python started — once the validations already asked for are answered, so
 * an exercise shows (and its first Check is sent) while the interpreter starts. */
const ready = initialised.then(
  () =>
    /** @type {Promise<Engine>} */ (new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          const engine = new (/** @type {NonNullable<typeof PyKata>} */ (PyKata))();
          engine.prepare();
          resolve(engine);
        } catch (error) {
          reject(error);
        }
      }, 0),
    )),
);
ready.catch((error) => post({ type: "failed", error: String(error?.message ?? error) }));

/** Import ahead of need what a first Check that raises would otherwise wait for. Only a head
 * start: if it fails, the import happens on first need (and a trap that broke the instance
 * surfaces on the next request, which replaces the worker).
 * @param {Engine} engine */
function preload(engine) {
  try {
    engine.preload();
  } catch {
    // See above.
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let preloadTimer;
let preloadDue = Infinity;

/** Preload in `ms` (unless planned sooner), once the standard library has been fetched — once
 * per worker, asynchronously, so a request arriving meanwhile is not held up. Planned when a
 * request has its answer, or a while after the page asks to preload (an exercise is shown): the
 * first Check or Run does not share the network with the library, and a learner still reading
 * finds it there.
 * @param {number} ms */
function preloadAfter(ms) {
  const due = Date.now() + ms;
  if (due >= preloadDue) return;
  clearTimeout(preloadTimer);
  preloadDue = due;
  preloadTimer = setTimeout(async () => {
    preloadDue = Infinity;
    libraryFetch ??= fetch(STDLIB_URL)
      .then((response) => (response.ok ? response.arrayBuffer() : null))
      .catch(() => null)
      .then((bytes) => {
        fetchedLibrary = bytes;
      });
    await libraryFetch;
    preload(await ready);
    // Taken by the engine, or not needed: it had the library already.
    fetchedLibrary = null;
  }, ms);
}

/** How long after the page asks to preload (an exercise shown) the library is fetched, if no
 * request came first. */
const PRELOAD_AFTER_MS = 3000;
/** How long after an answer: the page draws it first, without the library's download and its
 * decompression (0.9 MB brotli) competing. */
const PRELOAD_AFTER_ANSWER_MS = 250;

/** After a submission, get Python ready for the next while the learner reads the results:
 * start a new interpreter if that one was used up, then preload once the reply is out.
 * @param {Engine} engine */
function warmUp(engine) {
  engine.prepare();
  preloadAfter(PRELOAD_AFTER_ANSWER_MS);
}

// What the engine's calls answer is typed `any` by wasm-bindgen: the annotations below say
// which Rust type each serialises (crates/wasm/src/lib.rs).
self.onmessage = async (/** @type {MessageEvent<Request & { id: number }>} */ { data }) => {
  const { id } = data;
  try {
    if (data.op === "validate") {
      await initialised;
      const validate = /** @type {NonNullable<typeof validateExercise>} */ (validateExercise);
      /** @type {Validation} */
      const result = validate(data.format, data.text, data.name);
      post({ id, ok: true, result });
      return;
    }
    const engine = await ready;
    if (data.op === "preload") {
      preloadAfter(PRELOAD_AFTER_MS);
      post({ id, ok: true, result: null });
      return;
    }
    const onEvent = data.events ? (/** @type {EngineEvent} */ event) => post({ type: "event", id, event }) : undefined;
    /** @type {Report | RunOutput} */
    const result =
      data.op === "grade"
        ? engine.grade(data.exercise, data.source, data.resume, onEvent)
        : engine.run(data.source, data.stdin ?? "", data.limitMs, data.modules, data.exerciseId, onEvent);
    // Past the engine's threshold, the worker asks to be replaced once idle.
    const retire = /** @type {NonNullable<typeof PyKata>} */ (PyKata).shouldRetire();
    post({ id, ok: true, result, retire });
    // If that submission cost the interpreter (it ran out of a budget, or changed what cannot
    // be put back), start the next one now, before the learner asks.
    if (!retire) warmUp(engine);
  } catch (error) {
    // An exception out of the wasm module (a trap, a JS stack overflow from deep native
    // recursion) leaves the instance unusable: say so and why, and the page starts a fresh worker.
    const message = String(/** @type {Error} */ (error)?.message ?? error);
    post({ id, ok: false, error: message, crashed: true, budget: crashCause(PyKata, error) });
  }
};
