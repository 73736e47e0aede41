// The engine's home: a module worker holding one PyKata instance, shared by every widget on
// the page. Messages in: first {op: "start", module, image} (the engine the page fetched), then
// {id, op: "validate" | "grade" | "run" | "preload", events, ...}; out: {type: "ready"},
// {type: "event", id, event} (with `events`: the engine's events, posted as they happen, while
// the call still runs) and {id, ok, result | error}. A runaway program is stopped by
// terminating this worker, never by blocking the page.
/** @import { EngineEvent, Request, Start, WorkerMessage } from "./engine-client.js" */
/** @import { Report, RunOutput, Validation } from "./engine.js" */
/** @typedef {import("./pkg/pykata_wasm.js").PyKata} Engine */
import { crashCause } from "./crash.js";
import { restoreImage } from "./engine-image.js";

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
// The page fetches and compiles the engine (engine-download.js) while this worker starts, and
// sends it in its first message (`Start`); the glue code meanwhile arrives here.
const glue = import("./pkg/pykata_wasm.js");
/** The engine's files, once the page has sent them. @type {(files: Start) => void} */
let started = () => {};
/** @type {Promise<Start>} */
const files = new Promise((resolve) => {
  started = resolve;
});
/** The `PyKata` class, once the engine is initialised.
 * @type {typeof import("./pkg/pykata_wasm.js").PyKata | null} */
let PyKata = null;
/** The engine's exercise validator (no interpreter needed), once initialised.
 * @type {typeof import("./pkg/pykata_wasm.js").validateExercise | null} */
let validateExercise = null;

/** Tell the page (engine-client.js). @param {WorkerMessage} message */
const post = (message) => self.postMessage(message);

/** The engine module, initialised: enough to validate exercises, which needs no interpreter. */
const initialised = Promise.all([glue, files]).then(async ([{ default: init, PyKata: api, validateExercise: validate }, { module, image }]) => {
  const wasm = await init({ module_or_path: module });
  // Before any call into the instance: with the image copied in, Python has started.
  // The page says why an image was refused (a worker's console is easily missed).
  const restored = image ? restoreImage(module, wasm, image) : "missing";
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
self.onmessage = async (/** @type {MessageEvent<Start | Request & { id: number }>} */ { data }) => {
  if (data.op === "start") return started(data);
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
