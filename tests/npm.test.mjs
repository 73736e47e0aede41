// The npm package `pykata` as a blogger gets it from a public npm CDN: `npm pack` of npm/ (which
// `./x` assembles), installed from the tarball into an empty folder, served from a second
// origin the way jsDelivr and unpkg serve packages (`/npm/pykata@VERSION/…`, any origin
// allowed, compressed or not), and embedded by a page on the first origin with the two lines
// and an exercise written in the page. Both grade in Chromium; the progress label never claims
// more loaded than its total; after one visit the page works offline with pykata-sw.js copied
// to its own origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { NPM_DIR, NPM_ENV, ROOT, SITE, npmPack } from "./support.mjs";
import { serve } from "../www/serve.mjs";
import { launchChromium } from "./browser/chromium.mjs";

const PACKAGE = JSON.parse(readFileSync(join(NPM_DIR, "package.json"), "utf8"));
const VERSION = PACKAGE.version;
const SHOUT = readFileSync(join(ROOT, "tests/fixtures/shout.toml"), "utf8");

const scratch = mkdtempSync(join(tmpdir(), "pykata-npm-"));
/** The package as installed from the tarball: `node_modules/pykata` of a fresh project. */
let installed = null;
let browser;
let blog;
let blogBase;

before(async () => {
  mkdirSync(join(scratch, "blog"));
  browser = await launchChromium();
  blog = await serve(join(scratch, "blog"), 0);
  blogBase = `http://127.0.0.1:${blog.address().port}`;
});

after(async () => {
  await browser?.close();
  blog?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test("npm/package.json is the publishable ES module package `pykata` at the workspace's version", () => {
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  const section = cargo.split(/^\[workspace\.package\]$/m)[1]?.split(/^\[/m)[0];
  const workspace = section?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  assert.ok(workspace, "Cargo.toml has [workspace.package] version");
  assert.equal(VERSION, workspace, "npm/package.json's version is Cargo.toml's [workspace.package] version");
  assert.equal(PACKAGE.name, "pykata");
  assert.equal(PACKAGE.private, undefined, "the package can be published");
  assert.equal(PACKAGE.type, "module");
  assert.equal(PACKAGE.license, "MIT");
  assert.deepEqual(PACKAGE.files, ["dist"]);
  assert.equal(PACKAGE.exports["."], "./dist/pykata.js");
  assert.equal(PACKAGE.exports["./dist/*"], "./dist/*");
  assert.equal(PACKAGE.types, "./dist/pykata.d.ts");
});

test("npm pack makes a tarball of dist/ alone, which installs offline into an empty project", async (t) => {
  assert.ok(
    existsSync(join(NPM_DIR, "dist/pykata.js")),
    "npm/dist is assembled by ./x (build_npm, after build_site); run it before this test",
  );
  const packDir = join(scratch, "pack");
  mkdirSync(packDir);
  const { packed, tarball } = npmPack(packDir);
  t.diagnostic(
    `npm tarball ${packed.filename}: ${packed.size} bytes (${(packed.size / 1024 / 1024).toFixed(2)} MiB), ` +
      `${packed.entryCount} files, ${(packed.unpackedSize / 1024 / 1024).toFixed(2)} MiB unpacked`,
  );
  const files = packed.files.map((file) => file.path).sort();
  const exercises = JSON.parse(readFileSync(join(SITE, "exercises/index.json"), "utf8"));
  const expected = [
    "README.md",
    "package.json",
    "dist/pykata.js",
    "dist/pykata.js.map",
    "dist/worker.js",
    "dist/engine-image.js",
    "dist/crash.js",
    "dist/pykata-sw.js",
    "dist/pykata.d.ts",
    "dist/site.css",
    "dist/pkg/pykata_wasm.js",
    "dist/pkg/pykata_wasm_bg.wasm",
    "dist/pkg/pykata_wasm_bg.image",
    "dist/pkg/pykata_stdlib.bin",
    "dist/exercises/index.json",
    ...exercises.packs.flatMap((pack) => pack.exercises.map((exercise) => `dist/${exercise.src}`)),
  ].sort();
  assert.deepEqual(files, expected, "the tarball holds exactly the widget, engine, service worker, types, stylesheet and packs");
  for (const file of ["pykata.js", "worker.js", "pkg/pykata_wasm_bg.wasm", "exercises/decorators/retry.json"]) {
    assert.ok(
      readFileSync(join(NPM_DIR, "dist", file)).equals(readFileSync(join(SITE, file))),
      `dist/${file} is the built site's ${file}`,
    );
  }

  const project = join(scratch, "project");
  mkdirSync(project);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", "--prefix", project, tarball], {
    cwd: project,
    env: NPM_ENV,
    stdio: ["ignore", "ignore", "pipe"],
  });
  installed = join(project, "node_modules/pykata");
  assert.equal(JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).version, VERSION);
  // The entry points resolve as package.json's `exports` and `types` say.
  const require = createRequire(join(project, "index.js"));
  assert.equal(require.resolve("pykata"), join(installed, "dist/pykata.js"));
  assert.equal(require.resolve("pykata/dist/exercises/index.json"), join(installed, "dist/exercises/index.json"));
  assert.ok(existsSync(join(installed, PACKAGE.types)));
});

