// `./x bench`, in headless Chromium: pykata's widget from a cold and a warm cache, Checks on a
// warm worker, and Pyodide side by side on the same server, origin and browser. A measurement,
// not a test: nothing here asserts a time.
//
// The pages live in a temporary folder that links to the built site's files (so the widget,
// worker, wasm and exercises are exactly what `pykata build` wrote) and to a copy of the npm
// `pyodide` package with `.br`/`.gz` twins written beside its files, as `pykata build` writes
// them for pykata's big assets: www/serve.mjs serves both alike.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ROOT, SITE } from "../support.mjs";
import { serve } from "../../www/serve.mjs";
import { launchChromium, launchPersistentChromium } from "../browser/chromium.mjs";

export const PYODIDE_DIR = join(ROOT, "node_modules/pyodide");
export const PYODIDE_VERSION = JSON.parse(readFileSync(join(PYODIDE_DIR, "package.json"), "utf8")).version;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sizeMemo = new Map();

/** A file's size raw, gzip -9 and brotli -q 11 with a 16 MiB window (as `pykata build` writes
 * its twins); remembered, as brotli -q 11 of the wasm takes a while. */
export function sizesOf(file) {
  if (!sizeMemo.has(file)) {
    const bytes = readFileSync(file);
    const { gzip, brotli } = compressed(bytes);
    sizeMemo.set(file, { raw: bytes.length, gzip: gzip.length, brotli: brotli.length });
  }
  return sizeMemo.get(file);
}

/** gzip -9 and brotli -q 11 with a 16 MiB window (as `pykata build` writes its twins). */
export function compressed(bytes) {
  const gzip = gzipSync(bytes, { level: 9 });
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  return { gzip, brotli };
}

/** Pyodide's runtime files (what `loadPyodide` can fetch: not maps, types or demo pages),
 * copied with `.br` and `.gz` twins into a cache kept between runs (brotli -q 11 of the
 * 9 MiB wasm takes a while). Returns the folder and each file's raw/gzip/brotli sizes. */
function pyodideCopy() {
  const dir = join(ROOT, "node_modules/.cache/pykata-bench", `pyodide-${PYODIDE_VERSION}`);
  const files = readdirSync(PYODIDE_DIR).filter((f) => /\.(mjs|js|wasm|zip|json)$/.test(f) && f !== "package.json");
  const sizes = {};
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const to = join(dir, file);
    if (!existsSync(to + ".br") || statSync(to).size !== statSync(join(PYODIDE_DIR, file)).size) {
      copyFileSync(join(PYODIDE_DIR, file), to);
      const { gzip, brotli } = compressed(readFileSync(to));
      writeFileSync(to + ".gz", gzip);
      writeFileSync(to + ".br", brotli);
    }
    sizes[file] = { raw: statSync(to).size, gzip: statSync(to + ".gz").size, brotli: statSync(to + ".br").size };
  }
  return { dir, sizes };
}

// ---------------------------------------------------------------------------------------------
// The workloads: the same source in both engines; each prints a line both must agree on.

export const WORKLOADS = [
  {
    id: "decorator",
    title: "a decorator (`functools.wraps`, `*args`/`**kwargs`) called 20 000 times",
    source: `import functools

def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@counted
def add(a, b):
    return a + b

total = 0
for i in range(20000):
    total = add(total, i)
print(total, add.calls)
`,
  },
  {
    id: "generators",
    title: "a three-stage generator pipeline over `range(200 000)`",
    source: `def numbers(n):
    for i in range(n):
        yield i

def squares(xs):
    for x in xs:
        yield x * x

def evens(xs):
    return (x for x in xs if x % 2 == 0)

print(sum(evens(squares(numbers(200000)))))
`,
  },
  {
    id: "context-manager",
    title: "a class-based context manager entered 20 000 times",
    source: `class Tracked:
    def __init__(self):
        self.entered = 0
        self.exited = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.exited += 1
        return False

tracked = Tracked()
total = 0
for i in range(20000):
    with tracked as t:
        total += i
print(total, tracked.entered, tracked.exited)
`,
  },
];
const EMPTY = { id: "empty", title: "an empty program (`pass`)", source: "pass\n" };

// ---------------------------------------------------------------------------------------------
// The pages.

const WIDGET_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pykata bench: one widget</title>
<script type="module" src="pykata.js"></script></head>
<body><py-kata src="exercises/decorators/log-calls.json"></py-kata></body></html>
`;

// The engine's two files and nothing else, fetched as the page fetches them (`decoded`: the
// browser decodes the brotli the server sends) or as opaque bytes (the `.br` twins, which the
// server sends as they are): what moving the bytes into a page costs, before any compiling.
const DOWNLOAD_PAGE = (files) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pykata bench: download</title>
<script type="module">
const start = performance.now();
window.benchDownload = Promise.all(${JSON.stringify(files)}.map((f) => fetch(f).then((r) => r.arrayBuffer())))
  .then((buffers) => ({ ms: performance.now() - start, bytes: buffers.reduce((n, b) => n + b.byteLength, 0) }));
</script></head><body></body></html>
`;
const ENGINE_FILES = ["pkg/pykata_wasm_bg.wasm", "pkg/pykata_wasm_bg.image"];

