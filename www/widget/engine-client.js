// The page side of the engine: one worker shared by every widget, requests with a time
// budget, and a fresh worker after a budget runs out or Stop is pressed. The page itself
// never runs Python, so it never freezes.

/** Where the worker script is: beside this module. */
const WORKER_URL = new URL("./worker.js", import.meta.url);

/** A worker from `url`, even when this module was loaded from another origin (a CDN):
 * browsers only start same-origin worker scripts, so a same-origin blob imports it. */
function startWorker(url) {
  if (url.origin === location.origin) return new Worker(url, { type: "module" });
  const shim = new Blob([`import ${JSON.stringify(url.href)};`], { type: "text/javascript" });
  return new Worker(URL.createObjectURL(shim), { type: "module" });
}

export class EngineClient extends EventTarget {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  /** "idle" before the first start, then "loading", "ready" or "failed". */
  state = "idle";

  #spawn() {
    this.#worker = startWorker(WORKER_URL);
    this.#set("loading");
    this.#worker.onmessage = ({ data }) => {
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
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#set("failed", event.message || "the Python engine crashed");
      this.#failAll(new Error(event.message || "the Python engine crashed"));
      this.#worker?.terminate();
      this.#worker = null;
    };
  }

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
   * when one of those was the cause). */
  request(message, budgetMs = null) {
    this.warm();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      // The budget starts once the engine is ready, so a slow download is not a timeout.
      // Requests that run no learner code (validate, preload) have none.
      const arm = () => (budgetMs == null ? null : setTimeout(() => this.stop("budget"), budgetMs));
      const pending = { resolve, reject, timer: null };
      if (this.state === "ready") pending.timer = arm();
      else {
        const onReady = ({ detail }) => {
          if (detail.state !== "ready" || !this.#pending.has(id)) return;
          this.removeEventListener("state", onReady);
          pending.timer = arm();
        };
        this.addEventListener("state", onReady);
      }
      this.#pending.set(id, pending);
      this.#worker.postMessage({ ...message, id });
    });
  }

  /** Replace an idle worker that has grown large with a fresh one. */
  #retire() {
    this.#worker.terminate();
    this.#worker = null;
    this.#set("idle");
    this.warm();
  }

  /** Terminate the worker and everything it was running; a fresh one starts on the next request. */
  stop(reason = "user") {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    this.#set("idle");
    this.#failAll(Object.assign(new Error(`stopped (${reason})`), { stopped: reason }));
  }

  #failAll(error) {
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.#pending.clear();
  }
}
