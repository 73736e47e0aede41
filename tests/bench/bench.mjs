// `./x bench`: measure size and speed, and rewrite BENCHMARKS.md. A measurement, not a test:
// nothing here asserts a time.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, SITE, PYKATA } from "../support.mjs";
import { browserBench, browserSections, compressed, sizesOf, PYODIDE_VERSION, WORKLOADS } from "./browser.mjs";
import { codeByCrate } from "./wasm-bytes.mjs";

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** raw, gzip -9, brotli -q 11 (16 MiB window, as `pykata build` writes its `.br` twins). */
const sizes = sizesOf;

/** The npm package's tarball as `npm pack` of npm/ makes it (npm/dist assembled by `./x`),
 * measured without writing it: its size, unpacked size and file count. */
function npmTarball() {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json"], {
      cwd: join(ROOT, "npm"),
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false" },
    }),
  );
  return packed;
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

// Each cold measurement runs in a fresh Node process, so nothing is cached between runs.
const probe = `
import { readFileSync } from "node:fs";
const [pkg, exercisePath, solutionPath, imageModule, mode] = process.argv.slice(1);
globalThis.pykataStandardLibrary = () => readFileSync(pkg + "/pykata_stdlib.bin");
const { initSync, PyKata } = await import(pkg + "/pykata_wasm.js");
const { restoreImage } = await import(imageModule);
const exercise = JSON.parse(readFileSync(exercisePath, "utf8"));
const solution = readFileSync(solutionPath, "utf8");
const bytes = readFileSync(pkg + "/pykata_wasm_bg.wasm");
let t = performance.now();
const module = await WebAssembly.compile(bytes);
const compile = performance.now() - t;
t = performance.now();
const wasm = initSync({ module });
const engine = new PyKata();
const instantiate = performance.now() - t;
t = performance.now();
if (mode === "image") {
  const restored = restoreImage(module, wasm, readFileSync(pkg + "/pykata_wasm_bg.image"));
  if (restored !== "copied") throw new Error("image refused: " + restored);
}
const restore = performance.now() - t;
t = performance.now();
engine.run("pass", "", 10000);
const firstRun = performance.now() - t;
t = performance.now();
const report = engine.grade(exercise, solution);
const firstCheck = performance.now() - t;
if (report.status !== "pass") throw new Error("the reference solution did not pass");
t = performance.now();
engine.preload();
const preload = performance.now() - t;
t = performance.now();
if (engine.grade(exercise, exercise.starter).status === "pass") throw new Error("the starter passed");
const starterCheck = performance.now() - t;
const warm = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  engine.grade(exercise, solution);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ compile, instantiate, restore, ready: restore + firstRun, firstRun, firstCheck, preload, starterCheck, warmCheck: warm[2], checks: report.tests.length }));
`;

/** Timings in fresh Node processes of the engine in `pkg`, the engine's image copied in (`mode`
 * "image") or not; `flags` are Node's (V8's). */
function nodeTimings(pkg, exerciseJson, solution, mode, flags = []) {
  const runs = [];
  const imageModule = pathToFileURL(join(ROOT, "www/widget/engine-image.js")).href;
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      [...flags, "--input-type=module", "-e", probe, pkg, exerciseJson, solution, imageModule, mode],
      { encoding: "utf8" },
    );
    runs.push(JSON.parse(out));
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  return { ...Object.fromEntries(Object.keys(runs[0]).map((k) => [k, pick(k)])) };
}

function nativeRate() {
  const rates = [];
  let gradings = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const result = spawnSync(PYKATA, ["check", join(ROOT, "exercises"), "--format", "json"], { encoding: "utf8" });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`pykata check failed: ${result.stderr}`);
    const verdicts = JSON.parse(result.stdout).exercises;
    gradings = verdicts.reduce((sum, v) => sum + 2 + v.wrong_total, 0);
    rates.push(gradings / seconds);
  }
  return { gradings, rate: median(rates) };
}

/** `pykata grade --out` over 1000 submissions (the log-calls solution and wrong solutions, repeated):
 * enough that starting the children is a small part of it. */
function batchRate() {
  const exercise = join(ROOT, "exercises/decorators/log-calls");
  const files = [join(exercise, "solution.py"), ...readdirSync(join(exercise, "wrong")).map((f) => join(exercise, "wrong", f))];
  const dir = mkdtempSync(join(tmpdir(), "pykata-bench-"));
  const count = 1000;
  for (let i = 0; i < count; i++) copyFileSync(files[i % files.length], join(dir, `s${i}.py`));
  const rates = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    spawnSync(PYKATA, ["grade", exercise, dir, "--out", join(dir, "out")], { encoding: "utf8" });
    rates.push(count / ((performance.now() - start) / 1000));
  }
  rmSync(dir, { recursive: true, force: true });
  return { count, rate: median(rates) };
}

