// <py-kata>: one Python exercise with an editor, Run, Check, Stop, Reset, hints and a
// solution, graded by the wasm engine in a worker shared by every widget on the page.
//
//   <script type="module" src=".../pykata.js"></script>
//   <py-kata src=".../exercises/<pack>/<exercise>.json"></py-kata>
//
// See docs/embedding.md for attributes, the inline form, events and methods.
import { EngineClient } from "./engine-client.js";
import { createEditor } from "./editor.js";
import { catalog, formatBytes, t } from "./i18n.js";
import { STYLES } from "./styles.js";

/** One engine (one worker) for every widget on the page. */
const engine = new EngineClient();
const DEFAULT_BUDGET_MS = 10000;
/** The message for a worker lost to a budget ("memory", "recursion"), by its `budget`. */
const CRASH_MESSAGES = { memory: "memoryCrashed", recursion: "recursionCrashed" };
const STORAGE_PREFIX = "pykata:v1";

const TEMPLATE = `
<div class="pk" part="container">
  <div class="pk-head"><h2 class="pk-title" part="title"></h2><span class="pk-solved" hidden></span></div>
  <div class="pk-prompt" part="prompt"></div>
  <div class="pk-progress" hidden><progress max="1"></progress><span class="pk-progress-label"></span></div>
  <div class="pk-editor" part="editor"></div>
  <details class="pk-stdin"><summary></summary><textarea rows="2" spellcheck="false"></textarea></details>
  <div class="pk-toolbar">
    <button type="button" class="pk-primary" data-action="run"></button>
    <button type="button" class="pk-primary" data-action="check"></button>
    <button type="button" data-action="stop" disabled></button>
    <span class="pk-spacer"></span>
    <button type="button" data-action="hint"></button>
    <button type="button" data-action="solution" hidden></button>
    <button type="button" data-action="reset"></button>
  </div>
  <ol class="pk-hints" part="hints" aria-live="polite"></ol>
  <p class="pk-notice" role="alert"></p>
  <p class="pk-status" role="status" aria-live="polite"></p>
  <pre class="pk-output" part="output" tabindex="0"></pre>
  <ol class="pk-results" part="results"></ol>
  <div class="pk-solution" hidden><h3></h3><pre></pre><button type="button" data-action="use-solution"></button></div>
</div>`;

/** Read an exercise written inside the element (see docs/embedding.md). */
export function readInlineExercise(element) {
  const part = (name) => element.querySelector(`[data-kata="${name}"]`);
  // A <template>'s text lives in its content fragment.
  const textOf = (node) => (node?.content ?? node)?.textContent ?? "";
  const text = (name) => textOf(part(name)).replace(/^\n/, "");
  const checks = JSON.parse(part("checks")?.textContent || "[]");
  const name = element.getAttribute("name") || element.id || "exercise";
  return {
    manifest: {
      id: name,
      title: element.dataset.title || "",
      topic: "inline",
      difficulty: "easy",
      hints: [...element.querySelectorAll('[data-kata="hint"]')].map((hint) => textOf(hint).trim()),
      checks,
    },
    prompt: "",
    prompt_html: part("prompt")?.innerHTML ?? "",
    starter: text("starter"),
    solution: text("solution"),
  };
}

/** If the host registered pykata's service worker, ask it to keep `urls` for offline use. */
function keepOffline(...urls) {
  navigator.serviceWorker?.ready.then((registration) =>
    registration.active?.postMessage({ type: "pykata:keep", urls: urls.map((url) => new URL(url, document.baseURI).href) }),
  );
}

keepOffline(location.href);

/** localStorage that reports failure instead of throwing (full or disabled storage). */
const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },
};

/** True if `element` is within the viewport now: its engine can start at once, without
 * waiting for the first frame an IntersectionObserver reports on. */
function onScreen(element) {
  const box = element.getBoundingClientRect();
  return box.bottom >= 0 && box.right >= 0 && box.top <= innerHeight && box.left <= innerWidth;
}

export class PyKataElement extends HTMLElement {
  static observedAttributes = ["src", "lang", "solution", "budget"];

