// Runs CPython's own tests for the features pykata teaches in CPython 3.11, CPython 3.13 and
// pykata's real wasm engine (www/pkg), and shows which pass in both CPythons but not in pykata;
// and, for reference, in CPython 3.14 as Pyodide builds it for wasm (the Python version
// RustPython 0.6 implements), to show which of those differences CPython 3.14 has too.
//
//   node tests/cpython/run.mjs [--jobs N] [module ...]
//
// The suite is CPython 3.11's test files, read at run time from the local CPython 3.11's
// `test` package (nothing of CPython's is kept in this repository). Each test module becomes
// one program (harness.py + the shimmed `test` package of shim.py + the test file's text), the
// same program in all four Pythons. Writes tests/cpython/RESULTS.md (the summary) and
// tests/cpython/out/<module>.json (every outcome with its traceback); prints the summary.
// Always exits 0: it measures, it is not a test.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, "../..");
const PKG = join(ROOT, "www/pkg");
const OUT = join(HERE, "out");

/** The test modules measured: the features pykata teaches (decorators, generators, context
 * managers, exceptions) and their neighbours. */
const MODULES = [
  "test_contextlib",
  "test_contextlib_async",
  "test_generators",
  "test_with",
  "test_yield_from",
  "test_decorators",
  "test_functools",
  "test_coroutines",
  "test_asyncgen",
  "test_exceptions",
];

/** Standard modules the test files import unconditionally that pykata's engine lacks: a
 * placeholder stands in for them only where the import really fails (see harness.py). */
const ABSENT = ["doctest", "pickle", "tempfile", "asyncio", "unittest.mock"];

/** Tests are started until this many seconds have passed in one program run, or this much
 * output was written (pykata keeps 64 KiB of a program's output); the next run resumes. */
const BUDGET_S = Number(process.env.PYKATA_CPYTHON_BUDGET_S ?? 30);
const MAX_BYTES = 40_000;
/** A pykata run that has not answered after this long is stopped (a test that never ends). */
const PYKATA_TIMEOUT_MS = Number(process.env.PYKATA_CPYTHON_TIMEOUT_MS ?? 180_000);
/** The npm `pyodide` package's version (CPython 3.14 for wasm). */
const PYODIDE_VERSION = JSON.parse(readFileSync(join(ROOT, "node_modules/pyodide/package.json"), "utf8")).version;
const CPYTHON_TIMEOUT_MS = 600_000;

// ---------------------------------------------------------------------------------------------
// Finding the Pythons.

/** The newest pyenv CPython `major.minor`, else `pythonX.Y` on PATH; env PYKATA_PY311/313 wins. */
function findPython(version) {
  const fromEnv = process.env[`PYKATA_PY${version.replace(".", "")}`];
  if (fromEnv) return fromEnv;
  const versions = join(process.env.PYENV_ROOT ?? join(homedir(), ".pyenv"), "versions");
  if (existsSync(versions)) {
    const found = readdirSync(versions)
      .filter((name) => name.startsWith(`${version}.`) && /^\d+\.\d+\.\d+$/.test(name))
      .sort((a, b) => Number(a.split(".")[2]) - Number(b.split(".")[2]))
      .pop();
    if (found && existsSync(join(versions, found, "bin/python3"))) return join(versions, found, "bin/python3");
  }
  return `python${version}`;
}

function pythonInfo(python) {
  const code = "import os, sys, test; print(sys.version.split()[0]); print(os.path.dirname(test.__file__))";
  const [version, testDir] = execFileSync(python, ["-c", code], { encoding: "utf8" }).trim().split("\n");
  return { python, version, testDir };
}

// ---------------------------------------------------------------------------------------------
// Building a module's program.

