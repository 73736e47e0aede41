// Keyboard and screen-reader help for <py-kata>: the Check and Run shortcuts (in the editor
// and anywhere else in the widget) and how the buttons and the editor tip name them, focus
// kept on a live control while the button that had it is disabled, and result items named
// by their outcome for assistive technology.
import { t } from "./i18n.js";

/** @import { Catalog, StringName } from "./i18n.js" */

/** @typedef {"run" | "check"} ShortcutAction */

/** Apple platforms, where CodeMirror's "Mod" (and so the Check shortcut) is Cmd, not Ctrl. */
const APPLE = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? "");

/** Each shortcut: its action, its keys as CodeMirror names them, as `aria-keyshortcuts` names
 * them, and as the learner reads them (`keys(strings)`).
 * @type {{ action: ShortcutAction, codemirror: string, aria: string, keys: (strings: Catalog) => string }[]} */
const SHORTCUTS = [
  {
    action: "check",
    codemirror: "Mod-Enter",
    aria: APPLE ? "Meta+Enter" : "Control+Enter",
    keys: (strings) => `${APPLE ? "⌘" : t(strings, "keyCtrl")}+${t(strings, "keyEnter")}`,
  },
  {
    action: "run",
    codemirror: "Shift-Enter",
    aria: "Shift+Enter",
    keys: (strings) => `${t(strings, "keyShift")}+${t(strings, "keyEnter")}`,
  },
];

/** The shortcut `event` presses, if any.
 * @param {KeyboardEvent} event */
function shortcutOf(event) {
  if (event.key !== "Enter" || event.altKey) return null;
  const mod = APPLE ? event.metaKey : event.ctrlKey;
  const other = APPLE ? event.ctrlKey : event.metaKey;
  if (other) return null;
  if (mod && !event.shiftKey) return "check";
  if (event.shiftKey && !mod) return "run";
  return null;
}

/** The shortcuts as CodeMirror key bindings (key name → command), for the editor to bind
 * above its own Enter handling.
 * @param {(action: ShortcutAction) => void} perform */
export function editorShortcuts(perform) {
  return Object.fromEntries(SHORTCUTS.map(({ action, codemirror }) => [codemirror, () => perform(action)]));
}

/** Perform the shortcuts pressed anywhere in `root` that nothing inside (the editor) handled.
 * @param {ShadowRoot} root
 * @param {(action: ShortcutAction) => void} perform */
export function listenForShortcuts(root, perform) {
  root.addEventListener("keydown", (event) => {
    const action = shortcutOf(/** @type {KeyboardEvent} */ (event));
    if (!action || event.defaultPrevented) return;
    event.preventDefault();
    perform(action);
  });
}

/** Name the shortcuts on their buttons (`title`, `aria-keyshortcuts`) and in the editor tip.
 * @param {Catalog} strings
 * @param {(action: ShortcutAction) => HTMLButtonElement} button
 * @param {HTMLElement} tip */
export function showShortcuts(strings, button, tip) {
  for (const { action, aria, keys } of SHORTCUTS) {
    const element = button(action);
    element.title = t(strings, "withShortcut", { label: element.textContent ?? "", keys: keys(strings) });
    element.setAttribute("aria-keyshortcuts", aria);
  }
  const [check, run] = SHORTCUTS;
  tip.textContent = t(strings, "editorTip", { check: check.keys(strings), run: run.keys(strings) });
}

/** Mark that an action starts (`setBusy(true)`) while keeping focus on a live control: focus
 * on a control the start disabled moves to `stop`. The function returned ends the action
 * (`setBusy(false)`) and, if focus is on `stop` (which that disables), puts it back where it
 * was, or on `fallback` if the action started with focus outside the widget. Focus outside
 * the widget is never moved.
 * @param {ShadowRoot} root
 * @param {(busy: boolean) => void} setBusy
 * @param {HTMLButtonElement} stop
 * @param {HTMLElement} fallback */
export function busyKeepingFocus(root, setBusy, stop, fallback) {
  const origin = root.activeElement;
  setBusy(true);
  if (origin instanceof HTMLButtonElement && origin.disabled) stop.focus();
  return () => {
    const onStop = root.activeElement === stop;
    setBusy(false);
    if (onStop) (origin instanceof HTMLElement ? origin : fallback).focus();
  };
}

/** If `button` had focus and is now disabled or hidden, move focus to the nearest live button
 * beside it (the next one, else the one before).
 * @param {ShadowRoot} root
 * @param {HTMLButtonElement} button */
export function keepFocusBeside(root, button) {
  if (root.activeElement !== button || (!button.disabled && !button.hidden)) return;
  const buttons = [...(button.parentElement?.querySelectorAll("button") ?? [])];
  const index = buttons.indexOf(button);
  const live = (/** @type {HTMLButtonElement} */ b) => !b.disabled && !b.hidden;
  (buttons.slice(index + 1).find(live) ?? buttons.slice(0, index).reverse().find(live))?.focus();
}

/** The catalog's word for a check's outcome.
 * @type {Record<"pass" | "fail" | "error", StringName>} */
const OUTCOME_WORDS = { pass: "checkPassed", fail: "checkFailed", error: "checkError" };

/** A result item's outcome word: shown to assistive technology only (sighted readers see ✓/✗),
 * first in the item's text.
 * @param {Catalog} strings
 * @param {"pass" | "fail" | "error"} status */
export function outcomeWord(strings, status) {
  const word = document.createElement("span");
  word.className = "pk-visually-hidden";
  word.textContent = `${t(strings, OUTCOME_WORDS[status])}: `;
  return word;
}

/** Name result item `item` (the `index`th) for assistive technology by its spans that are not
 * `aria-hidden` (outcome word, title, hidden tag), and describe it by its message (`pre`), if any.
 * @param {HTMLElement} item
 * @param {number} index */
export function nameResult(item, index) {
  const parts = [...item.querySelectorAll(":scope > span:not([aria-hidden])")];
  item.setAttribute("aria-labelledby", parts.map((part, n) => (part.id = `pk-result-${index}-${n}`)).join(" "));
  const message = item.querySelector(":scope > pre");
  if (message) item.setAttribute("aria-describedby", (message.id = `pk-result-${index}-message`));
}
