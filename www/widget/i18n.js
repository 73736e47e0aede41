// Every string the widget shows, by language. Add a language by adding a catalog with the
// same keys; `{name}` placeholders are filled in by `t()`.
export const CATALOGS = {
  en: {
    editorLabel: "Python code editor. Press Escape then Tab to leave the editor.",
    run: "Run",
    check: "Check",
    stop: "Stop",
    reset: "Reset",
    hint: "Hint",
    hintCount: "Hint {shown} of {total}",
    noMoreHints: "No more hints",
    solution: "Show solution",
    useSolution: "Put the solution in the editor",
    solutionTitle: "Solution",
    stdinLabel: "Input for input()",
    output: "Output",
    results: "Check results",
    loadingBytes: "Loading Python… {loaded} of {total}",
    loadingSoFar: "Loading Python… {loaded}",
    ready: "Python ready",
    failedToLoad: "Python could not load: {error}",
    running: "Running…",
    checking: "Checking…",
    allPass: "All {count} checks pass.",
    somePass: "{passed} of {count} checks pass.",
    cannotGrade: "Your code could not be graded.",
    ranOk: "Finished.",
    ranWithError: "Your program raised an exception.",
    noOutput: "(no output)",
    truncated: "[output truncated — your program printed too much]",
    stoppedByUser: "Stopped.",
    stoppedByBudget: "Stopped after {seconds} s — is there a loop that never ends?",
    engineError: "The Python engine failed: {error}",
    engineCrashed: "Your code crashed the Python engine ({error}), so it was restarted. Your code is safe. Very deep recursion through __repr__ or similar can do this.",
    memoryCrashed: "Your code asked for more memory than pykata allows, so the Python engine was stopped and restarted. Your code is safe. Is something growing without end, or is a number far too big?",
    recursionCrashed: "Your code recursed so deep that the Python engine ran out of stack, so it was restarted. Your code is safe. Does a function (or a __repr__, __eq__ or __getattr__) call itself without ever stopping?",
    solved: "Solved",
    resetDone: "Code reset to the starter. Undo (Ctrl+Z) brings yours back.",
    storageFailed: "Your code could not be saved in this browser (storage is full or disabled). Copy it somewhere safe.",
    loadFailed: "This exercise could not be loaded: {error}",
    hiddenCheck: "hidden check",
    loadingExercise: "Loading the exercise…",
    authorTitle: "This exercise cannot be graded: its text has {count} problem(s). A note for its author:",
    authorLine: "line {line}",
    ranTruncated: "Finished. Your program printed too much: only the first {lines} lines ({characters} characters) are shown.",
    inputMissing: "Your program called input(), but had no input left to read. Type its input in the box “Input for input()” above Run, one line for each input(), then run it again.",
  },
  de: {
    editorLabel: "Python-Code-Editor. Escape und dann Tab verlässt den Editor.",
    run: "Ausführen",
    check: "Prüfen",
    stop: "Stopp",
    reset: "Zurücksetzen",
    hint: "Tipp",
    hintCount: "Tipp {shown} von {total}",
    noMoreHints: "Keine weiteren Tipps",
    solution: "Lösung zeigen",
    useSolution: "Lösung in den Editor übernehmen",
    solutionTitle: "Lösung",
    stdinLabel: "Eingabe für input()",
    output: "Ausgabe",
    results: "Prüfergebnisse",
    loadingBytes: "Python wird geladen … {loaded} von {total}",
    loadingSoFar: "Python wird geladen … {loaded}",
    ready: "Python bereit",
    failedToLoad: "Python konnte nicht geladen werden: {error}",
    running: "Läuft …",
    checking: "Wird geprüft …",
    allPass: "Alle {count} Prüfungen bestanden.",
    somePass: "{passed} von {count} Prüfungen bestanden.",
    cannotGrade: "Dein Code konnte nicht bewertet werden.",
    ranOk: "Fertig.",
    ranWithError: "Dein Programm hat eine Ausnahme ausgelöst.",
    noOutput: "(keine Ausgabe)",
    truncated: "[Ausgabe gekürzt — dein Programm hat zu viel ausgegeben]",
    stoppedByUser: "Gestoppt.",
    stoppedByBudget: "Nach {seconds} s gestoppt — gibt es eine Schleife, die nie endet?",
    engineError: "Die Python-Engine ist fehlgeschlagen: {error}",
    engineCrashed: "Dein Code hat die Python-Engine abstürzen lassen ({error}); sie wurde neu gestartet. Dein Code ist sicher. Sehr tiefe Rekursion über __repr__ o. Ä. kann das auslösen.",
    memoryCrashed: "Dein Code wollte mehr Speicher, als pykata erlaubt; die Python-Engine wurde gestoppt und neu gestartet. Dein Code ist sicher. Wächst etwas ohne Ende, oder ist eine Zahl viel zu groß?",
    recursionCrashed: "Dein Code hat so tief rekursiert, dass der Python-Engine der Stapel ausging; sie wurde neu gestartet. Dein Code ist sicher. Ruft sich eine Funktion (oder __repr__, __eq__, __getattr__) ohne Ende selbst auf?",
    solved: "Gelöst",
    resetDone: "Code auf den Anfang zurückgesetzt. Rückgängig (Strg+Z) holt deinen zurück.",
    storageFailed: "Dein Code konnte in diesem Browser nicht gespeichert werden (Speicher voll oder gesperrt). Kopiere ihn an einen sicheren Ort.",
    loadFailed: "Diese Übung konnte nicht geladen werden: {error}",
    hiddenCheck: "verdeckte Prüfung",
    loadingExercise: "Übung wird geladen …",
    authorTitle: "Diese Übung kann nicht bewertet werden: ihr Text hat {count} Problem(e). Ein Hinweis für ihre Autorin oder ihren Autor:",
    authorLine: "Zeile {line}",
    ranTruncated: "Fertig. Dein Programm hat zu viel ausgegeben: Nur die ersten {lines} Zeilen ({characters} Zeichen) werden gezeigt.",
    inputMissing: "Dein Programm hat input() aufgerufen, aber keine Eingabe mehr zum Lesen gehabt. Schreib seine Eingabe in das Feld „Eingabe für input()“ über „Ausführen“, eine Zeile für jedes input(), und führe es dann erneut aus.",
  },
};

/** The name of a string the widget shows (English has them all).
 * @typedef {keyof typeof CATALOGS.en} StringName */
/** One language's strings; a missing one falls back to English.
 * @typedef {Partial<Record<StringName, string>>} Catalog */

/** The catalog for `lang` ("de-AT" falls back to "de", anything unknown to English).
 * @param {string | null | undefined} lang
 * @returns {Catalog} */
export function catalog(lang) {
  const base = String(lang || "en").toLowerCase().split("-")[0];
  return /** @type {Record<string, Catalog>} */ (CATALOGS)[base] ?? CATALOGS.en;
}

/** Look up `key` in `strings` and fill `{placeholders}` from `values`.
 * @param {Catalog} strings
 * @param {StringName} key
 * @param {Record<string, string | number>} [values] */
export function t(strings, key, values = {}) {
  const text = strings[key] ?? CATALOGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? `{${name}}`));
}

/** Bytes as a short human-readable size.
 * @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
