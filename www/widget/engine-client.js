// The page side of the engine: one worker shared by every widget, requests sent to it one at a
// time with a time budget, the engine's events passed on while a request runs, and a fresh
// worker after a budget runs out or Stop is pressed (which stops only the requests of the
// widget that pressed it). The page itself never runs Python, so it never freezes.

/** @import { Budget, Exercise, ModuleCode, Report, RunOutput, TestResult, Validation } from "./engine.js" */
import { engineFiles } from "./engine-download.js";

/**
 * Where to resume a grading stopped when check `hung` ran out of its budget (the engine's
 * `Resume`): the results of the checks before it and the time left when it started.
 * @typedef {{ tests: TestResult[], hung: number, left_ms: number }} Resume
 */

/**
 * What the engine tells while a request runs (the engine's `Event`): a Run's output as it is
 * written; a Check's checks as they start (with their budget) and finish (with their results).
 * @typedef {{ type: "output", stream: "stdout" | "stderr", text: string }
 *   | { type: "check_started", index: number, budget_ms: number, left_ms: number }
 *   | { type: "check_finished", index: number, duration_ms: number, tests: TestResult[] }} EngineEvent
 */

/**
 * What the page asks the worker (worker.js), by `op` (`events`: post the engine's events).
 * @typedef {({ op: "validate", format: "toml" | "json" | "built", text: string, name: string }
 *   | { op: "grade", exercise: Exercise, source: string, resume?: Resume | null }
 *   | { op: "run", source: string, stdin: string, limitMs: number, modules?: ModuleCode[], exerciseId?: string }
 *   | { op: "preload" }) & { events?: boolean }} Request
 */

/**
 * The worker's first message: the engine, which the page fetched (engine-download.js).
 * @typedef {{ op: "start" } & import("./engine-download.js").EngineFiles} Start
 */

/**
 * What the worker answers each `op` with: the engine's own types.
 * @typedef {{ validate: Validation, grade: Report, run: RunOutput, preload: null }} Results
 */

/**
 * What the worker posts: its state, whether it is fetching the standard
 * library in the middle of an import (time no budget counts), and the answer to request `id`
 * (`retire`: the engine has grown past its threshold; `crashed`: the call broke the engine,
 * `budget` says why when known).
 * @typedef {{ type: "library", loading: boolean }
 *   | { type: "ready", image: import("./engine-image.js").Restored | "missing" }
 *   | { type: "failed", error: string }
 *   | { type: "event", id: number, event: EngineEvent }
 *   | { type?: undefined, id: number, ok: true, result: Results[keyof Results], retire?: boolean }
 *   | { type?: undefined, id: number, ok: false, error: string, crashed: boolean, budget: Budget | null }} WorkerMessage
 */

/** Why the worker did not copy the engine's pre-started image in, for the console (where a
 * host's developer looks); a missing image (404) is not worth a warning.
 * @type {Record<string, string>} */
const IMAGE_REFUSED = {
  "not-an-image": "pkg/pykata_wasm_bg.image is no engine image (is the server answering it with a page?)",
  "other-build": "the engine image belongs to another build",
};

/** @typedef {"idle" | "loading" | "ready" | "failed"} EngineState */

/**
 * Why a request failed: `stopped` ("budget", "user", "crash") if the worker was terminated
 * first, `crashed` if the code broke the engine, with the `budget` that did when known.
 * @typedef {Error & { stopped?: string, crashed?: boolean, budget?: Budget | null }} RequestError
 */

/**
 * A request, queued or running.
 * @typedef {object} Job
 * @property {number} id
 * @property {Request} message
 * @property {number | null} budgetMs
 * @property {unknown} owner who asked (a widget): Stop with an owner stops only its requests
 * @property {((event: EngineEvent) => void) | undefined} onEvent
 * @property {((paused: boolean) => void) | undefined} onPause
 * @property {(result: any) => void} resolve
 * @property {(error: RequestError) => void} reject
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 */

