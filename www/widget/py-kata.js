// <py-kata>: one Python exercise with an editor, Run, Check, Stop, Reset, hints and a
// solution, graded by the wasm engine in a worker shared by every widget on the page.
//
//   <script type="module" src=".../pykata.js"></script>
//   <py-kata src=".../exercises/<pack>/<exercise>.json"></py-kata>
//
// See docs/embedding.md for attributes, the inline form, events and methods.
import { busyKeepingFocus, editorShortcuts, keepFocusBeside, listenForShortcuts, nameResult, outcomeWord, showShortcuts } from "./a11y.js";
import ASSETS from "./assets.json" with { type: "json" };
import { checkDetails, sameFailures } from "./check-feedback.js";
import { EngineClient } from "./engine-client.js";
import { engineText } from "./engine-messages.js";
import { createEditor } from "./editor.js";
import { upgradeFences } from "./fences.js";
import { gradeEachCheck } from "./grading.js";
import { catalog, formatBytes, t } from "./i18n.js";
import { renderInline } from "./inline-markdown.js";
import { liveOutput, ranOutOfInput, runStatus } from "./run-output.js";
import { STYLES } from "./styles.js";
import { exerciseProgress, lastReport, loadCode, recordCheck, recordHints, saveCode } from "./progress-store.js";

/** @import { Budget, Budgets, Diagnostic, Exercise, Report, RunOutput, Validation } from "./engine.js" */
/** @import { RequestError } from "./engine-client.js" */
/** @import { Catalog, StringName } from "./i18n.js" */
/** @import { ExerciseProgress } from "./progress.js" */

/**
 * The events a <py-kata> dispatches (they bubble out of its shadow root): `result` after a
 * Check (the report), `run` after a Run (what the program printed), `invalid` when the
 * exercise cannot be graded (what validating it found), `progress` when the learner's stored
 * progress with it changes (a Check, a hint revealed).
 * @typedef {object} PyKataEventMap
 * @property {CustomEvent<Report>} result
 * @property {CustomEvent<RunOutput>} run
 * @property {CustomEvent<{ diagnostics: Diagnostic[] }>} invalid
 * @property {CustomEvent<ExerciseProgress>} progress
 */

/**
 * An exercise written in a page, as the validator takes it: an exercise text (`toml`), the
 * HTML form as JSON (`json`), a file `pykata build` wrote (`built`), or `invalid` with what
 * is wrong with it.
 * @typedef {{ format: "toml" | "json" | "built", text: string } | { format: "invalid", diagnostics: Diagnostic[] }} Written
 */

/** One engine (one worker) for every widget on the page. */
const engine = new EngineClient();
/** The message for a worker lost to a budget ("memory", "recursion"), by its `budget`.
 * @type {Partial<Record<Budget, StringName>>} */
const CRASH_MESSAGES = { memory: "memoryCrashed", recursion: "recursionCrashed" };

const TEMPLATE = `
<div class="pk" part="container">
  <div class="pk-head"><h2 class="pk-title" part="title"></h2><span class="pk-solved" hidden></span></div>
  <div class="pk-prompt" part="prompt"></div>
  <div class="pk-author" role="alert" hidden><p class="pk-author-title"></p><ul></ul></div>
  <div class="pk-progress" hidden><progress max="1"></progress><span class="pk-progress-label"></span></div>
  <div class="pk-editor" part="editor"></div>
  <p class="pk-keytip"></p>
  <details class="pk-stdin"><summary></summary><textarea rows="2" spellcheck="false"></textarea></details>
  <div class="pk-toolbar">
    <div class="pk-actions">
      <button type="button" class="pk-primary" data-action="run"></button>
      <button type="button" class="pk-primary" data-action="check"></button>
      <button type="button" data-action="stop" disabled></button>
    </div>
    <div class="pk-aids">
      <button type="button" data-action="hint"></button>
      <button type="button" data-action="solution" hidden></button>
      <button type="button" data-action="reset"></button>
    </div>
  </div>
  <ol class="pk-hints" part="hints" aria-live="polite"></ol>
  <p class="pk-notice" role="alert"></p>
  <p class="pk-status" role="status"></p>
  <pre class="pk-output" part="output" tabindex="0"></pre>
  <ol class="pk-results" part="results"></ol>
  <div class="pk-solution" hidden><h3></h3><pre></pre><button type="button" data-action="use-solution"></button></div>
</div>`;