/** pykata as it was before the start-up work, built by `./x bench` from that commit: its site,
 * and its own checkout's reference solution and commit date. */
const before = process.env.PYKATA_BEFORE_SITE
  ? {
      site: process.env.PYKATA_BEFORE_SITE,
      rev: process.env.PYKATA_BEFORE_REV,
      root: join(process.env.PYKATA_BEFORE_SITE, "../.."),
      date: execFileSync("git", ["log", "-1", "--format=%cs", process.env.PYKATA_BEFORE_REV], { cwd: ROOT, encoding: "utf8" }).trim(),
    }
  : null;
const LOG_CALLS = "decorators/log-calls/solution.py";

// The browser first: it is the slowest part and the one most sensitive to other work.
const browser = await browserBench({
  runs: RUNS,
  log: (line) => console.error(line),
  beforeSite: before?.site,
  beforeSolution: before && readFileSync(join(before.root, "exercises", LOG_CALLS), "utf8"),
});
const coldFetched = browser.widget.coldNetwork;
const coldTotal = (key) => coldFetched.reduce((sum, r) => sum + r.sizes[key], 0);
const coldSent = coldFetched.reduce((sum, r) => sum + r.bytes, 0);
const coldEncodings = [...new Set(coldFetched.filter((r) => r.bytes > 1024).map((r) => r.encoding ?? "uncompressed"))].join(" and ");

const wasm = sizes(join(ROOT, "www/pkg/pykata_wasm_bg.wasm"));
const image = sizes(join(ROOT, "www/pkg/pykata_wasm_bg.image"));
const library = sizes(join(ROOT, "www/pkg/pykata_stdlib.bin"));
// What a browser downloads for a page with widgets: not source maps, type declarations, or
// the demo site's own pages.
const transferred = filesUnder(SITE).filter(
  (f) => !f.includes("/exercises/") && !/\.(map|d\.ts|br|gz)$/.test(f) && !/(demo\.js|site\.css|\.html)$/.test(f),
);
const site = transferred.map(sizes);
const widget = sizes(join(SITE, "pykata.js"));
const tarball = npmTarball();
const siteTotal = (key) => site.reduce((sum, s) => sum + s[key], 0);
const index = JSON.parse(readFileSync(join(SITE, "exercises/index.json"), "utf8"));
const first = index.packs.find((p) => p.id === "decorators").exercises[0];
const timingsOf = (mode, flags) => nodeTimings(join(ROOT, "www/pkg"), join(SITE, first.src), join(ROOT, "exercises/decorators", first.id, "solution.py"), mode, flags);
const imaged = timingsOf("image");
// Where the first run's time goes: V8 compiles a wasm function the first time it is called
// (lazily); told to compile them all in WebAssembly.compile instead, the first run is left
// with Python's own work.
const eager = timingsOf("image", ["--no-wasm-lazy-compilation"]);
const plain = timingsOf("plain");
const plainBefore =
  before && nodeTimings(join(before.root, "www/pkg"), join(before.site, first.src), join(before.root, "exercises/decorators", first.id, "solution.py"), "plain");
/** The linked module's code by crate (the largest, then the rest together), each crate's
 * function bodies compressed on their own; null where `./x` did not say where the module is. */
function crateTable() {
  const file = process.env.PYKATA_LINKED_WASM;
  if (!file) return null;
  const { crates, code, data, names } = codeByCrate(file);
  const shown = crates.slice(0, 16);
  const rest = crates.slice(16);
  const row = (label, group) => {
    const bytes = group.reduce((sum, c) => sum + c.bytes, 0);
    const brotli = compressed(Buffer.concat(group.flatMap((c) => c.bodies))).brotli.length;
    const functions = group.reduce((sum, c) => sum + c.functions, 0);
    return `| ${label} | ${functions} | ${mb(bytes)} | ${((100 * bytes) / code).toFixed(1)}% | ${kb(brotli)} |`;
  };
  const rows = [...shown.map((c) => row(`\`${c.crate}\``, [c])), row(`the other ${rest.length} crates`, rest)];
  return { rows: rows.join("\n"), code, data, names };
}