/**
 * Who asked, who hears the engine's events while the request runs, and who hears when its time
 * stops counting (`true`: the worker is fetching the standard library) and starts again.
 * @typedef {{ owner?: unknown, onEvent?: (event: EngineEvent) => void, onPause?: (paused: boolean) => void }} RequestOptions
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
  /** The request the worker is running; the worker gets the next only once it has answered.
   * @type {Job | null} */
  #current = null;
  /** @type {Job[]} */
  #queue = [];
  #nextId = 1;
  /** True while the worker fetches the standard library in the middle of an import: no
   * request's budget counts that time. */
  #fetchingLibrary = false;
  /** "idle" before the first start, then "loading", "ready" or "failed".
   * @type {EngineState} */
  state = "idle";
  /** Where the engine comes from. @type {typeof engineFiles} */
  #files;

  /** @param {typeof engineFiles} [files] the engine's download (tests give another) */
  constructor(files = engineFiles) {
    super();
    this.#files = files;
  }

  #spawn() {
    const worker = startWorker(WORKER_URL);
    this.#worker = worker;
    this.#set("loading");
    // The engine downloads here while the worker starts; a later worker gets it at once.
    this.#files((progress) => this.dispatchEvent(new CustomEvent("progress", { detail: progress }))).then(
      (files) => worker.postMessage(/** @type {Start} */ ({ op: "start", ...files })),
      (error) => {
        if (this.#worker === worker) this.#fail(String(error?.message ?? error));
      },
    );
    worker.onmessage = (/** @type {MessageEvent<WorkerMessage>} */ { data }) => {
      if (data.type === "ready") {
        if (data.image in IMAGE_REFUSED) console.warn(`pykata: ${IMAGE_REFUSED[data.image]}; Python was started without it`);
        return this.#set("ready");
      }
      if (data.type === "failed") {
        this.#set("failed", data.error);
        return this.#failAll(new Error(data.error));
      }
      if (data.type === "library") return this.#pause(data.loading);
      const job = this.#current;
      if (!job || data.id !== job.id) return;
      if (data.type === "event") return job.onEvent?.(data.event);
      this.#current = null;
      clearTimeout(job.timer);
      if (data.ok) {
        job.resolve(data.result);
        if (data.retire && this.#queue.length === 0) this.#retire();
      } else {
        job.reject(Object.assign(new Error(data.error), { crashed: Boolean(data.crashed), budget: data.budget ?? null }));
        if (data.crashed) this.#terminate();
      }
      this.#next();
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#fail(event.message || "the Python engine crashed");
    };
  }

  /** The engine could not be had (`message` says why): every request fails, and the next one
   * starts a fresh worker, which tries again. @param {string} message */
  #fail(message) {
    this.#set("failed", message);
    this.#failAll(new Error(message));
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** @param {EngineState} state @param {string} [error] */
  #set(state, error) {
    this.state = state;
    // The budget starts once the engine is ready, so a slow download is not a timeout.
    if (state === "ready" && this.#current) this.#arm(this.#current);
    this.dispatchEvent(new CustomEvent("state", { detail: { state, error } }));
  }

  /** Start the worker (and its download) ahead of the first request. */
  warm() {
    if (!this.#worker) this.#spawn();
  }

  /** Queue `message`; resolves with the result, or rejects with an error whose `stopped` is
   * "budget" or "user" if the worker was terminated first, or whose `crashed` is true if the
   * code broke the engine (which is then replaced; `budget` then says "memory" or "recursion"
   * when one of those was the cause). `options.onEvent` hears the engine's events while it runs.
   * @template {Request} M
   * @param {M} message
   * @param {number | null} [budgetMs] none for requests that run no learner code
   * @param {RequestOptions} [options]
   * @returns {Promise<Results[M["op"]]>} */
  request(message, budgetMs = null, { owner, onEvent, onPause } = {}) {
    this.warm();
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, message, budgetMs, owner, onEvent, onPause, resolve, reject, timer: undefined });
      this.#next();
    });
  }

  /** Send the next queued request, if the worker is free. */
  #next() {
    if (this.#current || this.#queue.length === 0) return;
    this.warm();
    const job = /** @type {Job} */ (this.#queue.shift());
    this.#current = job;
    /** @type {Worker} */ (this.#worker).postMessage({ ...job.message, id: job.id, events: Boolean(job.onEvent) });
    if (this.state === "ready") this.#arm(job);
  }

  /** Start `job`'s time budget: past it, the worker is stopped.
   * @param {Job} job */
  #arm(job) {
    if (job.budgetMs == null || job.timer !== undefined || this.#fetchingLibrary) return;
    job.timer = setTimeout(() => this.#stopCurrent(job, "budget"), job.budgetMs);
  }

  /** The worker started (`fetching`) or ended fetching the standard library: the running
   * request's budget stops, then starts afresh, as does what its `onPause` times.
   * @param {boolean} fetching */
  #pause(fetching) {
    this.#fetchingLibrary = fetching;
    const job = this.#current;
    if (!job) return;
    clearTimeout(job.timer);
    job.timer = undefined;
    if (!fetching && this.state === "ready") this.#arm(job);
    job.onPause?.(fetching);
  }

  /** Replace an idle worker that has grown large with a fresh one. */
  #retire() {
    this.#terminate();
    this.warm();
  }

  #terminate() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#fetchingLibrary = false;
    this.#set("idle");
  }

  /** If `job` is still running, terminate the worker under it and fail it with `reason`; the
   * queue goes on in a fresh worker.
   * @param {Job} job
   * @param {"user" | "budget"} reason */
  #stopCurrent(job, reason) {
    if (this.#current !== job) return;
    this.#current = null;
    this.#terminate();
    clearTimeout(job.timer);
    job.reject(stopped(reason));
    this.#next();
  }

  /** Stop the requests of `owner` (queued or running), or with no owner, every request; a
   * running one is stopped by terminating the worker, and a fresh one starts for the rest.
   * @param {"user" | "budget" | "crash"} reason
   * @param {unknown} [owner] */
  stop(reason = "user", owner) {
    if (owner === undefined) {
      if (!this.#worker) return;
      this.#terminate();
      return this.#failAll(stopped(reason));
    }
    for (const job of this.#queue.filter((queued) => queued.owner === owner)) {
      this.#queue.splice(this.#queue.indexOf(job), 1);
      job.reject(stopped(reason));
    }
    if (this.#current?.owner === owner) this.#stopCurrent(this.#current, reason === "budget" ? "budget" : "user");
  }

  /** @param {RequestError} error */
  #failAll(error) {
    const jobs = [...(this.#current ? [this.#current] : []), ...this.#queue];
    this.#current = null;
    this.#queue = [];
    for (const { reject, timer } of jobs) {
      clearTimeout(timer);
      reject(error);
    }
  }
}

/** The error of a request stopped by terminating the worker. @param {string} reason */
function stopped(reason) {
  return Object.assign(new Error(`stopped (${reason})`), { stopped: reason });
}
