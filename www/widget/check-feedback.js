// What the widget shows under one check of a report: its message (inline Markdown), said once
// when several checks fail the same way, the first difference of an output mismatch marked,
// and a link to the hint the check offers.

import { t } from "./i18n.js";
import { engineText } from "./engine-messages.js";
import { renderInline } from "./inline-markdown.js";

/** @import { Report } from "./engine.js" */
/** @import { Catalog } from "./i18n.js" */
/** @typedef {Report["tests"][number]} TestResult */

/** The checks that did not pass with the same message as another, by each of them: all
 * the checks saying it, in report order. Checks whose message is their own are left out.
 * @param {TestResult[]} tests
 * @returns {Map<TestResult, TestResult[]>} */
export function sameFailures(tests) {
  /** @type {Map<string, TestResult[]>} */
  const byMessage = new Map();
  for (const test of tests) {
    if (test.status === "pass" || !test.message) continue;
    byMessage.set(test.message, [...(byMessage.get(test.message) ?? []), test]);
  }
  return new Map(
    [...byMessage.values()].filter((group) => group.length > 1).flatMap((group) => group.map((test) => [test, group])),
  );
}

/** Where an output mismatch first differs, from the engine's arguments (exact matches only).
 * @param {TestResult} test
 * @returns {{ line: number, column: number, expected?: string, actual?: string } | null} */
export function firstDifference(test) {
  const args = /** @type {Record<string, unknown>} */ (test.message_args ?? {});
  if (test.message_key !== "output_differs" || typeof args.line !== "number" || typeof args.column !== "number") {
    return null;
  }
  const text = (/** @type {unknown} */ value) => (typeof value === "string" ? value : undefined);
  return { line: args.line, column: args.column, expected: text(args.expected_line), actual: text(args.actual_line) };
}

/** The nodes shown under a check that did not pass.
 * @param {TestResult} test
 * @param {{ strings: Catalog, same?: TestResult[], showHint: (hint: number) => void }} context
 *   `same`: every check failing with this message (see `sameFailures`); `showHint` reveals
 *   the hints up to the given one.
 * @returns {HTMLElement[]} */
export function checkDetails(test, { strings, same, showHint }) {
  /** @type {HTMLElement[]} */
  const nodes = [];
  if (test.message && same && same[0] !== test) {
    nodes.push(note(t(strings, "sameErrorAs", { check: same[0].name })));
  } else if (test.message) {
    const message = document.createElement("pre");
    message.append(...renderInline(engineText(strings, test, test.message)));
    nodes.push(message);
    const difference = firstDifference(test);
    if (difference) nodes.push(differenceView(difference, strings));
    if (same) nodes.push(note(t(strings, "sameError", { count: same.length, checks: same.map((s) => s.name).join(", ") })));
  }
  if (test.status !== "pass" && test.hint) {
    const hint = test.hint;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pk-hint-link";
    button.textContent = t(strings, "hintLink", { number: hint });
    button.addEventListener("click", () => showHint(hint));
    nodes.push(button);
  }
  return nodes;
}

/** @param {string} text */
function note(text) {
  const paragraph = document.createElement("p");
  paragraph.className = "pk-same";
  paragraph.textContent = text;
  return paragraph;
}

/** The two lines where an output first differs, the differing character of each marked.
 * @param {NonNullable<ReturnType<typeof firstDifference>>} difference
 * @param {Catalog} strings */
function differenceView({ column, expected, actual }, strings) {
  const table = document.createElement("table");
  table.className = "pk-diff";
  for (const [label, text] of /** @type {const} */ ([
    ["expectedLine", expected],
    ["yourLine", actual],
  ])) {
    const row = table.insertRow();
    const head = document.createElement("th");
    head.scope = "row";
    head.textContent = t(strings, label);
    const cell = row.insertCell();
    row.prepend(head);
    const code = document.createElement("code");
    if (text === undefined) {
      code.className = "pk-diff-end";
      code.textContent = t(strings, "endOfOutput");
    } else {
      const characters = [...text];
      const mark = document.createElement("mark");
      mark.textContent = characters[column - 1] ?? " ";
      code.append(characters.slice(0, column - 1).join(""), mark, characters.slice(column).join(""));
    }
    cell.append(code);
  }
  return table;
}