// The engine alone, as engine-client.js drives it: a module worker from the built worker.js.
const ENGINE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pykata bench: engine</title>
<script type="module">
const worker = new Worker("worker.js", { type: "module" });
const pending = new Map();
let next = 1;
worker.onmessage = ({ data }) => {
  if (data.type === "ready") window.readyAt = performance.now();
  else if (data.type === "failed") window.failed = data.error;
  else if (data.id) { pending.get(data.id)(data); pending.delete(data.id); }
};
// The engine, fetched by the page while the worker starts, as engine-download.js does.
const [module, image] = await Promise.all([
  WebAssembly.compileStreaming(fetch("pkg/pykata_wasm_bg.wasm")),
  fetch("pkg/pykata_wasm_bg.image").then((response) => response.arrayBuffer()),
]);
worker.postMessage({ op: "start", module, image });
window.pyRun = (source) => new Promise((resolve) => {
  const id = next++;
  pending.set(id, (data) => resolve(data.ok ? { stdout: data.result.stdout, error: data.result.error ?? null } : { error: data.error }));
  worker.postMessage({ id, op: "run", source, stdin: "", limitMs: 600000 });
});
window.first = await window.pyRun("print(1)");
window.firstResultAt = performance.now();
</script></head><body></body></html>
`;

// Pyodide as its docs show it: pyodide.mjs, loadPyodide({indexURL}), runPython.
const PYODIDE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pykata bench: Pyodide</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const out = [];
const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", location.href).href, stdout: (line) => out.push(line) });
window.readyAt = performance.now();
pyodide.runPython("print(1)");
window.first = { stdout: out.join("\\n") + "\\n", error: null };
window.firstResultAt = performance.now();
window.pyodideVersion = pyodide.version;
window.pyRun = async (source) => {
  out.length = 0;
  const globals = pyodide.globals.get("dict")();
  try {
    pyodide.runPython(source, { globals });
    return { stdout: out.join("\\n") + "\\n", error: null };
  } catch (error) {
    return { stdout: out.join("\\n"), error: String(error) };
  } finally {
    globals.destroy();
  }
};
</script></head><body></body></html>
`;

/** pykata as it was before the start-up work (`./x`'s BEFORE_REV), its own built site: the
 * widget page as for today's, and its engine called in the page itself (it had no worker
 * protocol of today's) for the workloads. */