  #root;
  #strings = catalog("en");
  #exercise = null;
  #key = null;
  #editor = null;
  #hintsShown = 0;
  #failedOnce = false;
  #busy = false;
  #visibility = null;
  #loadToken = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    if (!this.#root.firstChild) this.#render();
    if (onScreen(this)) engine.warm();
    this.#visibility ??= new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) engine.warm();
    });
    this.#visibility.observe(this);
    this.#load();
  }

  disconnectedCallback() {
    this.#visibility?.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#root.firstChild || oldValue === newValue) return;
    if (name === "src") this.#load();
    if (name === "lang") this.#applyStrings();
    if (name === "solution") this.#updateSolutionButton();
  }

  /** The code in the editor. */
  get code() {
    return this.#editor?.text ?? "";
  }

  set code(text) {
    this.#editor?.replace(text);
  }

  /** The exercise being shown (as `pykata build` writes it), once loaded. */
  get exercise() {
    return this.#exercise;
  }

  /** Run the code as a program; resolves with `{stdout, stderr, error, line, ...}`. */
  run() {
    return this.#perform("run");
  }

  /** Grade the code against every check; resolves with the report. */
  check() {
    return this.#perform("check");
  }

  /** Put the starter code back (one undoable edit). */
  reset() {
    if (!this.#exercise) return;
    this.#editor.replace(this.#exercise.starter);
    this.#status(t(this.#strings, "resetDone"));
  }

  #$(selector) {
    return this.#root.querySelector(selector);
  }

  #render() {
    const style = document.createElement("style");
    style.textContent = STYLES;
    this.#root.append(style);
    const template = document.createElement("template");
    template.innerHTML = TEMPLATE;
    this.#root.append(template.content);
    this.#root.addEventListener("click", (event) => {
      const action = event.target.closest("button")?.dataset.action;
      if (action) this.#onAction(action);
    });
    this.#root.addEventListener("focusin", () => engine.warm());
    this.#root.addEventListener("pointerenter", () => engine.warm());
    engine.addEventListener("progress", (event) => this.#onProgress(event.detail));
    engine.addEventListener("state", (event) => this.#onEngineState(event.detail));
    this.#applyStrings();
  }

  #applyStrings() {
    this.#strings = catalog(this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang"));
    for (const button of this.#root.querySelectorAll("button[data-action]")) {
      const key = { "use-solution": "useSolution" }[button.dataset.action] ?? button.dataset.action;
      button.textContent = t(this.#strings, key);
    }
    this.#$(".pk-stdin summary").textContent = t(this.#strings, "stdinLabel");
    this.#$(".pk-stdin textarea").setAttribute("aria-label", t(this.#strings, "stdinLabel"));
    this.#$(".pk-output").setAttribute("aria-label", t(this.#strings, "output"));
    this.#$(".pk-results").setAttribute("aria-label", t(this.#strings, "results"));
    this.#$(".pk-solution h3").textContent = t(this.#strings, "solutionTitle");
    this.#$(".pk-solved").textContent = `✓ ${t(this.#strings, "solved")}`;
    this.#updateHintButton();
  }

  async #load() {
    const token = ++this.#loadToken;
    const src = this.getAttribute("src");
    let exercise;
    try {
      if (src) {
        const url = new URL(src, document.baseURI);
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
        exercise = await response.json();
        this.#key = url.pathname;
        keepOffline(url);
      } else if (this.querySelector("[data-kata]")) {
        exercise = readInlineExercise(this);
        this.#key = `inline:${location.pathname}#${exercise.manifest.id}`;
      } else {
        return; // nothing to show until a `src` is set
      }
    } catch (error) {
      if (token === this.#loadToken) this.#notice(t(this.#strings, "loadFailed", { error: error.message }));
      return;
    }
    if (token !== this.#loadToken) return;
    this.#show(exercise);
  }

  #show(exercise) {
    this.#exercise = exercise;
    this.#hintsShown = 0;
    this.#failedOnce = false;
    this.#$(".pk-title").textContent = exercise.manifest.title;
    this.#$(".pk-prompt").innerHTML = exercise.prompt_html ?? "";
    const saved = storage.get(this.#storageKey("code"));
    const doc = saved ?? exercise.starter;
    const editorParent = this.#$(".pk-editor");
    editorParent.replaceChildren();
    this.#editor = createEditor(editorParent, {
      doc,
      label: t(this.#strings, "editorLabel"),
      onChange: (text) => {
        if (!storage.set(this.#storageKey("code"), text)) this.#notice(t(this.#strings, "storageFailed"));
      },
    });
    this.#$(".pk-solved").hidden = storage.get(this.#storageKey("solved")) !== "1";
    this.#$(".pk-hints").replaceChildren();
    this.#$(".pk-results").replaceChildren();
    this.#$(".pk-output").replaceChildren();
    this.#$(".pk-solution").hidden = true;
    this.#$(".pk-solution pre").textContent = exercise.solution;
    this.#updateHintButton();
    this.#updateSolutionButton();
  }

  #storageKey(what) {
    return `${STORAGE_PREFIX}:${what}:${this.#key}`;
  }

  #onAction(action) {
    switch (action) {
      case "run":
      case "check":
        return this.#perform(action);
      case "stop":
        return engine.stop("user");
      case "reset":
        return this.reset();
      case "hint":
        return this.#showHint();
      case "solution":
        this.#$(".pk-solution").hidden = false;
        return this.#$(".pk-solution button").focus();
      case "use-solution":
        this.#editor.replace(this.#exercise.solution);
        return this.#editor.focus();
    }
  }

  #budget() {
    return Number(this.getAttribute("budget")) || DEFAULT_BUDGET_MS;
  }

  async #perform(kind) {
    if (!this.#exercise || this.#busy) return null;
    this.#setBusy(true);
    this.#editor.markLine(null);
    this.#notice("");
    this.#status(t(this.#strings, kind === "run" ? "running" : "checking"));
    const source = this.#editor.text;
    const message =
      kind === "run"
        ? { op: "run", source, stdin: this.#$(".pk-stdin textarea").value, limitMs: this.#budget() }
        : { op: "grade", exercise: this.#exercise, source };
    try {
      const result = await engine.request(message, this.#budget());
      if (kind === "run") this.#showRun(result);
      else this.#showReport(result);
      this.dispatchEvent(
        new CustomEvent(kind === "run" ? "run" : "result", { detail: result, bubbles: true, composed: true }),
      );
      return result;
    } catch (error) {
      this.#status(
        error.stopped === "budget"
          ? t(this.#strings, "stoppedByBudget", { seconds: this.#budget() / 1000 })
          : error.stopped
            ? t(this.#strings, "stoppedByUser")
            : error.crashed
              ? t(this.#strings, CRASH_MESSAGES[error.budget] ?? "engineCrashed", { error: error.message })
              : t(this.#strings, "engineError", { error: error.message }),
        "fail",
      );
      return null;
    } finally {
      this.#setBusy(false);
    }
  }

  #setBusy(busy) {
    this.#busy = busy;
    for (const action of ["run", "check"]) this.#$(`[data-action="${action}"]`).disabled = busy;
    this.#$('[data-action="stop"]').disabled = !busy;
  }

  #status(text, tone = "") {
    const status = this.#$(".pk-status");
    status.textContent = text;
    status.className = `pk-status ${tone}`;
  }

  #notice(text) {
    this.#$(".pk-notice").textContent = text;
  }

  #showRun(result) {
    const output = this.#$(".pk-output");
    const parts = [];
    const add = (text, className) => {
      const span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      parts.push(span);
    };
    if (result.stdout) add(result.stdout, "stdout");
    if (result.stderr) add(result.stderr, "stderr");
    if (result.error) add(`${result.error}\n`, "error");
    if (result.truncated) add(`${t(this.#strings, "truncated")}\n`, "notice");
    if (result.budget === "time") add(`${t(this.#strings, "stoppedByBudget", { seconds: this.#budget() / 1000 })}\n`, "notice");
    if (!parts.length) add(t(this.#strings, "noOutput"), "notice");
    output.replaceChildren(...parts);
    this.#$(".pk-results").replaceChildren();
    this.#editor.markLine(result.line);
    this.#status(t(this.#strings, result.error ? "ranWithError" : "ranOk"), result.error ? "fail" : "");
  }

  #showReport(report) {
    const list = this.#$(".pk-results");
    list.replaceChildren();
    this.#$(".pk-output").textContent = report.message ?? "";
    let line = report.line ?? null;
    for (const test of report.tests) {
      const item = document.createElement("li");
      item.className = test.status;
      item.dataset.check = test.check_id;
      const mark = document.createElement("span");
      mark.className = "mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = test.status === "pass" ? "✓" : "✗";
      const name = document.createElement("span");
      name.textContent = test.name;
      item.append(mark, name);
      if (test.hidden) {
        const tag = document.createElement("span");
        tag.className = "hidden-tag";
        tag.textContent = `(${t(this.#strings, "hiddenCheck")})`;
        item.append(tag);
      }
      if (test.message) {
        const message = document.createElement("pre");
        message.textContent = test.message;
        item.append(message);
      }
      line ??= test.status === "pass" ? null : (test.line ?? null);
      list.append(item);
    }
    this.#editor.markLine(line);
    const passed = report.tests.filter((test) => test.status === "pass").length;
    const count = report.tests.length;
    if (report.status === "pass") {
      this.#status(t(this.#strings, "allPass", { count }), "pass");
      storage.set(this.#storageKey("solved"), "1");
      this.#$(".pk-solved").hidden = false;
    } else {
      this.#failedOnce = true;
      this.#status(
        report.tests.length ? t(this.#strings, "somePass", { passed, count }) : t(this.#strings, "cannotGrade"),
        "fail",
      );
    }
    this.#updateSolutionButton();
  }

  #showHint() {
    const hints = this.#exercise?.manifest.hints ?? [];
    if (this.#hintsShown >= hints.length) return;
    const item = document.createElement("li");
    item.textContent = hints[this.#hintsShown++];
    this.#$(".pk-hints").append(item);
    this.#updateHintButton();
  }

  #updateHintButton() {
    const button = this.#$('[data-action="hint"]');
    const total = this.#exercise?.manifest.hints.length ?? 0;
    button.hidden = total === 0;
    button.disabled = this.#hintsShown >= total;
    button.textContent =
      this.#hintsShown >= total && total
        ? t(this.#strings, "noMoreHints")
        : this.#hintsShown
          ? t(this.#strings, "hintCount", { shown: this.#hintsShown + 1, total })
          : t(this.#strings, "hint");
  }

  #updateSolutionButton() {
    const mode = this.getAttribute("solution") || "after-fail";
    const available = Boolean(this.#exercise?.solution) && (mode === "always" || (mode === "after-fail" && this.#failedOnce));
    this.#$('[data-action="solution"]').hidden = !available;
  }

  #onProgress({ loaded, total }) {
    const bar = this.#$(".pk-progress");
    bar.hidden = false;
    const progress = bar.querySelector("progress");
    if (total) progress.value = loaded / total;
    else progress.removeAttribute("value");
    bar.querySelector(".pk-progress-label").textContent = total
      ? t(this.#strings, "loadingBytes", { loaded: formatBytes(loaded), total: formatBytes(total) })
      : t(this.#strings, "loadingSoFar", { loaded: formatBytes(loaded) });
  }

  #onEngineState({ state, error }) {
    const bar = this.#$(".pk-progress");
    if (state === "ready") {
      bar.querySelector(".pk-progress-label").textContent = t(this.#strings, "ready");
      bar.querySelector("progress").value = 1;
      setTimeout(() => (bar.hidden = true), 1200);
    } else if (state === "failed") {
      bar.hidden = true;
      this.#notice(t(this.#strings, "failedToLoad", { error }));
    }
  }
}

if (!customElements.get("py-kata")) customElements.define("py-kata", PyKataElement);