/** shim.py's parts: [module name, text]. */
function shimModules() {
  const parts = readFileSync(join(HERE, "shim.py"), "utf8").split(/^# === module: (\S+)\n/m);
  const modules = [];
  for (let i = 1; i < parts.length; i += 2) modules.push([parts[i], parts[i + 1]]);
  return modules;
}

/** The other test modules `text` imports from the `test` package (test_contextlib_async
 * imports test_contextlib). */
function testDependencies(text) {
  const names = new Set();
  for (const match of text.matchAll(/^\s*(?:from test\.(test_\w+) import|from test import (test_\w+)|import test\.(test_\w+))/gm))
    names.add(match[1] ?? match[2] ?? match[3]);
  return [...names];
}

function buildProgram(module, testDir) {
  const sources = shimModules().map(([name, text]) => [
    name,
    `cpython-tests/shim/${name}.py`,
    text,
    name === "test" || name === "test.support" ? 1 : 0,
  ]);
  const seen = new Set();
  const addTest = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(testDir, `${name}.py`), "utf8");
    for (const dependency of testDependencies(text)) addTest(dependency);
    // The real path: tests that look next to their file (test_contextlib's TestChdir,
    // test_exceptions' ENOTDIR test) find what they expect (in pykata, the harness makes it).
    sources.push([`test.${name}`, join(testDir, `${name}.py`), text, 0]);
  };
  addTest(module);
  // The test folder's subfolders, which the harness makes where they are missing (pykata).
  const folders = readdirSync(testDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(testDir, entry.name));
  // JSON strings and lists are Python literals too.
  return readFileSync(join(HERE, "harness.py"), "utf8")
    .replace("__SOURCES__", () => JSON.stringify(sources))
    .replace("__FOLDERS__", () => JSON.stringify(folders))
    .replace("__TARGET__", () => JSON.stringify(`test.${module}`))
    .replace("__ABSENT__", () => JSON.stringify(ABSENT));
}

// ---------------------------------------------------------------------------------------------
// Running a program: each runner answers {stdout, error} or {lost: reason} when the run ended
// without its output (a trap, a timeout).

