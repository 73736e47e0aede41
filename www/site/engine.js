// The page side of the engine: one shared worker, requests with a time budget, and a fresh
// worker after a budget runs out or Stop is pressed. The page itself never runs Python.

const WORKER_URL = new URL("./worker.js", import.meta.url);

export class EngineClient {
  #worker = null;
  #pending = new Map();
  #nextId = 1;

  #spawn() {
    this.#worker = new Worker(WORKER_URL, { type: "module" });
    this.#worker.onmessage = ({ data }) => {
      const request = this.#pending.get(data.id);
      if (!request) return;
      this.#pending.delete(data.id);
      clearTimeout(request.timer);
      data.ok ? request.resolve(data.result) : request.reject(new Error(data.error));
    };
    this.#worker.onerror = (event) => this.#failAll(new Error(event.message || "the engine crashed"));
  }

  /** Start the worker (and its download) ahead of the first request. */
  warm() {
    if (!this.#worker) this.#spawn();
  }

  /** Send `message`; resolves with the result, rejects with `{stopped: "budget" | "user"}` if stopped. */
  request(message, budgetMs) {
    this.warm();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop("budget"), budgetMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#worker.postMessage({ ...message, id });
    });
  }

  /** Terminate the worker and everything it was running; a fresh one starts on the next request. */
  stop(reason = "user") {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
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
