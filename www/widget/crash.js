// Why a call into the wasm engine trapped, for the worker (worker.js) and the tests that grade
// as it does (tests/wasm-grade.mjs).

/** Which budget a trap stands for: memory if the engine refused an allocation during the
 * call, recursion if the JavaScript stack overflowed, else none.
 * @param {{ memoryExhausted(): boolean } | null} engine the glue's `PyKata` class
 * @param {unknown} error what the call threw
 * @returns {import("./engine.js").Budget | null} */
export function crashCause(engine, error) {
  if (engine?.memoryExhausted()) return "memory";
  if (error instanceof RangeError || /call stack|stack overflow/i.test(String(/** @type {Error} */ (error)?.message))) return "recursion";
  return null;
}