/** Issue 16's targets, pykata before the start-up work and now, with Pyodide, from this run. */
function beforeAndAfter() {
  if (!before) return "";
  const b = browser.before;
  const y = browser.pyodide;
  const brotliOf = (network) => network.reduce((sum, r) => sum + r.sizes.brotli, 0);
  const pyodideBytes = y.coldNetwork
    .filter((r) => r.path.startsWith("/pyodide/"))
    .reduce((sum, r) => sum + (y.sizes[r.path.replace("/pyodide/", "")]?.brotli ?? 0), 0);
  const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  const share = (t, whole) => `${ms(t)} = ${(t / whole).toFixed(2)}×`;
  const met = (ok) => (ok ? "yes" : "no");
  const nowBytes = coldTotal("brotli");
  const speed = (k, id) => y.workloads[id].inPython / k.workloads[id].inPython;
  const speedRows = WORKLOADS.map((w) => {
    const now = speed(browser.pykata, w.id);
    return `| Python speed, ${w.title}: Pyodide's time in Python ÷ pykata's | ${speed(b, w.id).toFixed(2)}× (${ms(b.workloads[w.id].inPython)}) | ${now.toFixed(2)}× (${ms(browser.pykata.workloads[w.id].inPython)}) | ${ms(y.workloads[w.id].inPython)} | ≥ 0.5× | ${met(now >= 0.5)} |`;
  }).join("\n");
  return `## Before and after the start-up work

Issue 16's targets, measured in this run for pykata as it was on ${before.date} (commit ${before.rev}: before
the engine's pre-started image, the frozen Python stored for brotli, one Unicode name table and the
standard library out of the module; \`./x bench\` builds that commit's site once, with that commit's
own \`./x\`), for pykata now, and for Pyodide ${PYODIDE_VERSION}. Browser rows are the widget page
below (medians of ${RUNS}); Pyodide's are its "ready" (\`loadPyodide\` resolved) on its own page.
"Node" is the Node section's fresh process (${before.rev} had no image: its first run starts Python).
The workloads ran in each engine in a page (${before.rev}: called in the page; now: through the worker).
Both run the same interpreter (RustPython 0.6 at \`opt-level = "s"\`): the start-up work did not
touch Python's speed, and a workload's time in Python varies more between runs of this bench
than between the two columns (the same engine's context-manager workload took 22 ms in one run
and 38 ms in the next, on 5 December 2026; in Node both commits take the same time).

| measure | pykata ${before.rev} | pykata now | Pyodide ${PYODIDE_VERSION} | target | met now |
|---|---|---|---|---|---|
| everything transferred before the first Check result, brotli -q 11 (Pyodide: its files to "ready") | ${MB(brotliOf(b.widget.coldNetwork))} | ${MB(nowBytes)} | ${MB(pyodideBytes)} | ≤ 2.5 MB | ${met(nowBytes <= 2.5e6)} |
| cold page → first Check result, as a share of Pyodide's cold "ready" | ${share(b.widget.cold, y.coldReady)} | ${share(browser.widget.cold, y.coldReady)} | ${ms(y.coldReady)} | ≤ 0.15× | ${met(browser.widget.cold <= 0.15 * y.coldReady)} |
| the same with the browser cache warm, as a share of Pyodide's warm "ready" | ${share(b.widget.warm, y.warmReady)} | ${share(browser.widget.warm, y.warmReady)} | ${ms(y.warmReady)} | ≤ 0.10× | ${met(browser.widget.warm <= 0.1 * y.warmReady)} |
| Node: interpreter ready after instantiate | ${ms(plainBefore.ready)} | ${imaged.ready.toFixed(1)} ms | — | ≤ 50 ms | ${met(imaged.ready <= 50)} |
${speedRows}

`;
}

const crates = crateTable();
const native = nativeRate();
const batch = batchRate();
const ms = (x) => `${x.toFixed(0)} ms`;

const machine = `${cpus().length} × ${cpus()[0].model.trim()}`;
const table = `# Benchmarks

Measured by \`./x bench\` (scripts: \`tests/bench/bench.mjs\`, \`tests/bench/browser.mjs\`) on
${new Date().toISOString().slice(0, 10)}, ${machine}, Node ${process.version}, Chromium ${browser.chromium},
Pyodide ${PYODIDE_VERSION}. Medians of ${RUNS} runs; in Node each in a fresh Node process. The wasm
module is the release build \`./x\` makes.

${beforeAndAfter()}## Size

| artefact | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
| \`pykata_wasm_bg.wasm\` | ${mb(wasm.raw)} | ${mb(wasm.gzip)} | ${mb(wasm.brotli)} |
| \`pykata_wasm_bg.image\` (the engine's pre-started image: memory pages starting Python changed) | ${mb(image.raw)} | ${mb(image.gzip)} | ${mb(image.brotli)} |
| \`pykata_stdlib.bin\` (the standard library, fetched once code imports a module the image does not hold; after the first result, or a few seconds after the exercise shows) | ${mb(library.raw)} | ${mb(library.gzip)} | ${mb(library.brotli)} |
| \`pykata.js\` (widget + CodeMirror, minified) | ${kb(widget.raw)} | ${kb(widget.gzip)} | ${kb(widget.brotli)} |
| everything a page with widgets loads (${transferred.length} files: wasm, its image, the standard library, wasm glue, widget, worker with its image loader, service worker) | ${mb(siteTotal("raw"))} | ${mb(siteTotal("gzip"))} | ${mb(siteTotal("brotli"))} |
| npm tarball (\`npm pack\` of npm/) | ${mb(tarball.unpackedSize)} unpacked, ${tarball.entryCount} files | ${mb(tarball.size)}: the \`.tgz\` | — |
| everything transferred before the first Check result: the ${coldFetched.length} files a cold page with one widget fetched in headless Chromium (page, widget with its CSS, exercise JSON, worker, image loader, wasm glue, wasm, image) | ${mb(coldTotal("raw"))} | ${mb(coldTotal("gzip"))} | **${mb(coldTotal("brotli"))}** |

In that run the server (\`www/serve.mjs\`) sent the large files ${coldEncodings}: ${mb(coldSent)} of
response bodies in all. Pyodide ${PYODIDE_VERSION}'s sizes are in the side-by-side section below.

${crates ? `### Where the engine's bytes are

