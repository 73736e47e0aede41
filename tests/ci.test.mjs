// docs/ci.md's GitHub Actions workflow, proved by running it: every `run:` step of its
// `check` job, exactly as written and in order, in a repository holding one pack made by
// `pykata new`, with the environment the workflow sets. What GitHub's own actions would do is
// stood in for: the cache step restores `pykata` (the binary ./x built) at the path it names,
// so the install step takes its cache-hit branch; npm installs `pykata` from a registry on
// localhost serving the tarball `npm pack` makes. The site the build step writes is the
// artifact the upload step names; served, it grades the pack's solution in Chromium with the
// npm package's assets. A pack that is not sound fails the check step with an annotation.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import YAML from "yaml";
import { NPM_DIR, NPM_ENV, PYKATA, ROOT, npmPack } from "./support.mjs";
import { serve } from "../www/serve.mjs";
import { launchChromium } from "./browser/chromium.mjs";

const DOC = readFileSync(join(ROOT, "docs/ci.md"), "utf8");
const WORKFLOW = YAML.parse(DOC.match(/^```yaml\n([\s\S]*?)^```$/m)[1]);
const VERSION = JSON.parse(readFileSync(join(NPM_DIR, "package.json"), "utf8")).version;
/** The actions the workflow may use; none of them runs here. */
const ACTIONS = [
  "actions/checkout@v4",
  "actions/cache@v4",
  "actions/setup-node@v4",
  "actions/upload-pages-artifact@v3",
  "actions/deploy-pages@v4",
];

const scratch = mkdtempSync(join(tmpdir(), "pykata-ci-"));
const home = join(scratch, "home");
const repo = join(scratch, "repo");
let registry;
let registryRequests = [];

/** The registry npm asks for `pykata`: its one version's metadata, and the tarball. */
function npmRegistry(tarball) {
  const bytes = readFileSync(tarball);
  const manifest = JSON.parse(readFileSync(join(NPM_DIR, "package.json"), "utf8"));
  const server = createServer((request, response) => {
    registryRequests.push(request.url);
    const base = `http://127.0.0.1:${server.address().port}`;
    const file = `/pykata/-/pykata-${VERSION}.tgz`;
    if (request.url === "/pykata") {
      const dist = {
        tarball: `${base}${file}`,
        integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
        shasum: createHash("sha1").update(bytes).digest("hex"),
      };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ name: "pykata", "dist-tags": { latest: VERSION }, versions: { [VERSION]: { ...manifest, dist } } }));
    } else if (request.url === file) {
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
      response.end(bytes);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Run `step`'s script as GitHub's runner does (bash, -e, pipefail) in the repository:
 * `{status, stdout, stderr}`. Not spawnSync: the registry answers from this process. */
function runStep(step) {
  assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: expressions are not evaluated here`);
  const env = { ...NPM_ENV, ...WORKFLOW.env, ...WORKFLOW.jobs.check.env, ...step.env };
  delete env.PYKATA_ASSETS;
  Object.assign(env, {
    HOME: home,
    PATH: `${join(home, ".cargo/bin")}:${process.env.PATH}`,
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: repo,
    npm_config_registry: `http://127.0.0.1:${registry.address().port}/`,
    npm_config_cache: join(scratch, "npm-cache"),
  });
  const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], { cwd: repo, env });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (out.stdout += chunk));
  child.stderr.on("data", (chunk) => (out.stderr += chunk));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, ...out })));
}

before(async () => {
  assert.ok(PYKATA, "set PYKATA to the native pykata binary (./x test does)");
  mkdirSync(join(scratch, "pack"));
  registry = await npmRegistry(npmPack(join(scratch, "pack")).tarball);
  mkdirSync(repo);
  mkdirSync(home);
});

after(() => {
  registry?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const steps = () => WORKFLOW.jobs.check.steps;
const packs = () => WORKFLOW.env.PACKS;

test("the workflow checks on pushes and pull requests, deploys to Pages on pushes, and uses only known actions", () => {
  assert.deepEqual(Object.keys(WORKFLOW.on).sort(), ["pull_request", "push"]);
  assert.deepEqual(Object.keys(WORKFLOW.jobs), ["check", "deploy"]);
  assert.equal(WORKFLOW.env.PYKATA_VERSION, VERSION, "the workflow names this release");
  const used = [...steps(), ...WORKFLOW.jobs.deploy.steps].filter((s) => s.uses).map((s) => s.uses);
  for (const action of used) assert.ok(ACTIONS.includes(action), action);
  assert.ok(used.includes("actions/deploy-pages@v4"));
  assert.deepEqual(WORKFLOW.jobs.deploy.needs, "check");
  assert.ok(steps().filter((s) => s.run).length >= 4, "install, fetch, check and build steps");
});

test("every run step succeeds as written; the site it builds grades the pack's solution in Chromium", async (t) => {
  // What actions/checkout leaves: the repository of packs.
  const made = spawnSync(PYKATA, ["new", join(repo, packs(), "hello")], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  // What actions/cache restores on a hit: the CLI at the path it caches.
  const cached = steps().find((s) => s.uses === "actions/cache@v4").with.path.replace(/^~/, home);
  mkdirSync(dirname(cached), { recursive: true });
  copyFileSync(PYKATA, cached);
  chmodSync(cached, 0o755);

  let site;
  for (const step of steps()) {
    if (step.uses === "actions/upload-pages-artifact@v3") site = join(repo, step.with.path);
    if (!step.run) continue;
    const run = await runStep(step);
    assert.equal(run.status, 0, `step "${step.name}" exited ${run.status}\n${run.stdout}\n${run.stderr}`);
    assert.doesNotMatch(run.stdout, /^::error/m, step.name);
    t.diagnostic(`step "${step.name}": ok`);
  }
  assert.ok(registryRequests.includes("/pykata"), "npm asked the registry for pykata");
  assert.ok(registryRequests.some((url) => url.endsWith(".tgz")), "npm fetched the tarball");
  const assets = join(repo, "node_modules/pykata/dist");
  for (const file of ["pykata.js", "worker.js", "pkg/pykata_wasm_bg.wasm"]) {
    assert.ok(readFileSync(join(site, file)).equals(readFileSync(join(assets, file))), `the site's ${file} is the npm package's`);
  }

  const server = await serve(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.locator("#packs li a").first().click();
    const kata = page.locator("py-kata");
    await kata.locator(".pk-title").waitFor({ timeout: 60000 });
    const status = await kata.evaluate(async (el) => {
      el.code = el.exercise.solution;
      return (await el.check())?.status;
    });
    assert.equal(status, "pass");
  } finally {
    await browser.close();
    server.close();
  }
});

test("the check step fails on a pack that is not sound, with an annotation on the file", async () => {
  const check = steps().find((s) => s.run?.includes("pykata check"));
  const wrong = join(repo, packs(), "hello/wrong/passes.py");
  writeFileSync(wrong, "# fails: returns-answer\n" + readFileSync(join(repo, packs(), "hello/solution.py"), "utf8"));
  try {
    const run = await runStep(check);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^::error file=[^,]*hello\/wrong\/passes\.py/m, run.stdout);
  } finally {
    rmSync(wrong);
  }
});
