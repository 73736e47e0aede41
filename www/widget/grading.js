// A Check in which a hanging check costs only that check: each check is timed as the engine
// starts it (with the budget the engine gives it, from the exercise's `time_limit_ms`); one
// that runs past it has its worker terminated, and the engine grades the remaining checks in a
// fresh worker, keeping the results of those that had finished — the per-check report the CLI
// gives, where the engine interrupts the check itself.
/** @import { Exercise, Report, TestResult } from "./engine.js" */
/** @import { EngineClient, EngineEvent, RequestError, Resume } from "./engine-client.js" */

/** Grade `source` against `exercise` on `engine` for `owner` (whose Stop stops it); each
 * request that grades (the first, and one after each hanging check) may take `budgetMs`, and a
 * check still running when that runs out is a hanging check too. Each resumption starts after
 * the check that hung, so the Check ends.
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
    /** The check under way, if any.
     * @type {Extract<EngineEvent, { type: "check_started" }> | null} */
    let running = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const onEvent = (/** @type {EngineEvent} */ event) => {
      if (event.type === "check_started") {
        running = event;
        if (event.budget_ms > 0) timer = setTimeout(() => engine.stop("budget", owner), event.budget_ms);
      } else if (event.type === "check_finished") {
        clearTimeout(timer);
        running = null;
        tests.push(...event.tests);
      }
    };
    try {
      return await engine.request({ op: "grade", exercise, source, resume }, budgetMs, { owner, onEvent });
    } catch (caught) {
      clearTimeout(timer);
      const error = /** @type {RequestError} */ (caught);
      const stopped = /** @type {Extract<EngineEvent, { type: "check_started" }> | null} */ (running);
      // Out of time outside any check (a finalizer that never ends): nothing to resume.
      if (error.stopped !== "budget" || !stopped) throw error;
      resume = { tests, hung: stopped.index, left_ms: stopped.left_ms };
    }
  }
}
