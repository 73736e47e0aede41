// The widget's stylesheet, scoped to its shadow root. Hosts restyle it through the
// --pykata-* custom properties (they cross the shadow boundary) and the `theme` attribute.

// Dark colours, used when the page prefers dark (unless theme="light") and for theme="dark".
const DARK = `
  --pk-bg: var(--pykata-bg, #1b1d21);
  --pk-fg: var(--pykata-fg, #e6e7ea);
  --pk-muted: var(--pykata-muted, #a2a7b0);
  --pk-accent: var(--pykata-accent, #8ab4ff);
  --pk-accent-fg: var(--pykata-accent-fg, #10131a);
  --pk-pass: var(--pykata-pass, #5cd07a);
  --pk-fail: var(--pykata-fail, #ff7b72);
  --pk-panel: var(--pykata-panel, #25282e);
  --pk-border: var(--pykata-border, #454a53);
  --pk-error-line: var(--pykata-error-line, rgba(255, 123, 114, 0.18));
  --pk-selection: var(--pykata-selection, #3a4a66);
  --pk-syntax-keyword: var(--pykata-syntax-keyword, #d2a8ff);
  --pk-syntax-string: var(--pykata-syntax-string, #ffa198);
  --pk-syntax-comment: var(--pykata-syntax-comment, #9aa3ad);
  --pk-syntax-number: var(--pykata-syntax-number, #7ee2b8);
  --pk-syntax-definition: var(--pykata-syntax-definition, #8ab4ff);
  --pk-syntax-special: var(--pykata-syntax-special, #ffc07a);
  --pk-syntax-operator: var(--pykata-syntax-operator, #c9d1d9);
`;

