// The hostile corpus (tests/hostile): submissions that try to pass without doing the work.
// Each is graded natively by the `pykata` CLI and by the release wasm engine in a fresh Node
// process; neither may report a pass, and neither may hang or lose the result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT, PYKATA, SITE } from "./support.mjs";

const CORPUS = join(ROOT, "tests/hostile/submissions");

/** The hostile pack, built the way `pykata build` builds any pack. */
function buildHostilePack() {
  const out = mkdtempSync(join(tmpdir(), "pykata-hostile-"));
  const built = spawnSync(PYKATA, ["build", join(ROOT, "tests/hostile/pack"), "--out", out], {
    encoding: "utf8",
  });
  assert.equal(built.status, 0, built.stderr);
  return out;
}

function header(source, field) {
  const match = source.match(new RegExp(`^#\\s*${field}:\\s*(.+)$`, "m"));
  assert.ok(match, `the submission names its ${field}`);
  return match[1].trim();
}

/** Where the built JSON of an exercise folder (relative to the repository) is. */
function exerciseJson(folder, hostileSite) {
  const [root, ...rest] = folder.split("/");
  if (root === "exercises") return join(SITE, "exercises", rest[0], `${rest[1]}.json`);
  return join(hostileSite, "exercises", "pack", `${rest.at(-1)}.json`);
}

function assertNotPassed(report, mustNotPass, where) {
  const shown = JSON.stringify(report, null, 2);
  if (report.crashed) {
    // The instance trapped: the page replaces the worker and says why; that is no pass.
    return;
  }
  assert.notEqual(report.status, "pass", `${where} passed:\n${shown}`);
  if (mustNotPass !== "*" && report.tests.length > 0) {
    const named = report.tests.filter((t) => t.check_id === mustNotPass);
    assert.ok(named.length > 0, `${where}: check ${mustNotPass} ran\n${shown}`);
    assert.ok(
      named.some((t) => t.status !== "pass"),
      `${where}: check ${mustNotPass} passed\n${shown}`,
    );
  }
  for (const t of report.tests) {
    if (t.status !== "pass") assert.ok(t.message?.length > 0, `${where}: a failing check explains itself\n${shown}`);
  }
}

assert.ok(PYKATA, "set PYKATA to the native pykata binary (./x test does)");
const hostileSite = buildHostilePack();
const submissions = readdirSync(CORPUS).filter((name) => name.endsWith(".py")).sort();

test("the corpus has an attack for every tamper route the hardening issue names", () => {
  assert.ok(submissions.length >= 30, `${submissions.length} submissions`);
});

test("a built bundle ships a hidden check's expected output only as a digest, and grading still works", () => {
  const json = exerciseJson("tests/hostile/pack/secret", hostileSite);
  const built = JSON.parse(readFileSync(json, "utf8"));
  const hidden = built.manifest.checks.find((c) => c.id === "secret-output");
  assert.equal(hidden.expected, undefined);
  assert.match(hidden.expected_sha256, /^[0-9a-f]{64}$/);
  assert.doesNotMatch(readFileSync(json, "utf8"), /"expected":"42/);
  const graded = (file) =>
    JSON.parse(spawnSync(process.execPath, [join(ROOT, "tests/wasm-grade.mjs"), json, file], { encoding: "utf8" }).stdout);
  const solution = graded(join(ROOT, "tests/hostile/pack/secret/solution.py"));
  assert.equal(solution.status, "pass", JSON.stringify(solution, null, 2));
  const triples = graded(join(ROOT, "tests/hostile/pack/secret/wrong/triples.py"));
  const secret = triples.tests.find((t) => t.check_id === "secret-output");
  assert.equal(secret.status, "fail");
  assert.equal(secret.message, "A hidden example printed the wrong thing.");
});

for (const name of submissions) {
  const file = join(CORPUS, name);
  const source = readFileSync(file, "utf8");
  const folder = header(source, "exercise");
  const mustNotPass = header(source, "must-not-pass");
  const json = exerciseJson(folder, hostileSite);

  test(`hostile ${name}: no pass natively`, () => {
    const native = spawnSync(PYKATA, ["grade", join(ROOT, folder), file], { encoding: "utf8", timeout: 120_000 });
    assert.equal(native.signal, null, `pykata grade was killed (${native.signal}): ${native.stderr}`);
    assert.equal(native.status, 1, `pykata grade exits 1 for a submission that does not pass: ${native.stderr}`);
    assertNotPassed(JSON.parse(native.stdout), mustNotPass, `native ${relative(ROOT, file)}`);
  });

  // wasm has no way to interrupt running code: the page terminates the worker instead. An
  // attack marked `# loops:` must be stopped that way (here: the process is killed); every
  // other one must finish on its own.
  const loops = /^#\s*loops:/m.test(source);
  test(`hostile ${name}: no pass in wasm`, () => {
    const wasm = spawnSync(process.execPath, [join(ROOT, "tests/wasm-grade.mjs"), json, file], {
      encoding: "utf8",
      timeout: loops ? 15_000 : 120_000,
    });
    if (loops) {
      assert.equal(wasm.signal, "SIGTERM", `it loops until the page stops it: ${wasm.stdout}`);
      return;
    }
    assert.equal(wasm.status, 0, wasm.stderr);
    assertNotPassed(JSON.parse(wasm.stdout), mustNotPass, `wasm ${relative(ROOT, file)}`);
  });
}