function cpythonRunner(python) {
  const dir = mkdtempSync(join(tmpdir(), "pykata-cpython-"));
  return {
    name: python,
    run(program, stdin) {
      const file = join(dir, "program.py");
      writeFileSync(file, program);
      return new Promise((done) => {
        const child = spawn(python, [file], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
        const out = [];
        const err = [];
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, CPYTHON_TIMEOUT_MS);
        child.stdout.on("data", (chunk) => out.push(chunk));
        child.stderr.on("data", (chunk) => err.push(chunk));
        child.on("close", (code) => {
          clearTimeout(timer);
          const stdout = Buffer.concat(out).toString("utf8");
          const stderr = Buffer.concat(err).toString("utf8");
          // Whatever the process printed before it died is kept (unlike in pykata).
          done({ stdout, error: timedOut ? "timed out" : code ? `exit code ${code}: ${stderr.trim().split("\n").pop()}` : null });
        });
        child.stdin.end(stdin);
      });
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pykataRunner() {
  let worker = null;
  let ready = null;
  const start = () => {
    worker = new Worker(join(HERE, "worker.mjs"), {
      workerData: { glue: join(PKG, "pykata_wasm.js"), wasm: join(PKG, "pykata_wasm_bg.wasm"), stdlib: join(PKG, "pykata_stdlib.bin") },
    });
    ready = new Promise((done, fail) => {
      worker.once("message", done);
      worker.once("error", fail);
    });
  };
  const retire = async () => {
    if (worker) await worker.terminate();
    worker = null;
  };
  return {
    name: "pykata",
    async run(program, stdin) {
      if (!worker) start();
      await ready;
      const current = worker;
      const answer = await new Promise((done) => {
        const timer = setTimeout(() => done({ timeout: true }), PYKATA_TIMEOUT_MS);
        const finish = (value) => {
          clearTimeout(timer);
          current.off("message", finish);
          current.off("error", failed);
          done(value);
        };
        const failed = (error) => finish({ ok: false, error: String(error) });
        current.on("message", finish);
        current.on("error", failed);
        current.postMessage({ program, stdin, limitMs: PYKATA_TIMEOUT_MS });
      });
      if (answer.timeout) {
        await retire();
        return { lost: `did not finish within ${PYKATA_TIMEOUT_MS / 1000} s (stopped)` };
      }
      if (!answer.ok) {
        await retire();
        const why = answer.memoryExhausted ? "the engine ran out of its memory budget" : `the engine crashed: ${answer.error.split("\n")[0]}`;
        return { lost: why };
      }
      // Every run leaves some memory behind: start a fresh instance before it grows large.
      if (answer.memory > 256 * 1024 * 1024) await retire();
      const { stdout, stderr, error } = answer.output;
      return { stdout, error: error ? `${error.trim().split("\n").pop()}` : null, stderr };
    },
    close: retire,
  };
}

/** CPython 3.14 in wasm (Pyodide): a fresh interpreter in a worker per program, stopped as
 * pykata's is when it does not answer. */
function pyodideRunner() {
  const runner = {
    name: "pyodide",
    version: null,
    run(program, stdin) {
      return new Promise((done) => {
        const worker = new Worker(join(HERE, "pyodide-worker.mjs"), { workerData: { program, stdin } });
        const finish = (answer) => {
          clearTimeout(timer);
          worker.terminate();
          done(answer);
        };
        const timer = setTimeout(() => finish({ lost: `did not finish within ${PYKATA_TIMEOUT_MS / 1000} s (stopped)` }), PYKATA_TIMEOUT_MS);
        worker.once("message", ({ stdout, stderr, error, version }) => {
          runner.version = version;
          finish({ stdout, stderr, error: error ? error.trim().split("\n").pop() : null });
        });
        worker.once("error", (error) => finish({ lost: `Pyodide crashed: ${String(error).split("\n")[0]}` }));
      });
    },
    close() {},
  };
  return runner;
}

// ---------------------------------------------------------------------------------------------
// Running one module in one Python, resuming after budget stops, crashes and timeouts.

function parse(stdout) {
  const events = [];
  for (const line of stdout.split("\n")) {
    const match = line.match(/^([TSRFMYAUE])(?: (.*))?$/);
    if (!match) continue;
    try {
      events.push([match[1], match[2] === undefined ? null : JSON.parse(match[2])]);
    } catch {
      // A line cut short by an output limit.
    }
  }
  return events;
}

async function runModule(runner, program) {
  const result = { total: null, tests: {}, fixtures: [], module: null, absent: [], missing: [], runs: 0, lost: [] };
  let start = 0;
  let one = false; // after a lost run: one test per run until the culprit is found
  let singles = 0;
  const began = Date.now();
  for (;;) {
    result.runs++;
    const answer = await runner.run(program, `${start} ${one ? 1 : 0} ${BUDGET_S} ${MAX_BYTES}`);
    const events = answer.lost ? [] : parse(answer.stdout);
    let last = null;
    let next = null;
    let ended = false;
    for (const [marker, value] of events) {
      if (marker === "T") result.total = value;
      else if (marker === "S") last = value;
      else if (marker === "R") result.tests[value.id] = { ...value, index: last };
      else if (marker === "F" && !result.fixtures.some((f) => f.id === value.id)) result.fixtures.push(value);
      else if (marker === "M") result.module = value;
      else if (marker === "A") result.absent = [...new Set([...result.absent, ...value])];
      else if (marker === "U") result.missing = [...new Set([...result.missing, ...value])];
      else if (marker === "Y") next = value;
      else if (marker === "E") ended = true;
    }
    if (result.module || ended || (result.total !== null && start >= result.total)) break;
    if (next !== null && !answer.lost) {
      start = next;
      if (one && ++singles >= 20) one = false;
      continue;
    }
    // The run ended early: its output is lost (pykata), or it stopped mid-test.
    if (answer.lost && !one) {
      one = true;
      singles = 0;
      result.lost.push(`run from test ${start}: ${answer.lost}; retrying one test per run`);
      continue;
    }
    const reason = answer.lost ?? answer.error ?? "the program stopped without saying why";
    if (result.total === null) {
      result.module = { o: "error", msg: `the program ended before listing its tests: ${reason}` };
      break;
    }
    const culprit = answer.lost ? start : last ?? start;
    result.lost.push(`test ${culprit}: ${reason}`);
    result.tests[`#${culprit}`] = { id: `#${culprit}`, index: culprit, o: answer.lost ? "crash" : "error", msg: reason };
    start = culprit + 1;
    if (result.total !== null && start >= result.total) break;
  }
  result.seconds = (Date.now() - began) / 1000;
  return result;
}

/** Tests known only by index (the run that would have named them was lost) get the name the
 * same index has in another Python's run (the loader's order is the same everywhere). */
function nameByIndex(result, reference) {
  const byIndex = new Map(Object.values(reference.tests).map((t) => [t.index, t.id]));
  for (const [key, test] of Object.entries(result.tests)) {
    if (!key.startsWith("#")) continue;
    delete result.tests[key];
    const id = byIndex.get(test.index) ?? key;
    result.tests[id] = { ...test, id };
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing and reporting.

const passed = (test) => test?.o === "pass";

/** Why a test has no outcome: the module did not load, a fixture failed, the loader failed. */
function whyNotRun(result, id) {
  if (result.module) return { o: result.module.o === "skip" ? "skip" : "error", msg: `module not loaded: ${result.module.msg}` };
  const cls = id.split(".").slice(0, -1).join(".");
  const fixture = result.fixtures.find((f) => f.id.includes(`(${cls})`) || f.id.includes(`(${id.split(".")[1]})`));
  if (fixture) return { o: fixture.o, msg: `${fixture.id}: ${fixture.msg}` };
  const loader = result.fixtures.find((f) => f.id === "loader");
  if (loader) return { o: "error", msg: `not loaded: ${loader.msg}` };
  return { o: "error", msg: "not run" };
}

function compare(module, results) {
  const [a, b, p, y] = results;
  const ids = new Set([...Object.keys(a.tests), ...Object.keys(b.tests)]);
  const both = [...ids].filter((id) => passed(a.tests[id]) && passed(b.tests[id]));
  const notBoth = [...ids].filter((id) => !(passed(a.tests[id]) && passed(b.tests[id])));
  const failing = both
    .filter((id) => !passed(p.tests[id]))
    .map((id) => ({ id, ...(p.tests[id] ?? whyNotRun(p, id)), cpython314: y.tests[id] ?? whyNotRun(y, id) }));
  const count = (r) => Object.values(r.tests).filter(passed).length;
  return {
    module,
    tests: a.total ?? Object.keys(a.tests).length,
    pass311: count(a),
    pass313: count(b),
    passPykata: count(p),
    pass314: count(y),
    both: both.length,
    excluded: notBoth.length,
    failing,
    absent: p.absent,
    missing: [...new Set([...a.missing, ...b.missing, ...p.missing])],
    lost: p.lost,
    seconds: p.seconds,
  };
}

function report(rows, pythons) {
  const sum = (key) => rows.reduce((total, row) => total + (Array.isArray(row[key]) ? row[key].length : row[key]), 0);
  const lines = [];
  lines.push("# CPython's tests in pykata");
  lines.push("");
  lines.push(
    `Generated by \`./x cpython\` (tests/cpython/run.mjs; see docs/cpython.md). The suite is CPython ` +
      `${pythons[0].version}'s test files, run with pykata's shimmed \`test.support\` in CPython ` +
      `${pythons[0].version}, CPython ${pythons[1].version} and pykata's wasm engine. A test counts ` +
      "if it passes in both CPythons; the others (skipped by the shim, or failing in CPython with it) " +
      `are excluded. For reference, the same programs ran in CPython ${pythons[2].version} for wasm ` +
      `(Pyodide ${PYODIDE_VERSION}), the Python version RustPython 0.6 implements; like pykata it has ` +
      "no threads.",
  );
  lines.push("");
  lines.push(`| module | tests | pass 3.11 | pass 3.13 | pass pykata | pass both CPythons | of those, fail in pykata | of those, fail in ${pythons[2].version} (Pyodide) too |`);
  lines.push("|---|--:|--:|--:|--:|--:|--:|--:|");
  const alsoIn314 = (row) => row.failing.filter((test) => !passed(test.cpython314)).length;
  for (const row of rows)
    lines.push(`| ${row.module} | ${row.tests} | ${row.pass311} | ${row.pass313} | ${row.passPykata} | ${row.both} | ${row.failing.length} | ${alsoIn314(row)} |`);
  const failing = sum("failing");
  const also = rows.reduce((total, row) => total + alsoIn314(row), 0);
  lines.push(
    `| **total** | ${sum("tests")} | ${sum("pass311")} | ${sum("pass313")} | ${sum("passPykata")} | ${sum("both")} | ${failing} | ${also} |`,
  );
  const total = sum("both");
  lines.push("");
  lines.push(`pykata passes ${total - failing} of the ${total} tests both CPythons pass (${sum("excluded")} tests excluded). ` +
    `Of the ${failing} it fails, ${also} fail in CPython ${pythons[2].version} for wasm (Pyodide) as well.`);
  for (const row of rows) {
    const notes = [];
    if (row.absent.length) notes.push(`placeholders used in pykata: ${row.absent.join(", ")}`);
    if (row.missing.length) notes.push(`names not in the shim: ${row.missing.join(", ")}`);
    if (row.lost.length) notes.push(`runs lost in pykata: ${row.lost.join("; ")}`);
    if (!row.failing.length && !notes.length) continue;
    lines.push("");
    lines.push(`## ${row.module}`);
    lines.push("");
    for (const note of notes) lines.push(`- _${note}_`);
    const text = (test) => (test.msg ? `${test.o}: ${test.msg.replaceAll("|", "\\|").slice(0, 300)}` : test.o);
    for (const test of row.failing) lines.push(`- \`${test.id}\` — ${text(test)}; in ${pythons[2].version} (Pyodide): ${text(test.cpython314)}`);
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------

async function pool(items, jobs, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  let jobs = 2;
  const chosen = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--jobs") jobs = Number(args[++i]);
    else chosen.push(args[i]);
  }
  const modules = chosen.length ? chosen : MODULES;
  const pythons = [pythonInfo(findPython("3.11")), pythonInfo(findPython("3.13")), { python: "pyodide", version: null }];
  const testDir = pythons[0].testDir;
  console.error(`suite: ${testDir}; pythons: ${pythons.map((p) => `${p.python} (${p.version})`).join(", ")}; pykata: ${PKG}`);
  mkdirSync(OUT, { recursive: true });
  const rows = await pool(modules, jobs, async (module) => {
    const program = buildProgram(module, testDir);
    const runners = [cpythonRunner(pythons[0].python), cpythonRunner(pythons[1].python), pykataRunner(), pyodideRunner()];
    const results = [];
    for (const runner of runners) {
      results.push(await runModule(runner, program));
      await runner.close();
    }
    nameByIndex(results[2], results[0]);
    nameByIndex(results[3], results[0]);
    pythons[2].version ??= runners[3].version;
    const row = compare(module, results);
    writeFileSync(
      join(OUT, `${module}.json`),
      `${JSON.stringify({ module, row, cpython311: results[0], cpython313: results[1], pykata: results[2], pyodide: results[3] }, null, 1)}\n`,
    );
    console.error(
      `${module}: ${row.tests} tests; pass 3.11 ${row.pass311}, 3.13 ${row.pass313}, pykata ${row.passPykata}; ` +
        `${row.failing.length} of ${row.both} fail in pykata (${row.seconds.toFixed(0)} s in pykata); Pyodide passes ${row.pass314}`,
    );
    return row;
  });
  // The local CPython's path in messages, as CPython's own source tree names it.
  const text = report(rows, pythons).replaceAll(`${testDir}/`, "Lib/test/");
  writeFileSync(join(HERE, "RESULTS.md"), text);
  process.stdout.write(text);
}

try {
  await main();
} catch (error) {
  console.error(error?.stack ?? error);
}
process.exit(0);
