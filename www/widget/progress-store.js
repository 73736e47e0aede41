// Where progress.js keeps the learner's progress: localStorage, by exercise, read defensively
// (a value that cannot be read counts as absent) and written without throwing (a failed write
// answers false). Used by the <py-kata> element, the progress view and the public API.
//
// Keys, versioned: `pykata:v1:code:<exercise>` (the code, as text), `pykata:v1:state:<exercise>`
// (a ProgressRecord as JSON), `pykata:v1:report:<exercise>` (the last report as JSON), and the
// older `pykata:v1:solved:<exercise>` ("1"), still read. `<exercise>` is the exercise JSON's URL
// path (`/exercises/basics/hello.json`) or `inline:<page path>#<id>`.

/** @import { Report } from "./engine.js" */
/** @import { ExerciseProgress, ProgressEntry, ProgressRecord } from "./progress.js" */

const PREFIX = "pykata:v1";
/** @type {ProgressRecord} */
const NOT_STARTED = { state: "not-started", passed: null, total: null, checkedAt: null, hints: 0, updatedAt: null };
const STATES = ["not-started", "attempted", "solved"];

/** @param {"code" | "state" | "report" | "solved"} what @param {string} exercise */
const keyOf = (what, exercise) => `${PREFIX}:${what}:${exercise}`;

/** localStorage that reports failure instead of throwing (full or disabled storage). */
const storage = {
  /** @param {string} key */
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  /** @param {string} key @param {string} value */
  set(key, value) {
    try {
      localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },
  /** Every key stored, or none when storage cannot be read. */
  keys() {
    try {
      return Object.keys(localStorage);
    } catch {
      return [];
    }
  },
};

/** `text` parsed as JSON, or undefined if it is not.
 * @param {string | null} text */
function parsed(text) {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isTime = (/** @type {unknown} */ value) => value === null || (typeof value === "string" && !Number.isNaN(Date.parse(value)));
const isCount = (/** @type {unknown} */ value) => value === null || (Number.isInteger(value) && Number(value) >= 0);

/** The first field of `value` that is not as a ProgressRecord has it, or null if none is.
 * @param {any} value */
export function badRecordField(value) {
  if (typeof value !== "object" || value === null) return "state";
  if (!STATES.includes(value.state)) return "state";
  for (const field of ["passed", "total"]) if (!isCount(value[field])) return field;
  if (!isCount(value.hints) || value.hints === null) return "hints";
  for (const field of ["checkedAt", "updatedAt"]) if (!isTime(value[field])) return field;
  return null;
}

/** True if `value` looks like a report the widget can show.
 * @param {any} value
 * @returns {value is Report} */
export function isReport(value) {
  return typeof value === "object" && value !== null && typeof value.status === "string" && Array.isArray(value.tests);
}

/** The stored record of `exercise`, or the not-started one.
 * @param {string} exercise
 * @returns {ProgressRecord} */
export function readRecord(exercise) {
  const value = parsed(storage.get(keyOf("state", exercise)));
  if (value !== undefined && badRecordField(value) === null) {
    const { state, passed, total, checkedAt, hints, updatedAt } = value;
    return { state, passed, total, checkedAt, hints, updatedAt };
  }
  // Before records, a solved exercise was kept as "1".
  return storage.get(keyOf("solved", exercise)) === "1" ? { ...NOT_STARTED, state: "solved" } : NOT_STARTED;
}

/** `exercise`'s progress as the API gives it.
 * @param {string} exercise
 * @returns {ExerciseProgress} */
export function exerciseProgress(exercise) {
  return { exercise, ...readRecord(exercise), hasCode: storage.get(keyOf("code", exercise)) !== null };
}

/** @param {string} exercise @param {Partial<ProgressRecord>} change
 * @returns {boolean} whether it was saved */
function updateRecord(exercise, change) {
  const record = { ...readRecord(exercise), ...change, updatedAt: new Date().toISOString() };
  return storage.set(keyOf("state", exercise), JSON.stringify(record));
}

/** The learner's saved code for `exercise`, or null.
 * @param {string} exercise */
export function loadCode(exercise) {
  return storage.get(keyOf("code", exercise));
}

/** Save the learner's code for `exercise`; false if storage failed.
 * @param {string} exercise @param {string} code */
export function saveCode(exercise, code) {
  return storage.set(keyOf("code", exercise), code) && updateRecord(exercise, {});
}

/** The last Check's report for `exercise`, or null (also when what is stored is not one).
 * @param {string} exercise
 * @returns {Report | null} */
export function lastReport(exercise) {
  const value = parsed(storage.get(keyOf("report", exercise)));
  return isReport(value) ? value : null;
}

/** Record a Check of `exercise` that answered `report`; false if storage failed.
 * @param {string} exercise @param {Report} report */
export function recordCheck(exercise, report) {
  const passed = report.tests.filter((test) => test.status === "pass").length;
  const solved = report.status === "pass" || readRecord(exercise).state === "solved";
  const record = { state: solved ? "solved" : "attempted", passed, total: report.tests.length, checkedAt: new Date().toISOString() };
  return storage.set(keyOf("report", exercise), JSON.stringify(report)) && updateRecord(exercise, /** @type {Partial<ProgressRecord>} */ (record));
}

/** Record that `count` hints of `exercise` are revealed; false if storage failed.
 * @param {string} exercise @param {number} count */
export function recordHints(exercise, count) {
  return updateRecord(exercise, { hints: count });
}

/** A key of ours; its group 1 is the exercise. */
const STORED_KEY = new RegExp(`^${PREFIX}:(?:code|state|report|solved):(.*)$`, "s");

/** The exercises with anything stored in this browser. */
export function storedExercises() {
  const names = new Set();
  for (const key of storage.keys()) {
    const match = STORED_KEY.exec(key);
    if (match) names.add(match[1]);
  }
  return [...names].sort();
}


/** Store `entry` of a progress file as `entry.exercise`'s code, report and record; false if
 * storage failed.
 * @param {ProgressEntry} entry */
export function writeEntry({ exercise, code, report, state, passed, total, checkedAt, hints, updatedAt }) {
  return (
    (code === null || storage.set(keyOf("code", exercise), code)) &&
    (report === null || storage.set(keyOf("report", exercise), JSON.stringify(report))) &&
    storage.set(keyOf("state", exercise), JSON.stringify({ state, passed, total, checkedAt, hints, updatedAt }))
  );
}