const BEFORE = "before";
const DIRECT_ENGINE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pykata bench: the engine in the page</title>
<script type="module">
import init, { PyKata } from "./pkg/pykata_wasm.js";
await init();
const engine = new PyKata();
window.pyRun = async (source) => {
  const out = engine.run(source, "", 60000);
  return { stdout: out.stdout, error: out.error ? JSON.stringify(out.error) : null };
};
window.readyAt = performance.now();
</script></head><body></body></html>
`;

/** A folder served as the bench origin: the built site's entries (linked), the bench pages,
 * Pyodide's files under pyodide/ and, given `beforeSite`, that site under before/. */
function benchRoot(pyodideDir, beforeSite) {
  const root = mkdtempSync(join(tmpdir(), "pykata-bench-site-"));
  linkSite(root);
  symlinkSync(pyodideDir, join(root, "pyodide"));
  writeFileSync(join(root, "bench-widget.html"), WIDGET_PAGE);
  writeFileSync(join(root, "bench-engine.html"), ENGINE_PAGE);
  writeFileSync(join(root, "bench-pyodide.html"), PYODIDE_PAGE);
  writeFileSync(join(root, "bench-download.html"), DOWNLOAD_PAGE(ENGINE_FILES));
  writeFileSync(join(root, "bench-download-br.html"), DOWNLOAD_PAGE(ENGINE_FILES.map((f) => `${f}.br`)));
  // The same site without the engine's pre-started image (a 404, as on a host that does not
  // serve it): Python then starts in the worker, as before the image existed.
  const bare = join(root, NO_IMAGE);
  linkSite(bare, (entry) => !entry.startsWith("pykata_wasm_bg.image"));
  writeFileSync(join(bare, "bench-widget.html"), WIDGET_PAGE);
  if (beforeSite) {
    const before = join(root, BEFORE);
    linkSite(before, () => true, beforeSite);
    writeFileSync(join(before, "bench-widget.html"), WIDGET_PAGE);
    writeFileSync(join(before, "bench-direct.html"), DIRECT_ENGINE_PAGE);
  }
  return root;
}

/** Link a built site's files (today's unless `site` says) into `dir` (made here), those of
 * its `pkg/` that `keep`. */
function linkSite(dir, keep = () => true, site = SITE) {
  mkdirSync(join(dir, "pkg"), { recursive: true });
  for (const entry of readdirSync(site)) if (entry !== "pkg") symlinkSync(join(site, entry), join(dir, entry));
  for (const entry of readdirSync(join(site, "pkg")).filter(keep)) symlinkSync(join(site, "pkg", entry), join(dir, "pkg", entry));
}

/** Where the bench serves the site without the engine's image. */
const NO_IMAGE = "no-image";

// ---------------------------------------------------------------------------------------------
// Network accounting, at the server: every response with its status, content-encoding and body
// bytes (the length of the file sent: the compressed twin when one was sent). This sees the
// worker's requests too, which the page's DevTools session does not.

export function recordServer(server) {
  const log = [];
  // Ahead of the server's own handler, so the status line and headers it writes are seen.
  server.prependListener("request", (request, response) => {
    const entry = {
      path: decodeURIComponent(new URL(request.url, "http://localhost").pathname),
      arrivedAt: performance.now(),
      // The wall clock, which the page's `performance.timeOrigin + now()` can be compared with.
      arrivedWall: Date.now(),
      status: null,
      encoding: null,
      bytes: 0,
    };
    const { writeHead, write, end } = response;
    response.writeHead = function (status, ...rest) {
      const headers = rest.find((h) => h && typeof h === "object") ?? {};
      entry.status = status;
      entry.encoding = headers["content-encoding"] ?? null;
      return writeHead.call(this, status, ...rest);
    };
    const count = (chunk) => {
      if (chunk && typeof chunk !== "function") entry.bytes += Buffer.byteLength(chunk);
    };
    response.write = function (chunk, ...rest) {
      count(chunk);
      return write.call(this, chunk, ...rest);
    };
    response.end = function (chunk, ...rest) {
      count(chunk);
      return end.call(this, chunk, ...rest);
    };
    response.on("finish", () => log.push({ ...entry, finishedAt: performance.now() }));
  });
  return {
    /** Start a new page's record; `list()` then gives what was served since, with times in ms
     * after the first request (the page's own). */
    mark() {
      const from = log.length;
      return {
        list() {
          const entries = log.slice(from);
          const t0 = Math.min(...entries.map((e) => e.arrivedAt));
          return entries.map(({ arrivedAt, finishedAt, ...e }) => ({ ...e, finishedMs: finishedAt - t0 }));
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The measurements.

/** A browser with a new, empty profile: an empty disk cache, which a reload then finds warm.
 * (A plain Playwright context's cache lives in memory and does not keep files the size of
 * pykata's wasm, which would make every "warm" load download it again.) */
async function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), "pykata-bench-profile-"));
  const context = await launchPersistentChromium(dir);
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The widget page: as soon as the widget has its exercise, put the reference solution in the
 * editor and press Check; the time is the page's clock (0 = navigation start) at `result`. */
async function widgetInit(context, solution) {
  await context.addInitScript((source) => {
    document.addEventListener("result", (event) => {
      const at = performance.now();
      window.benchResult ??= { at, wall: performance.timeOrigin + at, status: event.detail.status };
    });
    const tick = () => {
      const el = document.querySelector("py-kata");
      if (el?.exercise) {
        window.benchCheckAt = performance.now();
        el.code = source;
        el.check();
      } else setTimeout(tick, 1);
    };
    tick();
  }, solution);
}

async function widgetLoad(page, load) {
  await load();
  await page.waitForFunction(() => window.benchResult, null, { timeout: 120000, polling: 20 });
  const { at, wall, status } = await page.evaluate(() => window.benchResult);
  if (status !== "pass") throw new Error(`the reference solution got "${status}" in the browser`);
  const checkPressedAt = await page.evaluate(() => window.benchCheckAt);
  return { ms: at, wall, checkPressedAt };
}

/** The engine's files alone (a `bench-download*.html` page): a fresh profile per run, then a
 * reload in it; each the time from the page's first fetch to the last byte arriving. */
async function downloadColdWarm(url, runs) {
  const cold = [];
  const warm = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const { context, close } = await freshProfile();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const first = await page.evaluate(() => window.benchDownload);
    cold.push(first.ms);
    bytes = first.bytes;
    await page.reload();
    warm.push((await page.evaluate(() => window.benchDownload)).ms);
    await close();
  }
  return { bytes, cold: median(cold), coldRuns: cold, warm: median(warm), warmRuns: warm };
}

/** A cold page: a fresh context (empty cache) per run; then, in the same context, a reload. */
async function widgetColdWarm(base, served, solution, runs, log) {
  const cold = [];
  const warm = [];
  let coldNetwork = null;
  let coldAfter = null;
  let warmNetwork = null;
  for (let i = 0; i < runs; i++) {
    const { context, close } = await freshProfile();
    await widgetInit(context, solution);
    const page = context.pages()[0] ?? (await context.newPage());
    let network = served.mark();
    cold.push(await widgetLoad(page, () => page.goto(`${base}bench-widget.html`)));
    // What was asked for before the result, and what after it (the worker fetches the
    // standard library once the first result is out).
    const resultWall = cold.at(-1).wall;
    coldNetwork ??= network.list().filter((r) => r.arrivedWall <= resultWall);
    coldAfter ??= network.list().filter((r) => r.arrivedWall > resultWall);
    network = served.mark();
    warm.push(await widgetLoad(page, () => page.reload()));
    warmNetwork ??= network.list();
    await close();
    log(`  widget run ${i + 1}: cold ${cold.at(-1).ms.toFixed(0)} ms, warm cache ${warm.at(-1).ms.toFixed(0)} ms`);
  }
  const wasmDone = coldNetwork.find((r) => r.path.endsWith(".wasm"))?.finishedMs ?? null;
  return {
    cold: median(cold.map((r) => r.ms)),
    coldRuns: cold.map((r) => r.ms),
    coldCheckPressed: median(cold.map((r) => r.checkPressedAt)),
    warm: median(warm.map((r) => r.ms)),
    warmRuns: warm.map((r) => r.ms),
    warmCheckPressed: median(warm.map((r) => r.checkPressedAt)),
    coldWasmDownloaded: wasmDone,
    coldNetwork,
    coldAfter,
    warmNetwork,
  };
}

/** Checks on a warm worker, through the widget (`el.check()`, results rendered), for every
 * built-in exercise's reference solution; then log-calls many times over. */
async function warmChecks(browser, base, log) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let workers = 0;
  page.on("worker", () => workers++);
  await page.goto(`${base}bench-widget.html`);
  await page.waitForFunction(() => document.querySelector("py-kata")?.exercise, null, { timeout: 60000 });
  const index = JSON.parse(readFileSync(join(SITE, "exercises/index.json"), "utf8"));
  const exercises = index.packs.flatMap((p) => p.exercises.map((e) => ({ name: `${p.id}/${e.id}`, src: e.src })));
  const perExercise = [];
  for (const { name, src } of exercises) {
    const times = await page.evaluate(async (src) => {
      const el = document.querySelector("py-kata");
      const before = el.exercise;
      el.setAttribute("src", src);
      while (el.exercise === before) await new Promise((r) => setTimeout(r, 5));
      el.code = el.exercise.solution;
      const times = [];
      for (let i = 0; i < 4; i++) {
        const t = performance.now();
        const report = await el.check();
        if (report?.status !== "pass") throw new Error(`${src}: ${report?.status}`);
        times.push(performance.now() - t);
      }
      return times;
    }, src);
    // The first Check of each exercise warms the worker for it (and, for the very first one,
    // waits for the engine to load): the later three are the warm ones.
    perExercise.push({ name, ms: median(times.slice(1)) });
  }
  await page.evaluate(async (src) => {
    const el = document.querySelector("py-kata");
    const before = el.exercise;
    el.setAttribute("src", src);
    while (el.exercise === before) await new Promise((r) => setTimeout(r, 5));
    el.code = el.exercise.solution;
    await el.check();
  }, "exercises/decorators/log-calls.json");
  const logCalls = await page.evaluate(async () => {
    const el = document.querySelector("py-kata");
    const times = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await el.check();
      times.push(performance.now() - t);
    }
    return times;
  });
  // Stop an endless Run, then Check: the page replaces the stopped worker, and the time is
  // what that costs the learner (the worker is counted before, so retirements are not mixed in).
  const workersBeforeStops = workers;
  const afterStop = [];
  for (let i = 0; i < 5; i++) {
    afterStop.push(
      await page.evaluate(async () => {
        const el = document.querySelector("py-kata");
        const solution = el.exercise.solution;
        // It prints first: once that shows, the loop is running in the worker.
        el.code = "print('looping')\nwhile True:\n    pass\n";
        const running = el.run();
        const output = () => el.shadowRoot.querySelector(".pk-output .stdout")?.textContent ?? "";
        while (!output().includes("looping")) await new Promise((r) => setTimeout(r, 5));
        el.shadowRoot.querySelector('[data-action="stop"]').click();
        if ((await running) !== null) throw new Error("the endless Run was not stopped");
        const t = performance.now();
        el.code = solution;
        const report = await el.check();
        if (report?.status !== "pass") throw new Error(`after Stop: ${report?.status}`);
        return performance.now() - t;
      }),
    );
  }
  await context.close();
  log(`  warm Checks: ${perExercise.length} exercises, worker started ${workersBeforeStops} time(s); after Stop ${runList(afterStop)} ms`);
  const sorted = [...perExercise].sort((a, b) => a.ms - b.ms);
  return {
    count: perExercise.length,
    median: median(perExercise.map((e) => e.ms)),
    fastest: sorted[0],
    slowest: sorted.at(-1),
    logCalls: median(logCalls),
    logCallsRuns: logCalls.length,
    workersStarted: workersBeforeStops,
    afterStop: median(afterStop),
    afterStopRuns: afterStop,
  };
}

/** A page that starts an engine on load and runs `print(1)`: cold (fresh context) and warm
 * (same context, new page); then, on the last warm page, each workload. */
async function engineSideBySide(base, served, pagePath, runs, log, label) {
  const cold = [];
  const warm = [];
  let coldNetwork = null;
  let workloads = null;
  let version = null;
  for (let i = 0; i < runs; i++) {
    const { context, close } = await freshProfile();
    const page = context.pages()[0] ?? (await context.newPage());
    const network = served.mark();
    const measure = async (p, load) => {
      await load();
      await p.waitForFunction(() => window.firstResultAt || window.failed, null, { timeout: 120000, polling: 20 });
      const r = await p.evaluate(() => ({ ready: window.readyAt, first: window.firstResultAt, out: window.first, failed: window.failed, version: window.pyodideVersion }));
      if (r.failed || r.out?.stdout !== "1\n") throw new Error(`${label} did not print 1: ${JSON.stringify(r)}`);
      version = r.version ?? null;
      return r;
    };
    cold.push({ ...(await measure(page, () => page.goto(`${base}${pagePath}`))), lastSent: Math.max(...network.list().map((r) => r.finishedMs)) });
    coldNetwork ??= network.list();
    warm.push(await measure(page, () => page.reload()));
    if (i === runs - 1) workloads = await runWorkloads(page);
    await close();
    log(`  ${label} run ${i + 1}: cold ${cold.at(-1).first.toFixed(0)} ms, warm cache ${warm.at(-1).first.toFixed(0)} ms`);
  }
  return {
    version,
    coldLastSent: median(cold.map((r) => r.lastSent)),
    coldReady: median(cold.map((r) => r.ready)),
    coldFirst: median(cold.map((r) => r.first)),
    warmReady: median(warm.map((r) => r.ready)),
    warmFirst: median(warm.map((r) => r.first)),
    coldNetwork,
    workloads,
  };
}

/** `source` wrapped so it also reports how long its own execution took, by Python's clock
 * (`time.perf_counter`, which pykata's runner builds on JavaScript's clock): compiling and
 * running it, without starting the interpreter. */
const timedSource = (source) => `import time as _time
_source = ${JSON.stringify(source)}
_start = _time.perf_counter()
exec(compile(_source, "<workload>", "exec"), {"__name__": "__main__"})
print("elapsed-ms", (_time.perf_counter() - _start) * 1000)
`;

/** Each workload (and an empty program): one warm-up, then five runs, timed in the page around
 * the call (for pykata: a message to the worker and its answer) and, inside, by Python's clock.
 * Medians of the five. */
async function runWorkloads(page) {
  const results = {};
  for (const w of [EMPTY, ...WORKLOADS]) {
    const outcome = await page.evaluate(async (source) => {
      const warmup = await window.pyRun(source);
      if (warmup.error) throw new Error(warmup.error);
      const outer = [];
      const inner = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const { stdout } = await window.pyRun(source);
        outer.push(performance.now() - t);
        inner.push(Number(stdout.trim().split("\n").at(-1).split(" ")[1]));
      }
      return { outer, inner, stdout: warmup.stdout };
    }, timedSource(w.source));
    const lines = outcome.stdout.trim().split("\n");
    results[w.id] = {
      ms: median(outcome.outer),
      inPython: median(outcome.inner),
      stdout: lines.slice(0, -1).join("\n"),
    };
  }
  return results;
}

/** pykata as it was (`BEFORE`): its widget page cold and warm, and the workloads in its engine. */
async function beforeBench(browser, base, served, root, solution, runs, log) {
  log("browser: pykata before the start-up work, the widget page, cold and warm cache");
  const widget = await widgetColdWarm(`${base}${BEFORE}/`, served, solution, runs, log);
  for (const r of widget.coldNetwork) r.sizes = sizesOf(join(root, r.path));
  log("browser: pykata before the start-up work, the workloads");
  const page = await browser.newPage();
  try {
    await page.goto(`${base}${BEFORE}/bench-direct.html`);
    await page.waitForFunction(() => window.readyAt, null, { timeout: 120000, polling: 20 });
    return { widget, workloads: await runWorkloads(page) };
  } finally {
    await page.close();
  }
}

/** Everything measured in the browser; `log` gets progress lines. */
export async function browserBench({ runs = 5, log = console.error, beforeSite = null, beforeSolution = null } = {}) {
  log("browser: preparing Pyodide's files (compressed once, then cached)");
  const pyodide = pyodideCopy();
  const root = benchRoot(pyodide.dir, beforeSite);
  const server = await serve(root);
  const served = recordServer(server);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  try {
    const solution = readFileSync(join(ROOT, "exercises/decorators/log-calls/solution.py"), "utf8");
    log("browser: the widget page, cold and warm cache");
    const widget = await widgetColdWarm(base, served, solution, runs, log);
    // What each file the cold page fetched would be with brotli -q 11, whatever was sent.
    for (const r of widget.coldNetwork) r.sizes = sizesOf(join(root, r.path));
    log("browser: the widget page without the engine's image, cold and warm cache");
    const noImage = await widgetColdWarm(`${base}${NO_IMAGE}/`, served, solution, runs, log);
    const before = beforeSite ? await beforeBench(browser, base, served, root, beforeSolution, runs, log) : null;
    log("browser: the engine's files alone, decoded and as opaque brotli");
    const download = {
      decoded: await downloadColdWarm(`${base}bench-download.html`, runs),
      opaque: await downloadColdWarm(`${base}bench-download-br.html`, runs),
    };
    log("browser: warm Checks of every built-in exercise");
    const checks = await warmChecks(browser, base, log);
    log("browser: pykata's engine alone, and the workloads");
    const pykata = await engineSideBySide(base, served, "bench-engine.html", runs, log, "pykata");
    log("browser: Pyodide, and the workloads");
    const pyo = await engineSideBySide(base, served, "bench-pyodide.html", runs, log, "Pyodide");
    for (const w of WORKLOADS) {
      for (const [label, k] of [["pykata", pykata], ["pykata before", before]]) {
        if (k && k.workloads[w.id].stdout !== pyo.workloads[w.id].stdout) {
          throw new Error(`${w.id}: ${label} printed ${JSON.stringify(k.workloads[w.id].stdout)}, Pyodide ${JSON.stringify(pyo.workloads[w.id].stdout)}`);
        }
      }
    }
    return {
      runs,
      chromium: browser.version(),
      widget,
      noImage,
      before,
      download,
      checks,
      pykata,
      pyodide: { ...pyo, sizes: pyodide.sizes },
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The report.

const ms = (x) => `${x.toFixed(0)} ms`;
/** Each run's time, in milliseconds, as a list. */
const runList = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
const ratio = (part, whole) => `${(part / whole).toFixed(2)}×`;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const size = (bytes) => (bytes >= 1024 * 1024 ? mib(bytes) : bytes >= 1024 ? kib(bytes) : `${bytes} B`);

/** What a page fetched, as a one-line-per-file table body, and the total on the wire. */
function transferTable(network) {
  const rows = network
    .map((r) => `| \`${r.path}\` | ${r.status} | ${r.encoding ?? "none"} | ${size(r.bytes)} | ${r.sizes ? size(r.sizes.brotli) : ""} | ${ms(r.finishedMs)} |`);
  const total = network.reduce((sum, r) => sum + r.bytes, 0);
  const brotli = network.reduce((sum, r) => sum + (r.sizes?.brotli ?? 0), 0);
  return { rows: rows.join("\n"), total, brotli };
}