The module rustc links (before wasm-bindgen, which strips its function names): ${mb(crates.code)} of
code and ${mb(crates.data)} of data (${mb(crates.names)} of names, which are not shipped). The code by
the crate each function comes from: the first crate its mangled name names other than Rust's own
\`core\`, \`alloc\` and \`std\` (so \`drop_in_place::<rustpython_vm::…>\` is the VM's); \`core\` keeps
Rust's own library and the generic code whose name does not say for whom (closures' \`call_once\`,
\`OnceCell\` initialisers). "brotli" compresses each row's function bodies on their own.

| crate | functions | code | share | brotli |
|---|---|---|---|---|
${crates.rows}
` : ""}
## Speed in Node (the real wasm module)

Each column is a fresh Node process per run: on the left the engine's pre-started image is
copied into the new instance (as the browser worker does when the host serves the image), on
the right Python starts in the instance itself (a host without the image). The middle column
is the left one with V8 told to compile every function of the module in
\`WebAssembly.compile\` (\`node --no-wasm-lazy-compilation\`), where by default it compiles
each function the first time it is called: it shows how much of a first call is that
compiling rather than Python's work (browsers compile lazily; no page can ask otherwise).

| step | from the image | from the image, compiled eagerly | Python started here |
|---|---|---|---|
| \`WebAssembly.compile\` | ${ms(imaged.compile)} | ${ms(eager.compile)} | ${ms(plain.compile)} |
| instantiate + \`new PyKata()\` | ${ms(imaged.instantiate)} | ${ms(eager.instantiate)} | ${ms(plain.instantiate)} |
| copying the image in | ${ms(imaged.restore)} | ${ms(eager.restore)} | — |
| first run of \`pass\` (with no image: interpreter start + pykata's runner import, with the standard library read from disk; \`traceback\` is left for later) | ${ms(imaged.firstRun)} | ${ms(eager.firstRun)} | ${ms(plain.firstRun)} |
| **interpreter ready after instantiate** (image copied + that first run) | **${ms(imaged.ready)}** | **${ms(eager.ready)}** | **${ms(plain.ready)}** |
| first Check of \`decorators/${first.id}\` (${imaged.checks} checks, reference solution) | ${ms(imaged.firstCheck)} | ${ms(eager.firstCheck)} | ${ms(plain.firstCheck)} |
| \`preload()\`: importing ahead of need what describes an exception (\`traceback\`, with \`inspect\` and \`dataclasses\`), as the worker does once idle (from the image: the standard library read from disk first) | ${ms(imaged.preload)} | ${ms(eager.preload)} | ${ms(plain.preload)} |
| then a first Check of the starter (it raises) | ${ms(imaged.starterCheck)} | ${ms(eager.starterCheck)} | ${ms(plain.starterCheck)} |
| later Check of the reference solution (the interpreter, reset, is reused) | ${ms(imaged.warmCheck)} | ${ms(eager.warmCheck)} | ${ms(plain.warmCheck)} |

## Native

| measure | median |
|---|---|
| \`pykata check exercises\`: ${native.gradings} gradings (solutions, starters, wrong solutions), one after another | ${native.rate.toFixed(1)} gradings/s |
| \`pykata grade EXERCISE DIR --out OUT\`: ${batch.count} submissions of \`decorators/log-calls\`, one interpreter per core | ${batch.rate.toFixed(1)} submissions/s |

Each \`pykata worker\` child starts one interpreter (about 100 ms) and grades submission after
submission in it, reset in between; a check costs about 1 ms. The CLI here is the debug build
\`./x\` makes: optimised (opt-level 3) except the pack loader, without LTO.

${browserSections(browser, { loadavg: loadavg(), machine })}`;

writeFileSync(join(ROOT, "BENCHMARKS.md"), table);
console.log(table);
console.log(`(all sizes: ${kb(wasm.raw)} raw wasm)`);
