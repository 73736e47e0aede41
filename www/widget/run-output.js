// A Run's output as the learner sees it: the program's writes appended as the engine reports
// them (so what it printed before an endless loop shows at once), and what the status line
// says of a finished Run.
/** @import { RunOutput } from "./engine.js" */
/** @import { EngineEvent } from "./engine-client.js" */
/** @import { StringName } from "./i18n.js" */

/** How long written text may wait to be shown: a program printing in a loop sends thousands
 * of `output` events a second, and the page shows them together, not one by one. */
const SHOW_EVERY_MS = 30;

/** Show in `box` what a Run's `output` events say the program writes: `write` takes the
 * events, `flush` shows at once what still waits. Each stream's text goes in a span of its
 * class (`stdout`, `stderr`): the one before it if that is the same stream's.
 * @param {HTMLElement} box */
export function liveOutput(box) {
  /** @type {{ stream: string, text: string }[]} */
  let waiting = [];
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const { stream, text } of waiting) {
      const last = box.lastElementChild;
      if (last instanceof HTMLSpanElement && last.className === stream && last.firstChild instanceof Text) {
        last.firstChild.appendData(text);
        continue;
      }
      const span = document.createElement("span");
      span.className = stream;
      span.append(document.createTextNode(text));
      box.append(span);
    }
    waiting = [];
  };
  /** @param {EngineEvent} event */
  const write = (event) => {
    if (event.type !== "output") return;
    const last = waiting.at(-1);
    if (last?.stream === event.stream) last.text += event.text;
    else waiting.push({ stream: event.stream, text: event.text });
    timer ??= setTimeout(flush, SHOW_EVERY_MS);
  };
  return { write, flush };
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
  return !result.budget && result.exception === "EOFError";
}
