// The code editor: CodeMirror 6 with Python highlighting, line numbers, auto-indent,
// undo/redo, bracket matching, and a way out for keyboard users (Escape, then Tab).
import { EditorState, Prec, StateEffect, StateField } from "@codemirror/state";
import {
  EditorView,
  Decoration,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  isolateHistory,
  temporarilySetTabFocusMode,
} from "@codemirror/commands";
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { tags } from "@lezer/highlight";

/** Syntax colours from the widget's CSS custom properties, so light, dark and host themes apply. */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: "var(--pk-syntax-keyword)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--pk-syntax-string)" },
  { tag: [tags.comment, tags.lineComment], color: "var(--pk-syntax-comment)", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--pk-syntax-number)" },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: "var(--pk-syntax-definition)" },
  { tag: [tags.self, tags.special(tags.variableName)], color: "var(--pk-syntax-special)" },
  { tag: tags.operator, color: "var(--pk-syntax-operator)" },
]);

/** Marks one line (a traceback's learner line) until the code changes. */
/** @type {import("@codemirror/state").StateEffectType<number | null>} */
const setErrorLine = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    if (transaction.docChanged) decorations = Decoration.none;
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue;
      const line = effect.value;
      decorations =
        line && line <= transaction.state.doc.lines
          ? Decoration.set([
              Decoration.line({ class: "pk-error-line" }).range(transaction.state.doc.line(line).from),
            ])
          : Decoration.none;
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Create an editor in `parent` holding `doc`; `onChange(text)` runs after every edit;
 * `shortcuts` (CodeMirror key name → command) go before every other key binding.
 * @param {Element} parent
 * @param {{ doc: string, label: string, onChange: (text: string) => void, shortcuts: Record<string, () => void> }} options */
export function createEditor(parent, { doc, label, onChange, shortcuts }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of("    "),
        bracketMatching(),
        syntaxHighlighting(highlightStyle),
        python(),
        errorLine,
        Prec.highest(
          keymap.of(Object.entries(shortcuts).map(([key, command]) => ({ key, run: () => (command(), true) }))),
        ),
        keymap.of([
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
          // Escape (when there is no selection to simplify) lets the next Tab leave the editor.
          { key: "Escape", run: temporarilySetTabFocusMode },
        ]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    /** Replace all the code in one undoable step of its own.
     * @param {string} text */
    replace(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: isolateHistory.of("full"),
      });
    },
    /** Highlight learner line `line` (1-based), or clear the highlight with null.
     * @param {number | null | undefined} line */
    markLine(line) {
      view.dispatch({ effects: setErrorLine.of(line ?? null) });
      if (line && line <= view.state.doc.lines) {
        view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "center" }) });
      }
    },
    focus() {
      view.focus();
    },
  };
}
