// The page side of the engine: one worker shared by every widget, requests with a time
// budget, and a fresh worker after a budget runs out or Stop is pressed. The page itself
// never runs Python, so it never freezes.

/** @import { Budget, Exercise, ModuleCode, Report, RunOutput, Validation } from "./engine.js" */

/**
 * What the page asks the worker (worker.js), by `op`.
 * @typedef {{ op: "validate", format: "toml" | "json" | "built", text: string, name: string }
 *   | { op: "grade", exercise: Exercise, source: string }
 *   | { op: "run", source: string, stdin: string, limitMs: number, modules?: ModuleCode[], exerciseId?: string }
 *   | { op: "preload" }} Request
 */

/**
 * What the worker answers each `op` with: the engine's own types.
 * @typedef {{ validate: Validation, grade: Report, run: RunOutput, preload: null }} Results
 */

/**
 * What the worker posts: download progress, its state, and the answer to request `id` (`retire`:
 * the engine has grown past its threshold; `crashed`: the call broke the engine, `budget` says
 * why when known).
 * @typedef {{ type: "progress", loaded: number, total: number }
 *   | { type: "ready" }
 *   | { type: "failed", error: string }
 *   | { type?: undefined, id: number, ok: true, result: Results[keyof Results], retire?: boolean }
 *   | { type?: undefined, id: number, ok: false, error: string, crashed: boolean, budget: Budget | null }} WorkerMessage
 */

/** @typedef {"idle" | "loading" | "ready" | "failed"} EngineState */

/**
 * Why a request failed: `stopped` ("budget", "user", "crash") if the worker was terminated
 * first, `crashed` if the code broke the engine, with the `budget` that did when known.
 * @typedef {Error & { stopped?: string, crashed?: boolean, budget?: Budget | null }} RequestError
 */

/**
 * @typedef {object} Pending
 * @property {(result: any) => void} resolve
 * @property {(error: RequestError) => void} reject
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 */

/** Where the worker script is: beside this module. */
const WORKER_URL = new URL("./worker.js", import.meta.url);

/** A worker from `url`, even when this module was loaded from another origin (a CDN):
 * browsers only start same-origin worker scripts, so a same-origin blob imports it.
 * @param {URL} url */
function startWorker(url) {
  if (url.origin === location.origin) return new Worker(url, { type: "module" });
  const shim = new Blob([`import ${JSON.stringify(url.href)};`], { type: "text/javascript" });
  return new Worker(URL.createObjectURL(shim), { type: "module" });
}

/** The page's engine. Events: `progress` (detail: `{loaded, total}` bytes of the download) and
 * `state` (detail: `{state, error}`). */
export class EngineClient extends EventTarget {
  /** @type {Worker | null} */
  #worker = null;
  /** @type {Map<number, Pending>} */
  #pending = new Map();
  #nextId = 1;
  /** "idle" before the first start, then "loading", "ready" or "failed".
   * @type {EngineState} */
  state = "idle";

  #spawn() {
    const worker = startWorker(WORKER_URL);
    this.#worker = worker;
    this.#set("loading");
    worker.onmessage = (/** @type {MessageEvent<WorkerMessage>} */ { data }) => {
      if (data.type === "progress") {
        this.dispatchEvent(new CustomEvent("progress", { detail: data }));
        return;
      }
      if (data.type === "ready") return this.#set("ready");
      if (data.type === "failed") {
        this.#set("failed", data.error);
        return this.#failAll(new Error(data.error));
      }
      const request = this.#pending.get(data.id);
      if (!request) return;
      this.#pending.delete(data.id);
      clearTimeout(request.timer);
      if (data.ok) {
        request.resolve(data.result);
        if (data.retire && this.#pending.size === 0) this.#retire();
        return;
      }
      request.reject(Object.assign(new Error(data.error), { crashed: Boolean(data.crashed), budget: data.budget ?? null }));
      if (data.crashed) this.stop("crash");
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#set("failed", event.message || "the Python engine crashed");
      this.#failAll(new Error(event.message || "the Python engine crashed"));
      this.#worker?.terminate();
      this.#worker = null;
    };
  }

  /** @param {EngineState} state @param {string} [error] */
  #set(state, error) {
    this.state = state;
    this.dispatchEvent(new CustomEvent("state", { detail: { state, error } }));
  }

  /** Start the worker (and its download) ahead of the first request. */
  warm() {
    if (!this.#worker) this.#spawn();
  }

  /** Send `message`; resolves with the result, or rejects with an error whose `stopped` is
   * "budget" or "user" if the worker was terminated first, or whose `crashed` is true if the
   * code broke the engine (which is then replaced; `budget` then says "memory" or "recursion"
   * when one of those was the cause).
   * @template {Request} M
   * @param {M} message
   * @param {number | null} [budgetMs]
   * @returns {Promise<Results[M["op"]]>} */
  request(message, budgetMs = null) {
    this.warm();
    const worker = /** @type {Worker} */ (this.#worker);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      // The budget starts once the engine is ready, so a slow download is not a timeout.
      // Requests that run no learner code (validate, preload) have none.
      const arm = () => (budgetMs == null ? undefined : setTimeout(() => this.stop("budget"), budgetMs));
      /** @type {Pending} */
      const pending = { resolve, reject, timer: undefined };
      if (this.state === "ready") pending.timer = arm();
      else {
        const onReady = (/** @type {CustomEvent<{state: EngineState}>} */ { detail }) => {
          if (detail.state !== "ready" || !this.#pending.has(id)) return;
          this.removeEventListener("state", /** @type {EventListener} */ (onReady));
          pending.timer = arm();
        };
        this.addEventListener("state", /** @type {EventListener} */ (onReady));
      }
      this.#pending.set(id, pending);
      worker.postMessage({ ...message, id });
    });
  }

  /** Replace an idle worker that has grown large with a fresh one. */
  #retire() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#set("idle");
    this.warm();
  }

  /** Terminate the worker and everything it was running; a fresh one starts on the next request.
   * @param {"user" | "budget" | "crash"} reason */
  stop(reason = "user") {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    this.#set("idle");
    this.#failAll(Object.assign(new Error(`stopped (${reason})`), { stopped: reason }));
  }

  /** @param {RequestError} error */
  #failAll(error) {
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.#pending.clear();
  }
}
