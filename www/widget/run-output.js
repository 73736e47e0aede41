// A Run's output as the learner sees it: the program's writes appended as the engine reports
// them (so what it printed before an endless loop shows at once), and what the status line
// says of a finished Run.
/** @import { RunOutput } from "./engine.js" */
/** @import { EngineEvent } from "./engine-client.js" */
/** @import { StringName } from "./i18n.js" */

/** Append what an `output` event says the program wrote to `box`, in a span of its stream's
 * class (`stdout`, `stderr`) — the one before it if that is the same stream's.
 * @param {HTMLElement} box
 * @param {EngineEvent} event */
export function appendOutput(box, event) {
  if (event.type !== "output") return;
  const last = box.lastElementChild;
  if (last instanceof HTMLSpanElement && last.className === event.stream && last.firstChild instanceof Text) {
    last.firstChild.appendData(event.text);
    return;
  }
  const span = document.createElement("span");
  span.className = event.stream;
  span.append(document.createTextNode(event.text));
  box.append(span);
}

/** What the status line says of a finished Run: an exception, output cut at the engine's
 * limit (with how much was kept, counted as Python counts characters), or done.
 * @param {RunOutput} result
 * @returns {{ key: StringName, values: Record<string, string>, tone: "" | "fail" }} */
export function runStatus(result) {
  if (result.error) return { key: "ranWithError", values: {}, tone: "fail" };
  if (!result.truncated) return { key: "ranOk", values: {}, tone: "" };
  const kept = result.stdout + result.stderr;
  const newlines = kept.split("\n").length - 1;
  const lines = newlines + (kept.endsWith("\n") || !kept ? 0 : 1);
  const number = new Intl.NumberFormat();
  return { key: "ranTruncated", values: { lines: number.format(lines), characters: number.format([...kept].length) }, tone: "" };
}

/** True if the program stopped because `input()` found no input left: the learner should be
 * told where to type it.
 * @param {RunOutput} result */
export function ranOutOfInput(result) {
  return !result.budget && /^EOFError\b/m.test(result.error ?? "");
}