/** A public npm CDN in miniature, serving the installed package the way jsDelivr and unpkg
 * do: `/npm/pykata@VERSION/<path>`, `Access-Control-Allow-Origin: *`, ordinary content types,
 * and with `compress` the body brotli- or gzip-compressed as the request accepts. Like a CDN's
 * edge answering from its cache, a compressed response carries the compressed length as
 * Content-Length; its Content-Encoding is sent but, as real CDNs do, not named in
 * Access-Control-Expose-Headers, so a page on another origin cannot read it. Records every
 * request. */
async function npmCdn(packageDir, { compress, cacheControl = "public, max-age=31536000, immutable" }) {
  const prefix = `/npm/pykata@${VERSION}/`;
  const types = {
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".map": "application/json; charset=utf-8",
    ".ts": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
  };
  const packers = {
    // Quality 5 rather than 11: a CDN compresses on the fly, and this one has to be quick.
    br: (bytes) => promisify(brotliCompress)(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzip: (bytes) => promisify(gzip)(bytes),
  };
  const packed = new Map();
  const requests = [];
  const server = createServer(async (request, response) => {
    const allow = { "access-control-allow-origin": "*" };
    const path = new URL(request.url, "http://cdn").pathname;
    const accepted = String(request.headers["accept-encoding"] ?? "");
    const encoding = compress ? ["br", "gzip"].find((name) => accepted.includes(name)) ?? null : null;
    const record = { path, origin: request.headers.origin ?? null, encoding: null, status: 404 };
    requests.push(record);
    const file = resolve(packageDir, decodeURIComponent(path.slice(prefix.length)));
    let body;
    try {
      if (request.method !== "GET" || !path.startsWith(prefix) || !file.startsWith(packageDir + sep)) throw new Error();
      body = await readFile(file);
    } catch {
      response.writeHead(404, { ...allow, "content-type": "text/plain" }).end("not found");
      return;
    }
    if (encoding) {
      const key = `${encoding}:${file}`;
      if (!packed.has(key)) packed.set(key, packers[encoding](body));
      body = await packed.get(key);
    }
    Object.assign(record, { encoding, status: 200 });
    response.writeHead(200, {
      ...allow,
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": cacheControl,
      vary: "accept-encoding",
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    response.end(body);
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  return { server, requests, base: `http://127.0.0.1:${server.address().port}${prefix}` };
}

/** The page a blogger writes: the two lines, and one exercise written in the page. */
function blogPage(cdnBase, extra = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<script type="module" src="${cdnBase}dist/pykata.js"></script>${extra}</head>
<body>
<py-kata src="${cdnBase}dist/exercises/decorators/retry.json"></py-kata>
<py-kata><script type="application/toml" data-kata>
${SHOUT}</script></py-kata>
</body></html>`;
}

/** Record every text each widget's progress label shows, from the moment the widgets exist. */
function recordProgressLabels(page) {
  return page.addInitScript(() => {
    window.progressLabels = [];
    customElements.whenDefined("py-kata").then(() => {
      for (const element of document.querySelectorAll("py-kata")) {
        const label = element.shadowRoot.querySelector(".pk-progress-label");
        new MutationObserver(() => window.progressLabels.push(label.textContent)).observe(label, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }
    });
  });
}

/** Bytes as the widget formats them in English ("812 kB", "1,012 kB", "14.9 MB"; 1 kB = 1024 bytes). */
function parseBytes(text) {
  const [, number, unit] = text.match(/^([\d,.]+) (kB|MB)$/) ?? assert.fail(`not a size: "${text}"`);
  return Number(number.replaceAll(",", "")) * (unit === "MB" ? 1024 * 1024 : 1024);
}

/** Each widget of `page`: check the reference solution, then the starter; their statuses. */
async function gradeBoth(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("py-kata")].every((el) => el.exercise), null, {
    timeout: 60000,
  });
  return page.evaluate(async () => {
    const verdicts = [];
    for (const el of document.querySelectorAll("py-kata")) {
      el.code = el.exercise.solution;
      const solution = (await el.check())?.status;
      el.code = el.exercise.starter;
      const starter = (await el.check())?.status;
      verdicts.push({ id: el.exercise.manifest.id, solution, starter });
    }
    return verdicts;
  });
}

for (const compress of [true, false]) {
  test(`a page on another origin embeds the package from an npm CDN (${compress ? "compressed" : "uncompressed"})`, { timeout: 180000 }, async (t) => {
    assert.ok(installed, "the package was packed and installed (the test above)");
    const cdn = await npmCdn(installed, { compress });
    const name = compress ? "compressed.html" : "uncompressed.html";
    writeFileSync(join(scratch, "blog", name), blogPage(cdn.base));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const workers = [];
      page.on("worker", (worker) => workers.push(worker.url()));
      await recordProgressLabels(page);
      await page.goto(`${blogBase}/${name}`);

      assert.deepEqual(await gradeBoth(page), [
        { id: "retry", solution: "pass", starter: "fail" },
        { id: "shout", solution: "pass", starter: "fail" },
      ]);

      // The worker script lives on the CDN, so the widget started it through a same-origin
      // shim (a blob: URL on the page's origin) that imports it from there.
      assert.ok(workers.length >= 1, "a worker started");
      for (const url of workers) assert.ok(url.startsWith(`blob:${blogBase}/`), `the worker is the page's shim: ${url}`);
      const fetched = (file) => cdn.requests.filter((r) => r.path.endsWith(`/dist/${file}`) && r.status === 200);
      for (const file of ["pykata.js", "worker.js", "pkg/pykata_wasm.js", "pkg/pykata_wasm_bg.wasm", "exercises/decorators/retry.json"]) {
        assert.ok(fetched(file).length >= 1, `${file} came from the CDN`);
        assert.ok(fetched(file).every((r) => r.origin === blogBase), `${file} was a CORS request from the page's origin`);
      }
      const wasm = fetched("pkg/pykata_wasm_bg.wasm")[0];
      assert.equal(wasm.encoding, compress ? "br" : null);

      // What the page (and the worker) may read of a CDN's response: its length, not its encoding.
      const headers = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return { encoding: response.headers.get("content-encoding"), length: response.headers.get("content-length") };
      }, `${cdn.base}dist/exercises/index.json`);
      assert.equal(headers.encoding, null, "Content-Encoding is hidden from another origin");
      assert.ok(Number(headers.length) > 0, "Content-Length is readable");

      // Every label the progress bar showed, from the start: never more loaded than the total.
      await page.waitForFunction(() => window.progressLabels.includes("Python ready"));
      const labels = await page.evaluate(() => window.progressLabels);
      const loading = labels.filter((text) => text.startsWith("Loading Python… "));
      assert.ok(loading.length > 0, `the download was shown: ${labels.join(" | ")}`);
      for (const text of loading) {
        const [loaded, total] = text.slice("Loading Python… ".length).split(" of ");
        if (total !== undefined) assert.ok(parseBytes(loaded) <= parseBytes(total), `"${text}" claims more loaded than in all`);
      }
      // From another origin the encoding is unknowable, so Content-Length is no total: none is claimed.
      assert.deepEqual(loading.filter((text) => text.includes(" of ")), [], "no total from another origin");
      const largest = Math.max(...loading.map((text) => parseBytes(text.slice("Loading Python… ".length).split(" of ")[0])));
      const wasmBytes = readFileSync(join(installed, "dist/pkg/pykata_wasm_bg.wasm")).length;
      assert.ok(largest >= wasmBytes * 0.95, `the label counted up to the engine's ${wasmBytes} bytes unpacked: ${loading.at(-1)}`);
      t.diagnostic(`progress labels: ${loading.length} while loading, the last "${loading.at(-1)}"`);
    } finally {
      await context.close();
      cdn.server.close();
    }
  });
}