/** The exercise written inside the element (see docs/embedding.md), as the validator takes
 * it: `{format, text}` — an exercise text (`toml`), or the HTML form as JSON (`json`) — or
 * null when the element holds none.
 * @param {HTMLElement} element
 * @returns {Written | null} */
export function readInlineExercise(element) {
  const toml = element.querySelector('script[type="application/toml"][data-kata]');
  if (toml) return { format: "toml", text: toml.textContent ?? "" };
  if (!element.querySelector("[data-kata]")) return null;
  const part = (/** @type {string} */ name) => element.querySelector(`[data-kata="${name}"]`);
  // A <template>'s text lives in its content fragment.
  const textOf = (/** @type {Element | null} */ node) =>
    (node instanceof HTMLTemplateElement ? node.content : node)?.textContent ?? "";
  const text = (/** @type {string} */ name) => textOf(part(name)).replace(/^\n/, "");
  const id = element.getAttribute("name") || element.id || "exercise";
  let checks;
  try {
    checks = JSON.parse(part("checks")?.textContent || "[]");
  } catch (error) {
    /** @type {Diagnostic} */
    const diagnostic = {
      severity: "error",
      field: "checks",
      message: `not valid JSON: ${/** @type {Error} */ (error).message}`,
      hints: [],
      span: { file: `${location.pathname}#${id}`, line: null, column: null },
    };
    return { format: "invalid", diagnostics: [diagnostic] };
  }
  /** @type {Exercise} */
  const exercise = {
    manifest: {
      id,
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
  return { format: "json", text: JSON.stringify(exercise) };
}

/** A promise with its `resolve` beside it. */
function resolvable() {
  /** @type {() => void} */
  let resolve = () => {};
  /** @type {Promise<void>} */
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

/** A diagnostic in one line of text, for the console.
 * @param {Diagnostic} diagnostic */
function describe({ span, field, message, hints = [] }) {
  const where = [span?.line && `line ${span.line}`, field].filter(Boolean).join(", ");
  return [`${where ? `${where}: ` : ""}${message}`, ...hints.map((hint) => `  hint: ${hint}`)].join("\n");
}

/** If the host registered pykata's service worker, ask it to keep `urls` for offline use.
 * @param {(string | URL)[]} urls */
function keepOffline(...urls) {
  navigator.serviceWorker?.ready.then((registration) =>
    registration.active?.postMessage({ type: "pykata:keep", urls: urls.map((url) => new URL(url, document.baseURI).href) }),
  );
}

/** The widget's and the engine's files, wherever they are served from (a CDN, or beside the
 * page): this module (`pykata.js`) and the files beside it, with the standard library the engine
 * fetches on first need. */
const OWN_FILES = [...ASSETS.page, ...ASSETS.later].map((path) => new URL(`./${path}`, import.meta.url));

keepOffline(location.href, ...OWN_FILES);

/** True if `element` is within the viewport now: its engine can start at once, without
 * waiting for the first frame an IntersectionObserver reports on.
 * @param {Element} element */
function onScreen(element) {
  const box = element.getBoundingClientRect();
  return box.bottom >= 0 && box.right >= 0 && box.top <= innerHeight && box.left <= innerWidth;
}

export class PyKataElement extends HTMLElement {
  static observedAttributes = ["src", "lang", "solution", "budget"];

  /** @type {ShadowRoot} */
  #root;
  #strings = catalog("en");
  /** @type {Exercise | null} */
  #exercise = null;
  /** What the learner's code and progress are saved under (see progress-store.js).
   * @type {string | null} */
  #key = null;
  /** @type {ReturnType<typeof createEditor> | null} */
  #editor = null;
  #hintsShown = 0;
  #failedOnce = false;
  #busy = false;
  /** Set when Stop is pressed while a Run or Check waits for the engine (it has no request to
   * stop yet): the action then ends as stopped instead of starting. */
  #stopRequested = false;
  /** @type {IntersectionObserver | null} */
  #visibility = null;
  #loadToken = 0;
  /** @type {Diagnostic[]} */
  #diagnostics = [];
  /** How long a Check and a Run of the exercise may take, by the engine's rule for it.
   * @type {Budgets | null} */
  #budgets = null;
  /** Resolves once the reader gets near the widget: then the engine starts (and validates). */
  #seen = resolvable();
  /** Resolves true once the exercise on screen may be graded. */
  #validation = Promise.resolve(false);

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    if (!this.#root.firstChild) this.#render();
    if (onScreen(this)) this.#wake();
    this.#visibility ??= new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#wake();
    });
    this.#visibility.observe(this);
    this.#load();
  }

  /** The reader is at the widget: start the engine. */
  #wake() {
    this.#seen.resolve();
    engine.warm();
  }

  disconnectedCallback() {
    this.#visibility?.disconnect();
  }

  /** @param {string} name @param {string | null} oldValue @param {string | null} newValue */
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

  /** @param {string} text */
  set code(text) {
    this.#editor?.replace(text);
  }

  /** The exercise being shown (as `pykata build` writes it), once loaded. */
  get exercise() {
    return this.#exercise;
  }

  /** Run the code as a program; resolves with what it printed, or null if it was stopped or
   * the engine failed.
   * @returns {Promise<RunOutput | null>} */
  run() {
    return /** @type {Promise<RunOutput | null>} */ (this.#perform("run"));
  }

  /** Grade the code against every check; resolves with the report, or null if it was stopped
   * or the engine failed.
   * @returns {Promise<Report | null>} */
  check() {
    return /** @type {Promise<Report | null>} */ (this.#perform("check"));
  }

  /** Put the starter code back (one undoable edit). */
  reset() {
    if (!this.#exercise || !this.#editor) return;
    this.#editor.replace(this.#exercise.starter);
    this.#status(t(this.#strings, "resetDone"));
  }

  /** The element of the widget's own markup (TEMPLATE) that `selector` names.
   * @param {string} selector */
  #$(selector) {
    return /** @type {HTMLElement} */ (this.#root.querySelector(selector));
  }

  /** The button for `action` (`data-action`).
   * @param {string} action */
  #button(action) {
    return /** @type {HTMLButtonElement} */ (this.#$(`[data-action="${action}"]`));
  }

  #render() {
    const style = document.createElement("style");
    style.textContent = STYLES;
    this.#root.append(style);
    const template = document.createElement("template");
    template.innerHTML = TEMPLATE;
    this.#root.append(template.content);
    this.#root.addEventListener("click", (event) => {
      const action = /** @type {Element} */ (event.target).closest("button")?.dataset.action;
      if (action) this.#onAction(action);
    });
    listenForShortcuts(this.#root, (action) => this.#perform(action));
    this.#root.addEventListener("focusin", () => this.#wake());
    this.#root.addEventListener("pointerenter", () => this.#wake());
    engine.addEventListener("progress", (event) => this.#onProgress(/** @type {CustomEvent} */ (event).detail));
    engine.addEventListener("state", (event) => this.#onEngineState(/** @type {CustomEvent} */ (event).detail));
    this.#applyStrings();
    this.#setBusy(false);
  }

  #applyStrings() {
    this.#strings = catalog(this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang"));
    for (const button of this.#root.querySelectorAll("button[data-action]")) {
      const action = /** @type {HTMLButtonElement} */ (button).dataset.action;
      // Each button's label is the string named like its action.
      const key = /** @type {StringName} */ (action === "use-solution" ? "useSolution" : action);
      button.textContent = t(this.#strings, key);
    }
    this.#$(".pk-stdin summary").textContent = t(this.#strings, "stdinLabel");
    this.#$(".pk-stdin textarea").setAttribute("aria-label", t(this.#strings, "stdinLabel"));
    this.#$(".pk-output").setAttribute("aria-label", t(this.#strings, "output"));
    this.#$(".pk-results").setAttribute("aria-label", t(this.#strings, "results"));
    this.#$(".pk-solution h3").textContent = t(this.#strings, "solutionTitle");
    this.#$(".pk-solved").textContent = `✓ ${t(this.#strings, "solved")}`;
    showShortcuts(this.#strings, (action) => this.#button(action), this.#$(".pk-keytip"));
    this.#updateHintButton();
  }

  /** The diagnostics of the exercise shown (warnings), or of the one that could not be (errors). */
  get diagnostics() {
    return this.#diagnostics;
  }

  /** Load the exercise (from `src` or the element's content), validate it as `pykata check`
   * would, and show it; an invalid one is shown to its author instead and never graded. A
   * JSON exercise is shown at once and validated while the learner reads; an exercise text
   * (TOML) needs the engine to be read at all. */
  async #load() {
    const token = ++this.#loadToken;
    const src = this.getAttribute("src");
    this.#key = null;
    /** @type {Written | null} */
    let written;
    let name;
    try {
      if (src) {
        const url = new URL(src, document.baseURI);
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
        written = { format: "built", text: await response.text() };
        name = url.pathname;
        this.#key = url.pathname;
        keepOffline(url);
      } else {
        written = readInlineExercise(this);
        if (!written) return; // nothing to show until a `src` is set
        const id = this.getAttribute("name") || this.id || "exercise";
        name = `${location.pathname}#${id}`;
        // An exercise text names itself (`id`); the HTML form is named by the element.
        if (written.format === "json") this.#key = `inline:${name}`;
      }
    } catch (error) {
      if (token === this.#loadToken) this.#notice(t(this.#strings, "loadFailed", { error: /** @type {Error} */ (error).message }));
      return;
    }
    if (token !== this.#loadToken) return;
    /** The exercise shown before it is validated (JSON can be), if any.
     * @type {Exercise | null} */
    let shown = null;
    if (written.format === "built" || written.format === "json") {
      try {
        shown = /** @type {Exercise} */ (JSON.parse(written.text));
        this.#show(shown);
      } catch {
        // The validator says what is wrong with it.
      }
    }
    if (!shown) this.#status(t(this.#strings, "loadingExercise"));
    this.#validation = this.#validate(written, name, token, shown);
  }

  /** Validate `written`; resolves true once the exercise may be graded.
   * @param {Written} written
   * @param {string} name where it is written, for the diagnostics
   * @param {number} token the `#loadToken` of this load
   * @param {Exercise | null} shown what `#load` already showed */
  async #validate(written, name, token, shown) {
    /** @type {Validation} */
    let result = { exercise: null, diagnostics: written.format === "invalid" ? written.diagnostics : [], budgets: null };
    if (written.format !== "invalid") {
      // Validating needs the engine: wait until the reader is here, so a page whose widgets
      // are all below the fold downloads nothing until then.
      await this.#seen.promise;
      try {
        result = await engine.request({ op: "validate", format: written.format, text: written.text, name });
      } catch (error) {
        if (token === this.#loadToken) this.#notice(t(this.#strings, "loadFailed", { error: /** @type {Error} */ (error).message }));
        return false;
      }
    }
    if (token !== this.#loadToken) return false;
    this.#diagnostics = result.diagnostics;
    this.#budgets = result.budgets;
    if (!result.exercise) {
      this.#showAuthorPanel(result.diagnostics);
      return false;
    }
    for (const d of result.diagnostics) console.warn(`<py-kata> ${name}: ${describe(d)}`);
    this.#key ??= `inline:${location.pathname}#${result.exercise.manifest.id}`;
    if (shown) this.#exercise = result.exercise;
    else this.#show(result.exercise);
    // A Run or Check pressed before validation ended says so in the status line.
    if (!this.#busy) this.#status("");
    // While the learner reads, the engine imports what describing a first error needs; a
    // Check already waiting goes first instead.
    if (!this.#busy) engine.request({ op: "preload" }).catch(() => {});
    return true;
  }

  /** Show an exercise that cannot be graded: what is wrong, for its author, in place of it.
   * @param {Diagnostic[]} diagnostics */
  #showAuthorPanel(diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    this.#exercise = null;
    this.#$(".pk-editor").replaceChildren();
    this.#$(".pk-status").textContent = "";
    this.#button("reset").disabled = true;
    this.#setBusy(this.#busy);
    this.#updateHintButton();
    this.#updateSolutionButton();
    const panel = this.#$(".pk-author");
    panel.hidden = false;
    this.#$(".pk").classList.add("pk-invalid");
    this.#$(".pk-author-title").textContent = t(this.#strings, "authorTitle", { count: errors.length });
    this.#$(".pk-author ul").replaceChildren(
      ...errors.map((d) => {
        const item = document.createElement("li");
        const where = [d.span?.line ? t(this.#strings, "authorLine", { line: d.span.line }) : "", d.field ?? ""]
          .filter(Boolean)
          .join(", ");
        const head = document.createElement("strong");
        head.textContent = where;
        item.append(...(where ? [head, ": "] : []), ...renderInline(d.message));
        for (const hint of d.hints ?? []) {
          const line = document.createElement("span");
          line.className = "hint";
          line.append(...renderInline(hint));
          item.append(line);
        }
        return item;
      }),
    );
    console.error(`<py-kata> cannot grade this exercise:\n${errors.map(describe).join("\n")}`);
    this.#emit("invalid", { diagnostics });
  }

  /** Dispatch the event `type` with `detail`, out of the shadow root to the page.
   * @template {keyof PyKataEventMap} K
   * @param {K} type
   * @param {PyKataEventMap[K]["detail"]} detail */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Show `exercise` (gradable once `#validation` says so).
   * @param {Exercise} exercise */
  #show(exercise) {
    this.#exercise = exercise;
    this.#$(".pk-author").hidden = true;
    this.#$(".pk").classList.remove("pk-invalid");
    this.#button("reset").disabled = false;
    this.#setBusy(this.#busy);
    this.#hintsShown = 0;
    this.#failedOnce = false;
    this.#$(".pk-title").textContent = exercise.manifest.title;
    this.#$(".pk-prompt").innerHTML = exercise.prompt_html ?? "";
    const key = /** @type {string} */ (this.#key);
    const doc = loadCode(key) ?? exercise.starter;
    const editorParent = this.#$(".pk-editor");
    editorParent.replaceChildren();
    this.#editor = createEditor(editorParent, {
      doc,
      label: t(this.#strings, "editorLabel"),
      shortcuts: editorShortcuts((action) => this.#perform(action)),
      onChange: (text) => {
        if (!saveCode(key, text)) this.#notice(t(this.#strings, "storageFailed"));
      },
    });
    const stored = exerciseProgress(key);
    this.#$(".pk-solved").hidden = stored.state !== "solved";
    this.#$(".pk-hints").replaceChildren();
    this.#$(".pk-results").replaceChildren();
    this.#$(".pk-output").replaceChildren();
    this.#$(".pk-solution").hidden = true;
    this.#$(".pk-solution pre").textContent = exercise.solution;
    // What the learner had before the page was reloaded: the hints revealed, the last results.
    while (this.#hintsShown < Math.min(stored.hints, exercise.manifest.hints.length)) this.#showHint(false);
    const report = lastReport(key);
    if (report) this.#showReport(report);
    this.#updateHintButton();
    this.#updateSolutionButton();
  }

  /** Tell the page that the learner's progress with this exercise changed (or that saving it failed).
   * @param {boolean} saved */
  #progressChanged(saved) {
    if (!saved) this.#notice(t(this.#strings, "storageFailed"));
    this.#emit("progress", exerciseProgress(/** @type {string} */ (this.#key)));
  }

  /** @param {string} action a button's `data-action` */
  #onAction(action) {
    switch (action) {
      case "run":
      case "check":
        return this.#perform(action);
      case "stop":
        this.#stopRequested = this.#busy;
        return engine.stop("user", this);
      case "reset":
        return this.reset();
      case "hint":
        return this.#showHint(true);
      case "solution":
        this.#$(".pk-solution").hidden = false;
        return /** @type {HTMLButtonElement} */ (this.#$(".pk-solution button")).focus();
      case "use-solution":
        if (!this.#editor || !this.#exercise) return;
        this.#editor.replace(this.#exercise.solution);
        return this.#editor.focus();
    }
  }

  /** Milliseconds a `kind` ("run" or "check") may take: the `budget` attribute, else the
   * engine's for this exercise (from its `time_limit_ms`), known once it is validated.
   * @param {"run" | "check"} kind */
  #budget(kind) {
    const budgets = /** @type {Budgets} */ (this.#budgets);
    return Number(this.getAttribute("budget")) || (kind === "run" ? budgets.run_ms : budgets.check_ms);
  }

  /** Run or Check the code; resolves with what the engine answered, or null if nothing ran.
   * @param {"run" | "check"} kind
   * @returns {Promise<RunOutput | Report | null>} */
  async #perform(kind) {
    // The validation and editor of the moment: another `src` may be loading while this runs,
    // which starts another validation.
    const validation = this.#validation;
    const editor = this.#editor;
    if (this.#busy || !this.#exercise || !editor) return null;
    const done = busyKeepingFocus(this.#root, (busy) => this.#setBusy(busy), this.#button("stop"), this.#button(kind));
    editor.markLine(null);
    this.#notice("");
    this.#status(t(this.#strings, kind === "run" ? "running" : "checking"));
    this.#$(".pk-output").replaceChildren();
    this.#$(".pk-results").replaceChildren();
    this.#stopRequested = false;
    try {
      // Nothing runs before the engine has validated the exercise; then it is the validated one.
      if (!(await validation) || validation !== this.#validation) return null;
      if (this.#stopRequested) throw Object.assign(new Error("stopped"), { stopped: "user" });
      const exercise = this.#exercise;
      if (!exercise) return null;
      const source = editor.text;
      if (kind === "run") {
        const stdin = /** @type {HTMLTextAreaElement} */ (this.#$(".pk-stdin textarea")).value;
        const limitMs = this.#budget(kind);
        const modules = exercise.manifest.module_code;
        const exerciseId = exercise.manifest.id;
        const live = liveOutput(this.#$(".pk-output"));
        const output = await engine
          .request({ op: "run", source, stdin, limitMs, modules, exerciseId }, limitMs, { owner: this, onEvent: live.write })
          .finally(live.flush);
        this.#showRun(output);
        this.#emit("run", output);
        return output;
      }
      const report = await gradeEachCheck(engine, exercise, source, this.#budget(kind), this);
      this.#showReport(report);
      this.#emit("result", report);
      this.#progressChanged(recordCheck(/** @type {string} */ (this.#key), report));
      return report;
    } catch (caught) {
      const error = /** @type {RequestError} */ (caught);
      this.#status(
        error.stopped === "budget"
          ? t(this.#strings, "stoppedByBudget", { seconds: this.#budget(kind) / 1000 })
          : error.stopped
            ? t(this.#strings, "stoppedByUser")
            : error.crashed
              ? t(this.#strings, (error.budget && CRASH_MESSAGES[error.budget]) || "engineCrashed", { error: error.message })
              : t(this.#strings, "engineError", { error: error.message }),
        "fail",
      );
      return null;
    } finally {
      done();
    }
  }

  /** Run and Check are offered when nothing runs and there is an exercise to run.
   * @param {boolean} busy */
  #setBusy(busy) {
    this.#busy = busy;
    for (const action of ["run", "check"]) this.#button(action).disabled = busy || !this.#exercise;
    this.#button("stop").disabled = !busy;
  }

  /** @param {string} text @param {"" | "pass" | "fail"} [tone] */
  #status(text, tone = "") {
    const status = this.#$(".pk-status");
    status.textContent = text;
    status.className = `pk-status ${tone}`;
  }

  /** @param {string} text */
  #notice(text) {
    this.#$(".pk-notice").textContent = text;
  }

  /** @param {RunOutput} result */
  #showRun(result) {
    const output = this.#$(".pk-output");
    /** @type {HTMLElement[]} */
    const parts = [];
    const add = (/** @type {string} */ text, /** @type {string} */ className) => {
      const span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      parts.push(span);
    };
    if (result.stdout) add(result.stdout, "stdout");
    if (result.stderr) add(result.stderr, "stderr");
    if (result.error) add(`${engineText(this.#strings, result, result.error)}\n`, "error");
    if (ranOutOfInput(result)) {
      add(`${t(this.#strings, "inputMissing")}\n`, "notice");
      /** @type {HTMLDetailsElement} */ (this.#$(".pk-stdin")).open = true;
    }
    if (result.truncated) add(`${t(this.#strings, "truncated")}\n`, "notice");
    if (result.budget === "time") add(`${t(this.#strings, "stoppedByBudget", { seconds: this.#budget("run") / 1000 })}\n`, "notice");
    if (!parts.length) add(t(this.#strings, "noOutput"), "notice");
    output.replaceChildren(...parts);
    this.#$(".pk-results").replaceChildren();
    this.#editor?.markLine(result.line);
    const status = runStatus(result);
    this.#status(t(this.#strings, status.key, status.values), status.tone);
  }

  /** @param {Report} report */
  #showReport(report) {
    const list = this.#$(".pk-results");
    list.replaceChildren();
    this.#$(".pk-output").textContent = engineText(this.#strings, report, report.message);
    let line = report.line ?? null;
    const same = sameFailures(report.tests);
    for (const [index, test] of report.tests.entries()) {
      const item = document.createElement("li");
      item.className = test.status;
      item.dataset.check = test.check_id;
      const mark = document.createElement("span");
      mark.className = "mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = test.status === "pass" ? "✓" : "✗";
      const word = outcomeWord(this.#strings, test.status);
      const name = document.createElement("span");
      name.append(...renderInline(test.name));
      item.append(mark, word, name);
      if (test.hidden) {
        const tag = document.createElement("span");
        tag.className = "hidden-tag";
        tag.textContent = `(${t(this.#strings, "hiddenCheck")})`;
        item.append(tag);
      }
      item.append(
        ...checkDetails(test, { strings: this.#strings, same: same.get(test), showHint: (n) => this.#showHintsUpTo(n) }),
      );
      nameResult(item, index);
      line ??= test.status === "pass" ? null : (test.line ?? null);
      list.append(item);
    }
    this.#editor?.markLine(line);
    const passed = report.tests.filter((test) => test.status === "pass").length;
    const count = report.tests.length;
    if (report.status === "pass") {
      this.#status(t(this.#strings, "allPass", { count }), "pass");
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

  /** Reveal the next hint; `record` it as revealed (not when restoring revealed ones).
   * @param {boolean} record */
  #showHint(record) {
    const hints = this.#exercise?.manifest.hints ?? [];
    if (this.#hintsShown >= hints.length) return;
    const item = document.createElement("li");
    item.tabIndex = -1;
    item.append(...renderInline(hints[this.#hintsShown++]));
    this.#$(".pk-hints").append(item);
    this.#updateHintButton();
    keepFocusBeside(this.#root, this.#button("hint"));
    if (record) this.#progressChanged(recordHints(/** @type {string} */ (this.#key), this.#hintsShown));
  }

  /** Reveal the hints up to the `number`th (1-based) and move focus to it.
   * @param {number} number */
  #showHintsUpTo(number) {
    while (this.#hintsShown < number && this.#hintsShown < (this.#exercise?.manifest.hints.length ?? 0)) this.#showHint(true);
    /** @type {HTMLElement | undefined} */ (this.#$(".pk-hints").children[number - 1])?.focus();
  }

  #updateHintButton() {
    const button = this.#button("hint");
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
    this.#button("solution").hidden = !available;
  }

  /** @param {{ loaded: number, total: number }} progress bytes of the engine's download */
  #onProgress({ loaded, total }) {
    const bar = this.#$(".pk-progress");
    bar.hidden = false;
    const progress = /** @type {HTMLProgressElement} */ (this.#$(".pk-progress progress"));
    if (total) progress.value = loaded / total;
    else progress.removeAttribute("value");
    this.#$(".pk-progress-label").textContent = total
      ? t(this.#strings, "loadingBytes", { loaded: formatBytes(loaded, this.#strings), total: formatBytes(total, this.#strings) })
      : t(this.#strings, "loadingSoFar", { loaded: formatBytes(loaded, this.#strings) });
  }

  /** @param {{ state: import("./engine-client.js").EngineState, error?: string }} detail */
  #onEngineState({ state, error }) {
    const bar = this.#$(".pk-progress");
    if (state === "ready") {
      this.#$(".pk-progress-label").textContent = t(this.#strings, "ready");
      /** @type {HTMLProgressElement} */ (this.#$(".pk-progress progress")).value = 1;
      setTimeout(() => (bar.hidden = true), 1200);
    } else if (state === "failed") {
      bar.hidden = true;
      this.#notice(t(this.#strings, "failedToLoad", { error: error ?? "" }));
    }
  }
}

if (!customElements.get("py-kata")) customElements.define("py-kata", PyKataElement);

// The learner's progress, for host pages (docs/embedding.md, "Progress").
export { exportProgress, importProgress, progress, ProgressFileError } from "./progress.js";
export { showProgress } from "./progress-view.js";

// Markdown fences become widgets once the page's markup is there, and whenever a page swaps
// in new content (sites that navigate without reloading, such as Material for MkDocs).
export { upgradeFences };
function watchFences() {
  upgradeFences();
  new MutationObserver((records) => {
    if (records.some((r) => r.addedNodes.length)) upgradeFences();
  }).observe(document.body, { childList: true, subtree: true });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchFences);
else watchFences();
