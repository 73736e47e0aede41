// Shared by the Node tests: where the built artefacts are, and how to list the built-in
// exercises with every solution file that comes with them.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { restoreImage } from "../www/widget/engine-image.js";

export const ROOT = resolve(import.meta.dirname, "..");
export const SITE = resolve(process.env.PYKATA_SITE ?? join(ROOT, "www/dist"));
export const PYKATA = process.env.PYKATA;

export const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** The npm package `pykata` as `./x` assembles it (npm/dist). */
export const NPM_DIR = join(ROOT, "npm");
/** What npm's own commands must not do here: ask the registry unasked, or nag. */
export const NPM_ENV = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };

/** `npm pack` of npm/ into `folder`: npm's account of the tarball, and its path. */
export function npmPack(folder) {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", folder], { cwd: NPM_DIR, env: NPM_ENV, encoding: "utf8" }),
  );
  return { packed, tarball: join(folder, packed.filename) };
}

/** Every built exercise: its JSON, its source folder, and its solution files with the check
 * each must fail (`null` for the reference solution, `"*"` for the starter: any check). */
export function builtExercises() {
  const index = readJson(join(SITE, "exercises/index.json"));
  return index.packs.flatMap((pack) =>
    pack.exercises.map((entry) => {
      const dir = join(ROOT, "exercises", pack.id, entry.id);
      const wrongDir = join(dir, "wrong");
      const wrong = readdirSync(wrongDir)
        .filter((name) => name.endsWith(".py"))
        .sort()
        .map((name) => {
          const source = readFileSync(join(wrongDir, name), "utf8");
          return { file: join(wrongDir, name), fails: source.match(/^#\s*fails:\s*(\S+)/m)[1] };
        });
      return {
        name: `${pack.id}/${entry.id}`,
        dir,
        exercise: readJson(join(SITE, entry.src)),
        files: [
          { file: join(dir, "solution.py"), fails: null },
          { file: join(dir, "starter.py"), fails: "*" },
          ...wrong,
        ],
      };
    }),
  );
}

/** A report without its timings, which differ from run to run. */
export function withoutTimings(report) {
  return { ...report, tests: report.tests.map(({ duration_ms, ...rest }) => rest) };
}

export const PKG = join(ROOT, "www/pkg");
// The engine's standard library, which it asks its host for on first need (the browser's worker
// fetches it): read from beside the wasm module.
globalThis.pykataStandardLibrary = () => readFileSync(join(PKG, "pykata_stdlib.bin"));
let instances = 0;
let compiled = null;

/** A fresh instance of the real release-built wasm engine in this Node process, its glue module
 * loaded anew (the glue keeps one instance), with the engine's pre-started image copied in as
 * the browser worker does — or, with `image: false`, without it: Python then starts the slow
 * way. Answers the glue (`PyKata`…), a `PyKata`, the instance's exports and whether the image
 * was copied in. */
export async function freshEngine({ image = true } = {}) {
  compiled ??= new WebAssembly.Module(readFileSync(join(PKG, "pykata_wasm_bg.wasm")));
  const glue = await import(`../www/pkg/pykata_wasm.js?instance=${instances++}`);
  const wasm = glue.initSync({ module: compiled });
  const restored = image && restoreImage(compiled, wasm, readFileSync(join(PKG, "pykata_wasm_bg.image"))) === "copied";
  return { glue, PyKata: glue.PyKata, engine: new glue.PyKata(), wasm, module: compiled, restored };
}

let current = null;

/** The real wasm engine (see `freshEngine`), replaced by a fresh instance once the engine says
 * it has grown large, as the browser worker does. */
export async function wasmEngine() {
  if (!current || current.PyKata.shouldRetire()) current = await freshEngine();
  return current.engine;
}

/** A user's own site, as the real CLI makes it: in a new temporary folder `dir` (named from
 * `prefix`), each pack of `packs` (`[id, title, [[folder, exercise title], ...]]`) scaffolded by
 * `pykata new` under `dir/course`, then `pykata build` into `site`. Answers `{dir, site}`. */
export function scaffoldedSite(prefix, packs) {
  if (!PYKATA) throw new Error("set PYKATA to the native pykata binary (./x test does)");
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const site = join(dir, "site");
  for (const [id, title, exercises] of packs) {
    const packDir = join(dir, "course", id);
    mkdirSync(packDir, { recursive: true });
    writeFileSync(join(packDir, "pack.toml"), `title = "${title}"\norder = []\n`);
    for (const [folder, exerciseTitle] of exercises) {
      execFileSync(PYKATA, ["new", join(packDir, folder)], { stdio: "pipe" });
      const manifest = join(packDir, folder, "exercise.toml");
      writeFileSync(manifest, readFileSync(manifest, "utf8").replace('title = "TODO: a short title"', `title = "${exerciseTitle}"`));
    }
  }
  execFileSync(PYKATA, ["build", join(dir, "course"), "--out", site], { stdio: "pipe" });
  return { dir, site };
}
