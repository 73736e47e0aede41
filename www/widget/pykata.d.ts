// Type declarations for pykata.js, the <py-kata> custom element.

/** One check's result, in Exercism's test-runner v3 shape plus pykata's fields. */
export interface TestResult {
  name: string;
  status: "pass" | "fail" | "error";
  message: string | null;
  output: string | null;
  task_id?: number;
  check_id: string;
  kind: "output" | "assert" | "behaviour" | "static" | "unittest";
  hidden?: boolean;
  duration_ms: number;
  /** The 1-based hint to offer after this check fails. */
  hint?: number;
  /** The learner line the failure points at. */
  line?: number;
  budget?: "time" | "memory" | "recursion";
  /** What `message` says, as a stable key (crates/engine/src/message.rs's `MessageKey`, in
   * snake_case) with its template's arguments, for hosts that word it themselves. */
  message_key?: string;
  message_args?: Record<string, string | number>;
}

/** The `detail` of the `result` event: a graded submission. */
export interface Report {
  version: 3;
  status: "pass" | "fail" | "error";
  /** Why the code could not be graded at all (status "error"), e.g. a syntax error. */
  message?: string;
  message_key?: string;
  message_args?: Record<string, string | number>;
  line?: number;
  budget?: "time" | "memory" | "recursion";
  tests: TestResult[];
}

/** The `detail` of the `run` event: what a plain Run printed. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  truncated: boolean;
  error: string | null;
  /** When a budget ran out: what `error` says, as a key with arguments (as in TestResult). */
  message_key?: string;
  message_args?: Record<string, string | number>;
  line: number | null;
  budget: "time" | "memory" | "recursion" | null;
}

/** An exercise as `pykata build` writes it (exercises/<pack>/<exercise>.json). */
export interface Exercise {
  manifest: {
    id: string;
    title: string;
    topic: string;
    difficulty: "easy" | "medium" | "hard";
    hints: string[];
    time_limit_ms?: number;
    /** Python run into every code-running check's scope before its code. */
    setup?: string;
    /** Helper modules the solution and every check import by `name` (`modules` files, read in). */
    module_code?: { name: string; code: string }[];
    checks: Record<string, unknown>[];
  };
  prompt: string;
  prompt_html?: string;
  starter: string;
  solution: string;
}

/** A problem found validating an exercise (the `detail.diagnostics` of the `invalid` event). */
export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  /** Where: the page (or exercise file) and, when known, the line and column in the exercise's text. */
  span: { file: string; line: number | null; column: number | null };
  /** The field, e.g. `checks[0].code`. */
  field?: string;
  /** How to fix it: "did you mean …", the allowed values. */
  hints: string[];
}

export declare class PyKataElement extends HTMLElement {
  static observedAttributes: string[];
  /** The code in the editor. */
  code: string;
  /** The exercise being shown, once loaded. */
  readonly exercise: Exercise | null;
  /** What validating the exercise found: warnings, or the errors that keep it from being graded. */
  readonly diagnostics: Diagnostic[];
  /** Run the code as a program; null if it was stopped or the engine failed. */
  run(): Promise<RunOutput | null>;
  /** Grade the code; null if it was stopped or the engine failed. */
  check(): Promise<Report | null>;
  /** Put the starter code back (one undoable edit). */
  reset(): void;
}

/** The exercise written inside a <py-kata> element, as the validator takes it: an exercise
 * text (`toml`), the older HTML form as JSON (`json`), or `invalid` with its diagnostics. */
export declare function readInlineExercise(
  element: Element,
): { format: "toml" | "json"; text: string } | { format: "invalid"; diagnostics: Diagnostic[] } | null;

/** Replace every rendered ```py-kata Markdown fence below `root` with a <py-kata> element. */
export declare function upgradeFences(root?: ParentNode): void;

declare global {
  interface HTMLElementTagNameMap {
    "py-kata": PyKataElement;
  }
  interface HTMLElementEventMap {
    result: CustomEvent<Report>;
    run: CustomEvent<RunOutput>;
    invalid: CustomEvent<{ diagnostics: Diagnostic[] }>;
  }
}
