// The demo site: lists the built packs and runs one exercise at a time through the wasm
// engine in a worker. (The embeddable <py-kata> widget replaces this page's editor later.)
import { EngineClient } from "./engine.js";

const engine = new EngineClient();
const RUN_BUDGET_MS = 10000;
const $ = (id) => document.getElementById(id);
let current = null;

async function loadIndex() {
  const index = await (await fetch("exercises/index.json")).json();
  const nav = $("packs");
  nav.replaceChildren();
  for (const pack of index.packs) {
    const section = document.createElement("section");
    const heading = document.createElement("h2");
    heading.textContent = pack.title;
    const list = document.createElement("ul");
    for (const exercise of pack.exercises) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#${pack.id}/${exercise.id}`;
      link.textContent = `${exercise.title}`;
      const meta = document.createElement("small");
      meta.textContent = ` ${exercise.difficulty}`;
      item.append(link, meta);
      list.append(item);
    }
    section.append(heading, list);
    nav.append(section);
  }
}

function storageKey() {
  return `pykata:code:${current.manifest.id}`;
}

async function openExercise(route) {
  const [pack, id] = route.split("/");
  const response = await fetch(`exercises/${pack}/${id}.json`);
  if (!response.ok) return;
  current = await response.json();
  $("prompt").innerHTML = current.prompt_html;
  $("code").value = localStorage.getItem(storageKey()) ?? current.starter;
  $("output").textContent = "";
  $("results").replaceChildren();
  $("exercise").hidden = false;
  engine.warm();
}

function busy(on, text) {
  for (const id of ["run", "check"]) $(id).disabled = on;
  $("stop").disabled = !on;
  $("status").textContent = text;
}

async function perform(message, describe) {
  busy(true, "Running…");
  try {
    const result = await engine.request(message, RUN_BUDGET_MS);
    describe(result);
  } catch (error) {
    $("status").textContent = error.stopped
      ? error.stopped === "budget"
        ? `Stopped after ${RUN_BUDGET_MS / 1000} s — is there a loop that never ends?`
        : "Stopped."
      : `Engine error: ${error.message}`;
    $("stop").disabled = true;
    for (const id of ["run", "check"]) $(id).disabled = false;
    return;
  }
  busy(false, $("status").textContent);
}

function showRun(result) {
  const parts = [result.stdout, result.stderr, result.error].filter(Boolean);
  if (result.truncated) parts.push("[output truncated]");
  $("output").textContent = parts.join("\n") || "(no output)";
  $("status").textContent = result.error ? "Your program raised an exception." : "Done.";
}

function showReport(report) {
  const list = $("results");
  list.replaceChildren();
  $("output").textContent = report.message ?? "";
  for (const test of report.tests) {
    const item = document.createElement("li");
    item.className = test.status;
    const title = document.createElement("strong");
    title.textContent = `${test.status === "pass" ? "✓" : "✗"} ${test.name}`;
    item.append(title);
    if (test.message) {
      const message = document.createElement("pre");
      message.textContent = test.message;
      item.append(message);
    }
    list.append(item);
  }
  const passed = report.tests.filter((t) => t.status === "pass").length;
  $("status").textContent =
    report.status === "pass"
      ? `All ${passed} checks pass.`
      : report.status === "error" && report.tests.length === 0
        ? "Your code could not be graded."
        : `${passed} of ${report.tests.length} checks pass.`;
}

$("code").addEventListener("input", () => {
  if (current) localStorage.setItem(storageKey(), $("code").value);
});
$("run").addEventListener("click", () =>
  perform({ op: "run", source: $("code").value, stdin: $("stdin").value, limitMs: RUN_BUDGET_MS }, showRun),
);
$("check").addEventListener("click", () =>
  perform({ op: "grade", exercise: current, source: $("code").value }, showReport),
);
$("stop").addEventListener("click", () => engine.stop("user"));
$("reset").addEventListener("click", () => {
  $("code").value = current.starter;
  localStorage.setItem(storageKey(), current.starter);
});
window.addEventListener("hashchange", () => openExercise(location.hash.slice(1)));

await loadIndex();
if (location.hash.length > 1) await openExercise(location.hash.slice(1));
