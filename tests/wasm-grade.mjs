// Grade one submission with the real wasm engine in a fresh Node process, as the browser
// worker does: `node tests/wasm-grade.mjs EXERCISE.json SOLUTION.py` prints the report as
// JSON, or `{"crashed": true, "budget": ..., "error": ...}` if the code trapped the instance.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./support.mjs";
import { initSync, PyKata } from "../www/pkg/pykata_wasm.js";

const [exerciseFile, sourceFile] = process.argv.slice(2);
initSync({ module: readFileSync(join(ROOT, "www/pkg/pykata_wasm_bg.wasm")) });
const exercise = JSON.parse(readFileSync(exerciseFile, "utf8"));
const source = readFileSync(sourceFile, "utf8");
let answer;
try {
  answer = new PyKata().grade(exercise, source);
} catch (error) {
  const budget = PyKata.memoryExhausted() ? "memory" : error instanceof RangeError ? "recursion" : null;
  answer = { crashed: true, budget, error: String(error?.message ?? error) };
}
process.stdout.write(JSON.stringify(answer));
