// The real release-built wasm engine, loaded in Node, grades every built-in exercise's
// solution, starter and wrong solutions exactly as the native CLI does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ROOT, PYKATA, builtExercises, freshEngine, wasmEngine, withoutTimings } from "./support.mjs";

/** The native CLI's reports of `files` (paths in exercise folder `dir`), graded in one batch
 * (`pykata grade DIR FILES... --out`), by path. */
function nativeBatch(dir, files) {
  assert.ok(PYKATA, "set PYKATA to the native pykata binary (./x test does)");
  const out = mkdtempSync(join(tmpdir(), "pykata-parity-"));
  try {
    const result = spawnSync(PYKATA, ["grade", dir, ...files, "--out", out], { encoding: "utf8" });
    assert.ok([0, 1].includes(result.status), `pykata grade exited ${result.status}: ${result.stderr}`);
    const ids = files.map((file) => basename(file, ".py"));
    assert.equal(new Set(ids).size, ids.length, `the batch's ids are the files' names: ${ids}`);
    return new Map(files.map((file, i) => [file, JSON.parse(readFileSync(join(out, ids[i], "results.json"), "utf8"))]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const exercises = builtExercises();

test("the built site has every exercise of every built pack, in the packs' order", () => {
  const packs = [...new Set(exercises.map((e) => e.name.split("/")[0]))];
  assert.ok(packs.length > 0);
  const expected = packs.flatMap((pack) => {
    const order = readFileSync(join(ROOT, "exercises", pack, "pack.toml"), "utf8").match(/^order\s*=\s*\[([^\]]*)\]/m)[1];
    return [...order.matchAll(/"([^"]+)"/g)].map((m) => `${pack}/${m[1]}`);
  });
  assert.deepEqual(exercises.map((e) => e.name), expected);
});

for (const { name, dir, exercise, files } of exercises) {
  let native;
  for (const { file, fails } of files) {
    test(`${name}: ${file.slice(dir.length + 1)} grades the same in wasm and natively`, async () => {
      const source = readFileSync(file, "utf8");
      const wasm = (await wasmEngine()).grade(exercise, source);
      native ??= nativeBatch(dir, files.map((f) => f.file));
      assert.deepEqual(withoutTimings(wasm), withoutTimings(native.get(file)));
      if (fails === null) {
        assert.equal(wasm.status, "pass", JSON.stringify(wasm, null, 2));
      } else if (fails === "*") {
        assert.notEqual(wasm.status, "pass");
      } else {
        const named = wasm.tests.find((t) => t.check_id === fails);
        assert.ok(named, `check ${fails} ran`);
        assert.notEqual(named.status, "pass", `check ${fails} catches ${file}`);
        assert.ok(named.message.length > 0, "a failing check explains itself");
      }
    });
  }
}

test("preload, as the worker calls it while the learner reads, changes no report", async () => {
  // The shared engine has described exceptions before; a fresh instance has not (its image
  // leaves that out): preloading it must give the first starter (which raises) the report the
  // native CLI gives.
  const { engine } = await freshEngine();
  engine.preload();
  const { dir, exercise } = exercises[0];
  const starter = join(dir, "starter.py");
  const report = engine.grade(exercise, readFileSync(starter, "utf8"));
  assert.notEqual(report.status, "pass");
  assert.deepEqual(withoutTimings(report), withoutTimings(nativeBatch(dir, [starter]).get(starter)));
});

test("a syntax error is one top-level error pointing at the learner's line", async () => {
  const [{ exercise }] = exercises;
  const report = (await wasmEngine()).grade(exercise, "x = 1\ndef broken(:\n    pass\n");
  assert.equal(report.status, "error");
  assert.equal(report.line, 2);
  assert.match(report.message, /syntax error/i);
  assert.deepEqual(report.tests, []);
});

test("run feeds stdin to input() and captures stdout, stderr and the learner's traceback", async () => {
  const engine = await wasmEngine();
  const events = [];
  const ok = engine.run('name = input("name? ")\nprint("hi", name)\n', "Ada\n", 5000, undefined, undefined, (event) => events.push(event));
  assert.equal(ok.stdout, "name? Ada\nhi Ada\n", "the input read is echoed after its prompt, as a terminal shows it");
  assert.deepEqual(events.filter((e) => e.type === "output").map((e) => e.text).join(""), ok.stdout, "output is reported as written");
  assert.equal(ok.error, null);

  const crash = engine.run("import sys\nprint('warn', file=sys.stderr)\n\ndef f():\n    return 1 / 0\nf()\n", "", 5000);
  assert.equal(crash.stderr, "warn\n");
  assert.equal(crash.line, 5);
  assert.match(crash.error, /ZeroDivisionError/);
  assert.equal(crash.exception, "ZeroDivisionError", "the exception's type is a field, not only text");
  assert.doesNotMatch(crash.error, /_pykata_runner|<check>/, "harness frames stay hidden");
});

test("asyncio runs in wasm as natively: its event loop waits on pykata's in-memory socketpair", async () => {
  const program = readFileSync(join(ROOT, "tests/fixtures/asyncio_program.py"), "utf8");
  const result = (await wasmEngine()).run(program, "", 10000);
  assert.equal(result.error, null, result.error);
  // CPython 3.13's output, as crates/engine/tests/fidelity.rs expects natively.
  assert.equal(result.stdout, "open\nr [0, 1, 2]\nclose\n['a', 'b']\ntimed out\n[0, 1, 2]\nagain\n");
});

test("files work in wasm as natively: open, os, pathlib, shutil, tempfile, gzip and zipfile on the in-memory file system", async () => {
  const program = readFileSync(join(ROOT, "tests/fixtures/files_program.py"), "utf8");
  const result = (await wasmEngine()).run(program, "", 10000);
  assert.equal(result.error, null, result.error);
  // CPython 3.13's output, as crates/engine/tests/fidelity.rs expects natively.
  assert.equal(result.stdout, readFileSync(join(ROOT, "tests/fixtures/files_program.out"), "utf8"));
});

test("help(), quit and exit are in builtins in wasm as natively (pydoc from the standard library)", async () => {
  const program = readFileSync(join(ROOT, "tests/fixtures/site_program.py"), "utf8");
  const result = (await wasmEngine()).run(program, "", 10000);
  assert.equal(result.error, null, result.error);
  // CPython 3.13's output, as crates/engine/tests/fidelity.rs expects natively.
  assert.equal(result.stdout, readFileSync(join(ROOT, "tests/fixtures/site_program.out"), "utf8"));
});

test("time's zone attributes follow the local time zone in wasm, not the zone the engine's image was taken in", () => {
  // CPython 3.13's values on Linux in each zone (TZ set), after a first line as the program
  // starts and a second after time.tzset().
  const expected = {
    UTC: "('UTC', 'UTC') 0 0 0",
    "Europe/Berlin": "('CET', 'CEST') -3600 -7200 1",
    "America/New_York": "('EST', 'EDT') 18000 14400 1",
    "Australia/Sydney": "('AEST', 'AEDT') -36000 -39600 1",
    "Asia/Kolkata": "('IST', 'IST') -19800 -19800 0",
  };
  const program =
    "import time\nprint(time.tzname, time.timezone, time.altzone, time.daylight)\ntime.tzset()\nprint(time.tzname, time.timezone, time.altzone, time.daylight)\nprint('tzname' in dir(time), hasattr(time, 'nonesuch'))\n";
  const child = `import { freshEngine } from ${JSON.stringify(new URL("./support.mjs", import.meta.url).href)};
const { engine, restored } = await freshEngine();
if (!restored) throw new Error("the engine's image was not copied in");
const out = engine.run(${JSON.stringify(program)}, "", 5000);
process.stdout.write(out.error ?? out.stdout);`;
  for (const [zone, want] of Object.entries(expected)) {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", child], { env: { ...process.env, TZ: zone }, encoding: "utf8" });
    assert.equal(result.stdout, `${want}\n${want}\nTrue False\n`, `${zone}: ${result.stderr}`);
  }
});

test("time functions work in wasm (they trap in RustPython's wasm build unless replaced)", async () => {
  const result = (await wasmEngine()).run(
    "import time\nstart = time.perf_counter()\ntime.sleep(0.01)\nprint(time.perf_counter() - start >= 0.009, type(time.monotonic_ns()).__name__)\n",
    "",
    5000,
  );
  assert.equal(result.error, null, result.error);
  assert.equal(result.stdout, "True int\n");
  // datetime's own clock was native and trapped, killing the instance; so did nothing else here.
  const dates = (await wasmEngine()).run(
    [
      "import datetime, time",
      "now = datetime.datetime.now()",
      "print(abs(now.timestamp() - time.time()) < 5, datetime.date.today() == now.date())",
      "print(datetime.datetime.now(datetime.timezone.utc).tzinfo, datetime.datetime.now().astimezone().tzinfo is not None)",
      "print(time.process_time() >= 0, time.thread_time_ns() >= 0)",
    ].join("\n"),
    "",
    5000,
  );
  assert.equal(dates.error, null, dates.error);
  assert.equal(dates.stdout, "True True\nUTC True\nTrue True\n");
});
