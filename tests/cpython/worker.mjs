// One pykata wasm engine in a worker thread, so run.mjs can stop a program that never ends
// (in wasm the engine's own time limit does not apply: the host terminates the worker).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

globalThis.pykataStandardLibrary = () => readFileSync(workerData.stdlib);
const glue = await import(pathToFileURL(workerData.glue).href);
glue.initSync({ module: readFileSync(workerData.wasm) });
const engine = new glue.PyKata();

parentPort.on("message", ({ program, stdin, limitMs }) => {
  try {
    const output = engine.run(program, stdin, limitMs);
    parentPort.postMessage({ ok: true, output, memory: glue.PyKata.memoryInUse() });
  } catch (error) {
    // The instance is unusable after a throw (a trap, or the memory budget): run.mjs starts
    // another worker.
    parentPort.postMessage({ ok: false, error: String(error?.stack ?? error), memoryExhausted: glue.PyKata.memoryExhausted() });
  }
});
parentPort.postMessage({ ready: true });
