// The `pykata` binary `./x` builds needs nothing beside itself: copied out and run with the
// checkout and the build folder hidden (a private mount namespace with an empty tmpfs over
// each), it scaffolds, checks, builds and grades a pack in an empty folder, and the site it
// builds carries the web assets built into it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PYKATA, ROOT } from "./support.mjs";

/** Runs in the namespace: hide each folder given, show it is empty, then work as a new user. */
const SCRIPT = String.raw`
set -euo pipefail
for folder in "$@"; do
    if [ -d "$folder" ]; then mount -t tmpfs none "$folder"; fi
done
for folder in "$@"; do
    if [ -n "$(ls -A "$folder" 2>/dev/null)" ]; then echo "$folder is still visible" >&2; exit 3; fi
done
pykata new course/hello
pykata check course
pykata build course --out site
pykata grade course/hello course/hello/solution.py > report.json
`;

test("a copied pykata with the checkout and its build folder hidden runs new, check, build and grade", () => {
  assert.ok(PYKATA, "set PYKATA to the native pykata binary (./x test does)");
  const scratch = mkdtempSync(join(tmpdir(), "pykata-standalone-"));
  try {
    const bin = join(scratch, "bin");
    const work = join(scratch, "work");
    mkdirSync(bin);
    mkdirSync(work);
    copyFileSync(PYKATA, join(bin, "pykata"));
    chmodSync(join(bin, "pykata"), 0o755);
    // The checkout, and the build folder the binary came from (CARGO_TARGET_DIR/debug/pykata).
    const hidden = [ROOT, dirname(dirname(PYKATA))];
    const run = spawnSync("unshare", ["--mount", "--map-root-user", "bash", "-c", SCRIPT, "bash", ...hidden], {
      cwd: work,
      // The cache of compressed assets is no checkout; sharing it saves a minute of brotli.
      env: { PATH: `${bin}:/usr/bin:/bin`, HOME: scratch, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache") },
      encoding: "utf8",
      timeout: 300_000,
    });
    assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(readFileSync(join(work, "report.json"), "utf8"));
    assert.equal(report.status, "pass", JSON.stringify(report));
    const index = readFileSync(join(work, "site/index.html"), "utf8");
    assert.match(index, /href="exercises\/course\/hello\.html"/);
    for (const file of ["pykata.js", "worker.js", "pykata-sw.js", "site.css", "pkg/pykata_wasm_bg.wasm"]) {
      assert.ok(
        readFileSync(join(work, "site", file)).equals(readFileSync(join(ROOT, "www/build", file))),
        `site/${file} is the web asset built into the binary`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
