// The widget's JavaScript type-checked (tsc --checkJs, strict) against the TypeScript types
// generated from the engine's Rust types, and the pykata.d.ts the npm package ships.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WIDGET, tsc, widgetDeclarations, writeEngineTypes } from "../make-types.mjs";

test("the widget type-checks against the engine's generated types", async () => {
  // worker.js imports wasm-bindgen's declarations of the engine (www/pkg, built by ./x).
  const pkg = fileURLToPath(new URL("../pkg/pykata_wasm.d.ts", import.meta.url));
  assert.ok(existsSync(pkg), `${pkg} is missing: ./x builds the engine into www/pkg`);
  await writeEngineTypes();
  for (const project of ["tsconfig.json", "tsconfig.worker.json"]) {
    const { code, output } = await tsc("-p", join(WIDGET, project));
    assert.equal(code, 0, `tsc -p www/widget/${project} found type errors:\n${output}`);
  }
});

test("pykata.d.ts holds everything it declares, and types the element, its results and its events", async () => {
  const dir = await mkdtemp(join(tmpdir(), "pykata-dts-"));
  try {
    const declarations = await widgetDeclarations();
    for (const declared of ["export interface Report", "export interface Validation", "export declare class PyKataElement"]) {
      assert.ok(declarations.includes(declared), declared);
    }
    await writeFile(join(dir, "pykata.d.ts"), declarations);
    // A page's TypeScript, as a host would write it; each @ts-expect-error must be an error.
    await writeFile(
      join(dir, "host.ts"),
      `import { importProgress, progress, upgradeFences, ProgressFileError, type ExerciseProgress, type Report, type TestResult } from "./pykata.js";
const kata = document.querySelector("py-kata")!;
kata.addEventListener("result", (event) => {
  const report: Report = event.detail;
  const first: TestResult | undefined = report.tests[0];
  if (first?.status === "fail") console.log(first.message ?? "", first.check_id, first.line);
  // @ts-expect-error a status is "pass", "fail" or "error"
  if (report.status === "passed") console.log(report.version);
});
kata.addEventListener("invalid", (event) => console.log(event.detail.diagnostics[0]?.span.file));
kata.run().then((output) => console.log(output?.stdout, output?.budget === "time"));
// @ts-expect-error the report has no \`score\`
kata.check().then((report) => report?.score);
upgradeFences(document.body);
kata.addEventListener("progress", (event) => {
  const now: ExerciseProgress = event.detail;
  // @ts-expect-error a state is "not-started", "attempted" or "solved"
  if (now.state === "passed") console.log(now.passed, now.total, now.checkedAt);
});
const solved: string[] = progress().filter((entry) => entry.state === "solved").map((entry) => entry.exercise);
try {
  console.log(importProgress("{}").imported.length, solved);
} catch (error) {
  if (error instanceof ProgressFileError) console.log(error.reason, error.values);
}
`,
    );
    const { code, output } = await tsc(
      "--noEmit", "--strict", "--skipLibCheck", "false", "--target", "es2022", "--module", "esnext",
      "--moduleResolution", "bundler", "--lib", "es2022,dom", "--types", "", join(dir, "host.ts"),
    );
    assert.equal(code, 0, `a host's TypeScript does not compile against pykata.d.ts:\n${output}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
