// A Check in which a hanging check costs only that check: each check is timed as the engine
// starts it (with the budget the engine gives it, from the exercise's `time_limit_ms`); one
// that runs past it has its worker terminated, and the engine grades the remaining checks in a
// fresh worker, keeping the results of those that had finished — the per-check report the CLI
// gives, where the engine interrupts the check itself.
/** @import { Exercise, Report, TestResult } from "./engine.js" */
/** @import { EngineClient, EngineEvent, RequestError, Resume } from "./engine-client.js" */

/** Grade `source` against `exercise` on `engine` for `owner` (whose Stop stops it); each
 * request that grades (the first, and one after each hanging check) may take `budgetMs`. Each
 * resumption starts after the check that hung, with the time the engine says was left, so the
 * Check ends.
 * @param {EngineClient} engine
 * @param {Exercise} exercise
 * @param {string} source
 * @param {number} budgetMs
 * @param {unknown} owner
 * @returns {Promise<Report>} */
export async function gradeEachCheck(engine, exercise, source, budgetMs, owner) {
  /** @type {Resume | null} */
  let resume = null;
  for (;;) {
    /** The results of the checks that finished, in order.
     * @type {TestResult[]} */
    const tests = resume ? [...resume.tests] : [];
    /** The check that ran past its budget, once one did.
     * @type {Extract<EngineEvent, { type: "check_started" }> | null} */
    let hung = null;
    /** The check running, if it has a budget.
     * @type {Extract<EngineEvent, { type: "check_started" }> | null} */
    let running = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const time = () => {
      const check = running;
      if (!check) return;
      timer = setTimeout(() => {
        hung = check;
        engine.stop("budget", owner);
      }, check.budget_ms);
    };
    const onEvent = (/** @type {EngineEvent} */ event) => {
      if (event.type === "check_started" && event.budget_ms > 0) {
        running = event;
        time();
      } else if (event.type === "check_finished") {
        clearTimeout(timer);
        running = null;
        tests.push(...event.tests);
      }
    };
    // While the worker fetches the standard library, the check's time stops; it then starts
    // afresh.
    const onPause = (/** @type {boolean} */ paused) => {
      clearTimeout(timer);
      if (!paused) time();
    };
    try {
      return await engine.request({ op: "grade", exercise, source, resume }, budgetMs, { owner, onEvent, onPause });
    } catch (caught) {
      clearTimeout(timer);
      const error = /** @type {RequestError} */ (caught);
      const stopped = /** @type {Extract<EngineEvent, { type: "check_started" }> | null} */ (hung);
      // Stopped by the user, or out of the whole Check's time (`budgetMs`): nothing to resume.
      if (!stopped) throw error;
      resume = { tests, hung: stopped.index, left_ms: stopped.left_ms };
    }
  }
}