export function browserSections(b, { loadavg, machine }) {
  const w = b.widget;
  const dl = b.download;
  const cold = transferTable(w.coldNetwork);
  const warm = transferTable(w.warmNetwork);
  const encodings = [...new Set(w.coldNetwork.filter((r) => r.bytes > 1024).map((r) => r.encoding ?? "uncompressed"))].join(" and ");
  const wasmRow = w.coldNetwork.find((r) => r.path.endsWith(".wasm"));
  const p = b.pykata;
  const y = b.pyodide;
  const pyodideFetched = y.coldNetwork.filter((r) => r.path.startsWith("/pyodide/"));
  const pyodideCold = transferTable(y.coldNetwork);
  const pykataEngineCold = transferTable(p.coldNetwork);
  const pyodideFiles = pyodideFetched.map((r) => r.path.replace("/pyodide/", ""));
  const pyodideTotal = (key) => pyodideFiles.reduce((sum, f) => sum + (y.sizes[f]?.[key] ?? 0), 0);
  const sizeRows = pyodideFiles
    .map((f) => `| \`${f}\` | ${size(y.sizes[f].raw)} | ${size(y.sizes[f].gzip)} | ${size(y.sizes[f].brotli)} |`)
    .join("\n");
  const faster = (a, c) => (a < c ? `pykata, ${(c / a).toFixed(1)}×` : `**Pyodide**, ${(a / c).toFixed(1)}×`);
  const empty = p.workloads.empty.ms;
  const workloadRows = WORKLOADS.map((wl) => {
    const k = p.workloads[wl.id];
    const o = y.workloads[wl.id];
    return `| ${wl.title} | ${ms(k.ms)} | ${k.ms - empty > 0 ? ms(k.ms - empty) : "≈ 0 (below the noise)"} | ${ms(k.inPython)} | ${ms(o.ms)} | ${ms(o.inPython)} | ${(k.inPython / o.inPython).toFixed(1)} | ${faster(k.inPython, o.inPython)} | ${faster(k.ms, o.ms)} |`;
  }).join("\n");
  const workloadSources = WORKLOADS.map((wl) => `<details><summary>${wl.id}</summary>\n\n\`\`\`python\n${wl.source}\`\`\`\n</details>`).join("\n");
  const load = loadavg.map((x) => x.toFixed(2)).join(", ");

  return `## In headless Chromium

Debian's Chromium ${b.chromium} (headless, driven by playwright-core), pages served from
localhost by \`www/serve.mjs\` (which sends the \`.br\`/\`.gz\` twins \`pykata build\` writes when the
browser accepts them, and \`no-cache\` with \`Last-Modified\`, so a warm cache revalidates and gets
304s). The page is a bare static page with one \`<py-kata src="exercises/decorators/log-calls.json">\`
(no service worker). As soon as the widget has its exercise, the bench puts the reference solution
in the editor and calls \`check()\`; the time is the page's clock (0 = navigation start) when the
widget fires \`result\`. So it includes the page, the widget, the exercise JSON, downloading and
compiling the wasm, copying in the engine's pre-started image (Python already started) and grading all 6 checks. Medians of ${b.runs} runs; each cold run is
a fresh browser with a new profile (empty disk cache), each warm run a reload in that same browser.

| measure | median | runs |
|---|---|---|
| cold page load → first Check result (\`decorators/log-calls\`), cache empty | ${ms(w.cold)} | ${runList(w.coldRuns)} |
| … of which: the widget had its exercise and Check was pressed at | ${ms(w.coldCheckPressed)} | |
| … of which: the server had sent the wasm (first run; ${wasmRow ? `${size(wasmRow.bytes)}, ${wasmRow.encoding ?? "uncompressed"}` : "?"}) at | ${w.coldWasmDownloaded === null ? "?" : ms(w.coldWasmDownloaded)} | |
| the same, reloaded with the browser cache warm (304s) | ${ms(w.warm)} | ${runList(w.warmRuns)} |
| without the engine's pre-started image (the host answers it 404, so Python starts in the worker, as before the image existed): cold | ${ms(b.noImage.cold)} | ${runList(b.noImage.coldRuns)} |
| … and reloaded with the browser cache warm | ${ms(b.noImage.warm)} | ${runList(b.noImage.warmRuns)} |
| a Check on a warm worker: median over the ${b.checks.count} built-in exercises' reference solutions (each the median of 3) | ${ms(b.checks.median)} | fastest ${b.checks.fastest.name} ${ms(b.checks.fastest.ms)}, slowest ${b.checks.slowest.name} ${ms(b.checks.slowest.ms)} |
| a Check of \`decorators/log-calls\` on a warm worker, repeated | ${ms(b.checks.logCalls)} | median of ${b.checks.logCallsRuns} |
| a Check of it right after Stop ended an endless Run: the page starts a fresh worker with the engine it keeps (nothing fetched or compiled again) | ${ms(b.checks.afterStop)} | ${runList(b.checks.afterStopRuns)} |

A warm-worker Check is \`el.check()\` to its promise resolving, results drawn; the worker
grades in the interpreter it started on load, reset after every submission. During the warm Checks the
page started ${b.checks.workersStarted} worker(s) (the worker retires once it holds 256 MiB; a
retirement's reload lands in a slow outlier, which the medians leave out).

Everything the cold page fetched before the first Check result (first run, as the server logged
it; content-encoding of the files over 1 KiB: ${encodings}; "body" is the bytes sent, the compressed twin when there was one;
"brotli" is that file at brotli -q 11, whatever was sent):

| file | status | content-encoding | body | brotli | finished (ms after the page's request) |
|---|---|---|---|---|---|
${cold.rows}
| **total** | | | **${size(cold.total)}** | **${size(cold.brotli)}** | |

Asked for after the first Check result, by the time the bench read the server's log (the worker
fetches the standard library once the first result is out):
${w.coldAfter.length ? w.coldAfter.map((r) => `\`${r.path}\` (${size(r.bytes)} sent)`).join(", ") : "nothing"}.