test("after one visit, the page works offline with pykata-sw.js copied to its own origin", { timeout: 180000 }, async () => {
  assert.ok(installed, "the package was packed and installed (the test above)");
  // no-cache: the browser's HTTP cache cannot answer offline; the service worker must.
  const cdn = await npmCdn(installed, { compress: true, cacheControl: "no-cache" });
  copyFileSync(join(installed, "dist/pykata-sw.js"), join(scratch, "blog", "pykata-sw.js"));
  const register = `\n<script>navigator.serviceWorker?.register("/pykata-sw.js");</script>`;
  writeFileSync(join(scratch, "blog", "offline.html"), blogPage(cdn.base, register));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${blogBase}/offline.html`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await gradeBoth(page);
    const wanted = [
      `${blogBase}/offline.html`,
      ...["pykata.js", "worker.js", "pkg/pykata_wasm.js", "pkg/pykata_wasm_bg.wasm", "exercises/decorators/retry.json"].map(
        (file) => `${cdn.base}dist/${file}`,
      ),
    ];
    await page.waitForFunction(
      async (urls) => {
        const keys = (await (await caches.open("pykata-v1")).keys()).map((request) => request.url);
        return urls.every((url) => keys.includes(url));
      },
      wanted,
      { timeout: 60000 },
    );

    await context.setOffline(true);
    const before = cdn.requests.length;
    const answered = new Map();
    page.on("response", (response) => answered.set(response.url(), response.fromServiceWorker()));
    await page.reload();
    assert.deepEqual(await gradeBoth(page), [
      { id: "retry", solution: "pass", starter: "fail" },
      { id: "shout", solution: "pass", starter: "fail" },
    ]);
    assert.equal(cdn.requests.length, before, "offline, nothing reached the CDN");
    // The page, the widget, the exercise, and the worker's own requests (its script, the
    // engine's glue and wasm: a worker started from the page's blob: shim is the page's client).
    for (const url of wanted) assert.equal(answered.get(url), true, `${url} came from the service worker`);
  } finally {
    await context.close();
    cdn.server.close();
  }
});
