// Grade one submission with the real wasm engine in a fresh Node process, as the browser
// worker does (the engine's pre-started image copied in): `node tests/wasm-grade.mjs
// EXERCISE.json SOLUTION.py` prints the report as JSON, or `{"crashed": true, "budget": ...,
// "error": ...}` if the code trapped the instance.
import { readFileSync } from "node:fs";
import { crashCause } from "../www/widget/crash.js";
import { freshEngine } from "./support.mjs";

const [exerciseFile, sourceFile] = process.argv.slice(2);
const { engine, PyKata } = await freshEngine();
const exercise = JSON.parse(readFileSync(exerciseFile, "utf8"));
const source = readFileSync(sourceFile, "utf8");
let answer;
try {
  answer = engine.grade(exercise, source);
} catch (error) {
  answer = { crashed: true, budget: crashCause(PyKata, error), error: String(error?.message ?? error) };
}
process.stdout.write(JSON.stringify(answer));