export const STYLES = `
:host {
  --pk-bg: var(--pykata-bg, #ffffff);
  --pk-fg: var(--pykata-fg, #1d1d1f);
  --pk-muted: var(--pykata-muted, #5b6068);
  --pk-accent: var(--pykata-accent, #2456c7);
  --pk-accent-fg: var(--pykata-accent-fg, #ffffff);
  --pk-pass: var(--pykata-pass, #1a7f37);
  --pk-fail: var(--pykata-fail, #c62828);
  --pk-panel: var(--pykata-panel, #f3f4f6);
  --pk-border: var(--pykata-border, #c9ccd1);
  --pk-error-line: var(--pykata-error-line, rgba(198, 40, 40, 0.14));
  --pk-selection: var(--pykata-selection, #c8d7f5);
  --pk-font: var(--pykata-font, system-ui, sans-serif);
  --pk-mono: var(--pykata-mono, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
  --pk-syntax-keyword: var(--pykata-syntax-keyword, #8a2be2);
  --pk-syntax-string: var(--pykata-syntax-string, #b3261e);
  --pk-syntax-comment: var(--pykata-syntax-comment, #6a737d);
  --pk-syntax-number: var(--pykata-syntax-number, #0b6e4f);
  --pk-syntax-definition: var(--pykata-syntax-definition, #1f4fb8);
  --pk-syntax-special: var(--pykata-syntax-special, #9a4d00);
  --pk-syntax-operator: var(--pykata-syntax-operator, #444b55);
  display: block;
  color: var(--pk-fg);
  font-family: var(--pk-font);
  line-height: 1.5;
  margin: 1.5rem 0;
}
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {${DARK}}
}
:host([theme="dark"]) {${DARK}}
.pk { background: var(--pk-bg); border: 1px solid var(--pk-border); border-radius: 10px; padding: 1rem 1.25rem; }
.pk-head { display: flex; align-items: baseline; gap: 0.75rem; flex-wrap: wrap; }
.pk-title { font-size: 1.2rem; font-weight: 700; margin: 0; }
.pk-solved { color: var(--pk-pass); font-weight: 600; font-size: 0.9rem; }
.pk-prompt :is(pre, code) { font-family: var(--pk-mono); font-size: 0.88em; }
.pk-prompt pre { background: var(--pk-panel); padding: 0.6rem 0.8rem; border-radius: 6px; overflow-x: auto; }
.pk-prompt h1 { display: none; }
.pk-editor { border: 1px solid var(--pk-border); border-radius: 6px; overflow: hidden; margin-top: 0.75rem; }
.pk-editor .cm-editor { background: var(--pk-panel); color: var(--pk-fg); font-size: 0.9rem; max-height: 28rem; }
.pk-editor .cm-scroller { font-family: var(--pk-mono); }
/* .pk .pk-editor outranks CodeMirror's own light theme (.ͼ2 .cm-…, later in the cascade), so dark mode reaches these. */
.pk .pk-editor .cm-gutters { background: var(--pk-panel); color: var(--pk-muted); border-right: 1px solid var(--pk-border); }
.pk .pk-editor :is(.cm-activeLine, .cm-activeLineGutter) { background: rgba(127, 127, 127, 0.12); }
.pk .pk-editor .cm-selectionBackground, .pk .pk-editor .cm-focused .cm-scroller .cm-selectionLayer .cm-selectionBackground { background: var(--pk-selection); }
.pk .pk-editor .cm-cursor { border-left-color: var(--pk-fg); }
.pk-editor .cm-content { caret-color: var(--pk-fg); }
.pk .pk-editor .cm-focused { outline: 3px solid var(--pk-accent); outline-offset: -3px; }
.pk-editor .pk-error-line { background: var(--pk-error-line); }
.pk-keytip { visibility: hidden; margin: 0.2rem 0 0; font-size: 0.8rem; line-height: 1.3; color: var(--pk-muted); }
.pk-editor:focus-within + .pk-keytip { visibility: visible; }
/* Two groups (Run Check Stop | Hint Solution Reset): a group that does not fit wraps whole onto its own row. */
.pk-toolbar { display: flex; gap: 0.5rem 1.5rem; justify-content: space-between; flex-wrap: wrap; margin: 0.35rem 0 0.25rem; }
.pk-toolbar > div { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.pk-toolbar button { white-space: nowrap; }
/* In a narrow widget each group takes whole rows, its buttons stretched to fill them. */
.pk { container-type: inline-size; }
@container (max-width: 34rem) {
  .pk-toolbar > div { flex: 1 1 100%; }
  .pk-toolbar button { flex: 1 1 auto; padding-inline: 0.6rem; }
}
button {
  font: inherit; font-size: 0.92rem; padding: 0.35rem 0.9rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--pk-accent); background: transparent; color: var(--pk-accent);
}
button.pk-primary { background: var(--pk-accent); color: var(--pk-accent-fg); }
button:disabled { opacity: 0.45; cursor: default; }
button:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid var(--pk-accent); outline-offset: 2px; }
details.pk-stdin { margin-top: 0.5rem; }
details.pk-stdin summary { cursor: pointer; color: var(--pk-muted); font-size: 0.9rem; }
textarea {
  width: 100%; box-sizing: border-box; font: 0.88rem/1.4 var(--pk-mono); background: var(--pk-panel); color: var(--pk-fg);
  border: 1px solid var(--pk-border); border-radius: 6px; padding: 0.4rem; margin-top: 0.3rem;
}
.pk-progress { display: flex; align-items: center; gap: 0.6rem; font-size: 0.85rem; color: var(--pk-muted); margin-top: 0.5rem; }
.pk-progress[hidden] { display: none; }
.pk-progress progress { flex: 0 0 10rem; accent-color: var(--pk-accent); }
.pk-status { min-height: 1.5em; margin: 0.25rem 0; color: var(--pk-muted); font-size: 0.92rem; }
.pk-status.pass { color: var(--pk-pass); font-weight: 600; }
.pk-status.fail { color: var(--pk-fail); font-weight: 600; }
.pk-output {
  font: 0.85rem/1.45 var(--pk-mono); background: var(--pk-panel); border-radius: 6px; padding: 0.5rem 0.7rem;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 20rem; overflow-y: auto; margin: 0.5rem 0;
}
.pk-output:empty { display: none; }
.pk-output .stderr, .pk-output .error { color: var(--pk-fail); }
.pk-output .notice { color: var(--pk-muted); font-style: italic; }
.pk-results { list-style: none; padding: 0; margin: 0.5rem 0; }
.pk-results li { padding: 0.3rem 0; border-top: 1px solid var(--pk-border); }
.pk-results li:first-child { border-top: none; }
.pk-results .mark { display: inline-block; width: 1.3em; font-weight: 700; }
.pk-results .pass .mark { color: var(--pk-pass); }
.pk-results :is(.fail, .error) .mark { color: var(--pk-fail); }
.pk-results .hidden-tag { color: var(--pk-muted); font-size: 0.8rem; margin-left: 0.4rem; }
.pk-results pre { font: 0.84rem/1.45 var(--pk-mono); white-space: pre-wrap; overflow-wrap: anywhere; background: var(--pk-panel); padding: 0.4rem 0.6rem; border-radius: 6px; margin: 0.3rem 0 0.2rem 1.3em; max-height: 20rem; overflow-y: auto; }
.pk-results .pk-same { margin: 0.2rem 0 0.2rem 1.3em; color: var(--pk-muted); font-size: 0.88rem; }
.pk-results .pk-hint-link { margin: 0.1rem 0 0.2rem 1.3em; font-size: 0.85rem; border: none; background: none; padding: 0.1rem 0; color: var(--pk-accent); text-decoration: underline; text-underline-offset: 0.15em; }
.pk-diff { margin: 0.2rem 0 0.2rem 1.3em; border-collapse: collapse; font-size: 0.84rem; }
.pk-diff th { text-align: left; font-weight: 600; padding-right: 0.6rem; color: var(--pk-muted); }
.pk-diff code { font-family: var(--pk-mono); white-space: pre; }
.pk-diff mark { background: var(--pk-fail); color: var(--pk-bg); border-radius: 2px; min-width: 0.6em; display: inline-block; }
.pk-diff .pk-diff-end { color: var(--pk-muted); font-style: italic; }
.pk-hints code { font-family: var(--pk-mono); background: var(--pk-panel); border-radius: 3px; padding: 0 0.2em; }
.pk-hints { margin: 0.5rem 0; padding-left: 1.4rem; }
.pk-hints li { margin: 0.25rem 0; }
.pk-solution { margin-top: 0.5rem; }
.pk-solution pre { font: 0.85rem/1.45 var(--pk-mono); background: var(--pk-panel); padding: 0.5rem 0.7rem; border-radius: 6px; overflow-x: auto; }
.pk-notice { color: var(--pk-fail); font-size: 0.9rem; }
.pk-author { border: 2px dashed var(--pk-fail); border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.5rem 0; font-size: 0.9rem; }
.pk-author[hidden] { display: none; }
.pk-invalid :is(.pk-editor, .pk-keytip, .pk-stdin, .pk-toolbar, .pk-progress) { display: none; }
.pk-author ul { margin: 0.4rem 0 0; padding-left: 1.2rem; }
.pk-author li { margin: 0.3rem 0; }
.pk-author code { font-family: var(--pk-mono); }
.pk-author .hint { color: var(--pk-muted); display: block; }
.pk-notice:empty { display: none; }
.pk-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
/* Phones zoom into a field whose text is under 16px as it gets focus. */
@media (max-width: 40rem), (pointer: coarse) {
  .pk-editor .cm-editor, textarea { font-size: 16px; }
}
`;