With the cache warm the same page fetched ${w.warmNetwork.length} files and the server answered
${w.warmNetwork.filter((r) => r.status === 304).length} of them with 304 (${size(warm.total)} of bodies sent).

What moving the engine's two files into a page costs, before anything is compiled: a page that
only fetches the wasm and its image (\`fetch\` → \`arrayBuffer\`, both at once; from its first
fetch to the last byte), in a fresh browser and then reloaded, and the same page fetching their
\`.br\` twins, which the server sends as opaque bytes (the same bytes on the wire, nothing decoded):

| the engine's files alone | bytes the page received | cache empty | runs | cache warm (304s) | runs |
|---|---|---|---|---|---|
| as the widget fetches them (brotli, decoded by the browser) | ${size(dl.decoded.bytes)} | ${ms(dl.decoded.cold)} | ${runList(dl.decoded.coldRuns)} | ${ms(dl.decoded.warm)} | ${runList(dl.decoded.warmRuns)} |
| their brotli bytes, not decoded | ${size(dl.opaque.bytes)} | ${ms(dl.opaque.cold)} | ${runList(dl.opaque.coldRuns)} | ${ms(dl.opaque.warm)} | ${runList(dl.opaque.warmRuns)} |

From localhost the network costs nothing, so the difference is the browser's own work per byte
it hands the page (decoding, the disk cache, passing the bytes between its processes): on a
machine like this one, time to a first result follows the engine's decoded size, not its
compressed size.

## Side by side with Pyodide ${y.version}

Reproduce with \`./x bench\` (or \`PYKATA=… PYKATA_SITE=www/dist node tests/bench/bench.mjs\`); the
script is \`tests/bench/browser.mjs\`. Same Chromium, same server and origin: Pyodide ${y.version} is
the npm \`pyodide\` package (a devDependency), served from \`/pyodide/\` with \`.br\`/\`.gz\` twins the
bench writes exactly as \`pykata build\` writes pykata's (brotli -q 11 with a 16 MiB window,
gzip -9). Pyodide's page is its documented minimum: \`import { loadPyodide } from
"./pyodide/pyodide.mjs"\`, \`await loadPyodide({ indexURL })\`, then \`runPython\` on the page.
pykata's page does what the widget does: it starts the built \`worker.js\` as a module worker,
meanwhile fetches the engine (compiled as it downloads) and its image, sends them to the worker
(\`{op: "start"}\`), and posts it \`{op: "run"}\` messages. "First result" is \`print(1)\` having run; for pykata "ready"
is the worker's \`ready\` message (wasm compiled and instantiated, the engine's pre-started image
copied in, so the interpreter has started; without an image the worker would start it before
taking the first message), for Pyodide \`loadPyodide\` resolving (interpreter started). Cold: a new browser profile
(empty disk cache) per run; warm cache: a reload in it. Medians of ${b.runs}.

| | pykata | Pyodide ${y.version} |
|---|---|---|
| files fetched to first result (cold) | ${p.coldNetwork.length} | ${y.coldNetwork.length} |
| bytes sent to first result (cold, response bodies as served) | ${size(pykataEngineCold.total)} | ${size(pyodideCold.total)} |
| cold: the server had sent the last file at (ms after the page's request) | ${ms(p.coldLastSent)} | ${ms(y.coldLastSent)} |
| cold: navigation → engine ready | ${ms(p.coldReady)} | ${ms(y.coldReady)} |
| cold: navigation → \`print(1)\` done | ${ms(p.coldFirst)} | ${ms(y.coldFirst)} |
| warm cache: navigation → engine ready | ${ms(p.warmReady)} | ${ms(y.warmReady)} |
| warm cache: navigation → \`print(1)\` done | ${ms(p.warmFirst)} | ${ms(y.warmFirst)} |

The widget page's first Check result (above) as a share of Pyodide's "ready" in this run: cold
${ratio(w.cold, y.coldReady)} (without the engine's image ${ratio(b.noImage.cold, y.coldReady)}), warm cache
${ratio(w.warm, y.warmReady)} (without the image ${ratio(b.noImage.warm, y.warmReady)}).

Pyodide's files fetched on load (sizes of the files; compressed as above):

| file | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
${sizeRows}
| **total** | **${mib(pyodideTotal("raw"))}** | **${mib(pyodideTotal("gzip"))}** | **${mib(pyodideTotal("brotli"))}** |

Workloads, each run in both engines: the same source (below), wrapped to time itself by
Python's clock (\`time.perf_counter\` around \`exec(compile(source))\`); both engines printed the same
result. One warm-up, then the median of 5. "Whole run" is timed in the page around the call: for
pykata, a \`{op: "run"}\` message to the warm worker and its answer, which includes resetting the
interpreter afterwards (the wrapped empty program takes ${ms(empty)} there,
${ms(y.workloads.empty.ms)} in Pyodide); for Pyodide, \`runPython\` with a fresh globals dict. A ratio above 1 means pykata is slower.

| workload | pykata whole run | pykata whole run minus empty run | pykata in Python | Pyodide whole run | Pyodide in Python | pykata ÷ Pyodide (in Python) | faster in Python | faster, whole run |
|---|---|---|---|---|---|---|---|---|
${workloadRows}

${workloadSources}

Machine load right after measuring: load average ${load} (1, 5, 15 min) on ${machine}; anything else
running at the same time slows every number here.
`;
}
