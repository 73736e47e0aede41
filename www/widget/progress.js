// The learner's progress in this browser, as pykata.js exports it to host pages: every
// exercise's state (`progress()`), and the progress file learners export and import back
// (docs/embedding.md, "Progress"). Kept by progress-store.js; shared by every <py-kata> and by
// the pages `pykata build` writes (progress-view.js).

import { badRecordField, exerciseProgress, isReport, lastReport, loadCode, readRecord, storedExercises, writeEntry } from "./progress-store.js";

/** @import { Report } from "./engine.js" */

/** What a progress file says it is, and the newest version of it this code reads. */
const FILE_FORMAT = "pykata-progress";
const FILE_VERSION = 1;

/**
 * Where the learner is with one exercise: `not-started` (no Check yet), `attempted` (checked,
 * never passed), `solved` (some Check passed every check; it stays solved).
 * @typedef {"not-started" | "attempted" | "solved"} ProgressState
 */

/**
 * What is stored about one exercise besides its code and last report.
 * @typedef {object} ProgressRecord
 * @property {ProgressState} state
 * @property {number | null} passed checks passed at the last Check
 * @property {number | null} total checks at the last Check
 * @property {string | null} checkedAt when the last Check ran (ISO 8601)
 * @property {number} hints how many hints are revealed
 * @property {string | null} updatedAt when the code, a Check or the hints last changed (ISO 8601)
 */

/**
 * One exercise's progress, as `progress()` lists it and the `progress` event gives it.
 * @typedef {ProgressRecord & { exercise: string, hasCode: boolean }} ExerciseProgress
 */

/**
 * One exercise in a progress file: its record, code and last report.
 * @typedef {ProgressRecord & { exercise: string, code: string | null, report: Report | null }} ProgressEntry
 */

/**
 * A progress file, as `exportProgress()` makes it.
 * @typedef {{ format: "pykata-progress", version: number, exportedAt: string, exercises: ProgressEntry[] }} ProgressFile
 */

/** The stored progress of every exercise this browser has anything of (its code, a Check, a
 * hint), whichever page it was on.
 * @returns {ExerciseProgress[]} */
export function progress() {
  return storedExercises().map(exerciseProgress);
}

/** Everything stored about every exercise, as a progress file (JSON-serializable) to save.
 * @returns {ProgressFile} */
export function exportProgress() {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: new Date().toISOString(),
    exercises: storedExercises().map((exercise) => ({
      exercise,
      ...readRecord(exercise),
      code: loadCode(exercise),
      report: lastReport(exercise),
    })),
  };
}

/**
 * Why a progress file was not imported, by the name of the catalog string (www/widget/i18n.js)
 * that says so.
 * @typedef {"importNotJson" | "importNotProgress" | "importVersion" | "importBadEntry" | "storageFailedImport"} ImportProblem
 */

/** Why a progress file was refused: `reason` names the catalog string that says so, filled
 * from `values`; nothing was changed (but for `storageFailedImport`). */
export class ProgressFileError extends Error {
  /** @param {ImportProblem} reason @param {Record<string, string | number>} [values] @param {string} [message] */
  constructor(reason, values = {}, message = reason) {
    super(message);
    this.name = "ProgressFileError";
    this.reason = reason;
    this.values = values;
  }
}

/** The entries of progress file `text`, checked; throws a ProgressFileError for the first
 * thing wrong with it.
 * @param {string} text
 * @returns {ProgressEntry[]} */
function readFile(text) {
  let file;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw new ProgressFileError("importNotJson", { error: /** @type {Error} */ (error).message }, `not JSON: ${/** @type {Error} */ (error).message}`);
  }
  const isFile = typeof file === "object" && file !== null && file.format === FILE_FORMAT;
  if (!isFile || !Number.isInteger(file.version) || file.version < 1 || !Array.isArray(file.exercises)) {
    throw new ProgressFileError("importNotProgress", {}, "not a pykata progress file");
  }
  if (file.version > FILE_VERSION) {
    throw new ProgressFileError("importVersion", { version: String(file.version) }, `progress file version ${file.version} is not read here`);
  }
  return file.exercises.map((/** @type {any} */ entry, /** @type {number} */ index) => {
    const bad =
      typeof entry?.exercise !== "string" || !entry.exercise
        ? "exercise"
        : (badRecordField(entry) ??
          (entry.code !== null && typeof entry.code !== "string" ? "code" : entry.report !== null && !isReport(entry.report) ? "report" : null));
    if (bad) throw new ProgressFileError("importBadEntry", { number: index + 1, field: bad }, `entry ${index + 1} has no valid "${bad}"`);
    return entry;
  });
}

/**
 * Merge progress file `text` (as `exportProgress()` makes it) into this browser's. An exercise
 * of the file replaces the one stored here (its code, record and report) when nothing is stored
 * here for it, or when the file's was changed later (`updatedAt`); otherwise the one here is
 * kept. A file that is not valid changes nothing: a ProgressFileError says what is wrong.
 * @param {string} text
 * @returns {{ imported: string[], kept: string[] }} the exercises taken from the file, and those kept as they were here
 */
export function importProgress(text) {
  const entries = readFile(text);
  /** @type {{ imported: string[], kept: string[] }} */
  const outcome = { imported: [], kept: [] };
  for (const entry of entries) {
    const here = readRecord(entry.exercise);
    const hereCode = loadCode(entry.exercise);
    const newer = Date.parse(entry.updatedAt ?? "") > Date.parse(here.updatedAt ?? "");
    const nothingHere = here.updatedAt === null && here.state === "not-started" && hereCode === null;
    if (!nothingHere && !newer) {
      outcome.kept.push(entry.exercise);
      continue;
    }
    if (!writeEntry(entry)) throw new ProgressFileError("storageFailedImport", {}, "storage is full or disabled");
    outcome.imported.push(entry.exercise);
  }
  return outcome;
}
