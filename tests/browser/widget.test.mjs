// The <py-kata> widget in real headless Chromium (Debian's, driven by playwright-core),
// embedded in a static blog page exactly as a blogger would, served from the built folder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SITE } from "../support.mjs";
import { serve } from "../../www/serve.mjs";
import { openInChromium } from "./chromium.mjs";

let session;
let browser;
let page;
let base;

before(async () => {
  session = await openInChromium(SITE);
  base = session.base;
  browser = session.browser;
  page = await browser.newPage();
  await page.goto(`${base}blog.html`);
  await page.locator("py-kata .cm-content").first().waitFor();
});

after(async () => {
  await session?.close();
});

const logCalls = (name) => readFileSync(join(ROOT, "exercises/decorators/log-calls", name), "utf8");
const kata = (index) => page.locator("py-kata").nth(index);
const status = (index) => kata(index).locator(".pk-status");

/** Type `source` into widget `index`'s editor, replacing what is there. */
async function type(index, source) {
  await kata(index).locator(".cm-content").fill(source);
  assert.equal(await kata(index).evaluate((el) => el.code), source, "the editor holds exactly what was typed");
}

async function press(index, action) {
  await kata(index).locator(`button[data-action="${action}"]`).click();
}

async function waitIdle(index) {
  await kata(index).locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
}

test("the blog page shows two widgets, one from a pack and one written inline", async () => {
  assert.equal(await page.locator("py-kata").count(), 2);
  assert.equal(await kata(0).locator(".pk-title").textContent(), "Log every call");
  assert.equal(await kata(1).locator(".pk-title").textContent(), "Always close");
  assert.match(await kata(1).evaluate((el) => el.code), /^class Closing:/);
});

test("typing the reference solution and Check passes every check and fires `result`", async () => {
  await page.evaluate(() => {
    window.results = [];
    document.addEventListener("result", (event) => window.results.push(event.detail));
  });
  await type(0, logCalls("solution.py"));
  await press(0, "check");
  await waitIdle(0);
  assert.equal(await status(0).textContent(), "All 6 checks pass.");
  assert.equal(await kata(0).locator(".pk-results li.pass").count(), 6);
  assert.equal(await kata(0).locator(".pk-solved").isVisible(), true);
  const results = await page.evaluate(() => window.results);
  assert.equal(results.length, 1);
  assert.equal(results[0].version, 3);
  assert.equal(results[0].status, "pass");
  assert.deepEqual(
    results[0].tests.map((t) => t.check_id),
    ["returns-wrapper", "keeps-metadata", "passes-arguments", "returns-result", "calls-once", "prints-log"],
  );
});

test("a wrong solution shows the failing check's message, then the solution is offered", async () => {
  assert.equal(await kata(0).locator('button[data-action="solution"]').isVisible(), false);
  await type(0, logCalls("wrong/no-wraps.py"));
  await press(0, "check");
  await waitIdle(0);
  const failed = kata(0).locator(".pk-results li.fail");
  assert.equal(await failed.count(), 1);
  assert.equal(await failed.getAttribute("data-check"), "keeps-metadata");
  assert.match(await failed.textContent(), /must still look like the original.*functools\.wraps/s);
  assert.equal(await status(0).textContent(), "5 of 6 checks pass.");
  await press(0, "solution");
  assert.match(await kata(0).locator(".pk-solution pre").textContent(), /@functools\.wraps\(func\)/);
});

test("a traceback's line is highlighted in the editor", async () => {
  await type(0, "x = 1\n\ndef f():\n    return 1 / 0\n\nf()\n");
  await press(0, "run");
  await waitIdle(0);
  assert.match(await kata(0).locator(".pk-output .error").textContent(), /ZeroDivisionError/);
  assert.equal(await kata(0).locator(".pk-error-line").textContent(), "    return 1 / 0");
});

test("Run shows stdout and stderr and feeds the input box to input()", async () => {
  await type(0, 'import sys\nname = input()\nprint("hello", name)\nprint("careful", file=sys.stderr)\n');
  await kata(0).locator(".pk-stdin summary").click();
  await kata(0).locator(".pk-stdin textarea").fill("Ada\n");
  await press(0, "run");
  await waitIdle(0);
  assert.equal(await kata(0).locator(".pk-output .stdout").textContent(), "Ada\nhello Ada\n");
  assert.equal(await kata(0).locator(".pk-output .stderr").textContent(), "careful\n");
});

test("Stop ends a runaway loop, the page stays responsive and the next Run works", async () => {
  await type(1, "print('looping')\nwhile True:\n    pass\n");
  await press(1, "run");
  // The output is streamed: once it shows, Python is in the loop.
  await kata(1).locator(".pk-output", { hasText: "looping" }).waitFor();
  assert.equal(await page.evaluate(() => 6 * 7), 42, "the page answers while Python loops");
  await press(1, "stop");
  await waitIdle(1);
  assert.equal(await status(1).textContent(), "Stopped.");
  await type(1, "print('still alive')\n");
  await press(1, "run");
  await waitIdle(1);
  assert.equal(await kata(1).locator(".pk-output .stdout").textContent(), "still alive\n");
});

test("the time budget stops a runaway loop on its own", async () => {
  // The budget covers a fresh interpreter's start too, so leave room for a busy machine.
  await kata(1).evaluate((el) => el.setAttribute("budget", "4000"));
  await type(1, "while True:\n    pass\n");
  await press(1, "run");
  await waitIdle(1);
  assert.equal(await status(1).textContent(), "Stopped after 4 s — is there a loop that never ends?");
  await type(1, "print(6 * 7)\n");
  await press(1, "run");
  await waitIdle(1);
  assert.equal(await kata(1).locator(".pk-output .stdout").textContent(), "42\n");
  await kata(1).evaluate((el) => el.removeAttribute("budget"));
});

test("without a budget attribute, Run and Check are stopped after the exercise's own time limit", async () => {
  const shout = readFileSync(join(ROOT, "tests/fixtures/shout.toml"), "utf8").replace('difficulty = "easy"', 'difficulty = "easy"\ntime_limit_ms = 1500');
  await page.evaluate((text) => {
    const kata = document.createElement("py-kata");
    kata.id = "timed";
    const script = Object.assign(document.createElement("script"), { type: "application/toml", textContent: text });
    script.dataset.kata = "";
    kata.append(script);
    document.body.append(kata);
  }, shout);
  const timed = page.locator("#timed");
  // A widget validates (and shows a TOML exercise) once the reader gets near it.
  await timed.scrollIntoViewIfNeeded();
  await timed.locator(".pk-title", { hasText: "Shout" }).waitFor({ timeout: 60000 });
  await timed.locator(".cm-content").fill("def shout(func):\n    while True:\n        pass\n");
  await timed.locator('button[data-action="check"]').click();
  await timed.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
  // Each check gets the exercise's limit (the engine's rule, in grade.rs): the check that hangs
  // is a time-budget error, as `pykata grade` reports it; a Run gets the limit too.
  assert.equal(await timed.locator(".pk-status").textContent(), "0 of 1 checks pass.");
  assert.match(await timed.locator('.pk-results li.error[data-check="upper"]').textContent(), /ran for more than 1\.5 s and was stopped/);
  await timed.locator(".cm-content").fill("while True:\n    pass\n");
  await timed.locator('button[data-action="run"]').click();
  await timed.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
  assert.equal(await timed.locator(".pk-status").textContent(), "Stopped after 1.5 s — is there a loop that never ends?");
  await page.evaluate(() => document.querySelector("#timed").remove());
});

test("hints appear one at a time", async () => {
  await press(1, "hint");
  await press(1, "hint");
  const hints = await kata(1).locator(".pk-hints li").allTextContents();
  assert.deepEqual(hints, ["Give the class __enter__ and __exit__ methods.", "__exit__ calls self.resource.close() and returns False."]);
  assert.equal(await kata(1).locator('button[data-action="hint"]').isDisabled(), true);
});

test("Reset puts the starter back and Undo brings the learner's code back", async () => {
  await type(1, "# mine\n");
  await press(1, "reset");
  assert.match(await kata(1).evaluate((el) => el.code), /^class Closing:/);
  await kata(1).locator(".cm-content").click();
  await page.keyboard.press("Control+z");
  assert.equal(await kata(1).evaluate((el) => el.code), "# mine\n");
});

test("keyboard only: Escape then Tab leaves the editor, and Check is reachable", async () => {
  await type(1, await kata(1).evaluate((el) => el.exercise.solution));
  await kata(1).locator(".cm-content").focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  const focused = () => kata(1).evaluate((el) => el.shadowRoot.activeElement?.textContent);
  assert.equal(await focused(), "Input for input()");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Run");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Check");
  await page.keyboard.press("Enter");
  await waitIdle(1);
  assert.equal(await status(1).textContent(), "All 2 checks pass.");
});

test("the learner's code survives a reload", async () => {
  await type(0, "# work in progress\n");
  await page.reload();
  await page.locator("py-kata .cm-content").first().waitFor();
  assert.equal(await kata(0).evaluate((el) => el.code), "# work in progress\n");
  assert.equal(await kata(1).locator(".pk-solved").isVisible(), true, "solved exercises stay marked");
});

test("the demo index lists every pack and opens an exercise page", async () => {
  const demo = await browser.newPage();
  await demo.goto(base);
  await demo.locator("#packs h2").first().waitFor();
  assert.deepEqual(await demo.locator("#packs h2").allTextContents(), ["Context managers", "Decorators", "Generators"]);
  await demo.getByRole("link", { name: "Read in chunks" }).click();
  await demo.locator("py-kata .pk-title", { hasText: "Read in chunks" }).waitFor();
  assert.equal(await demo.locator("py-kata .cm-content").count(), 1);
  assert.match(await demo.locator("py-kata").evaluate((el) => el.code), /^def chunked\(items, size\):/);
  await demo.close();
});

test("after one visit, an offline reload still loads and checks", async () => {
  const context = await browser.newContext();
  const offline = await context.newPage();
  await offline.goto(`${base}blog.html`);
  await offline.evaluate(() => navigator.serviceWorker.ready);
  const widget = offline.locator("py-kata").first();
  await widget.locator(".cm-content").waitFor();
  // Let the engine load once while online (its files go into the cache on the way).
  await widget.evaluate((el) => el.run());
  await offline.waitForFunction(async () => {
    const cache = await caches.open("pykata-v1");
    const keys = (await cache.keys()).map((request) => new URL(request.url).pathname);
    return ["/blog.html", "/exercises/decorators/log-calls.json", "/pkg/pykata_wasm_bg.wasm"].every((p) => keys.includes(p));
  });
  await context.setOffline(true);
  await offline.reload();
  await widget.locator(".cm-content").waitFor();
  await widget.locator(".cm-content").fill(logCalls("solution.py"));
  await widget.locator('button[data-action="check"]').click();
  await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
  assert.equal(await widget.locator(".pk-status").textContent(), "All 6 checks pass.");
  await context.close();
});

test("when storage fails, the widget says so instead of silently losing work", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("quota exceeded", "QuotaExceededError");
    };
  });
  const full = await context.newPage();
  await full.goto(`${base}blog.html`);
  const widget = full.locator("py-kata").first();
  await widget.locator(".cm-content").waitFor();
  await widget.locator(".cm-content").fill("print('precious')\n");
  assert.match(await widget.locator(".pk-notice").textContent(), /could not be saved/);
  assert.equal(await widget.evaluate((el) => el.code), "print('precious')\n", "the editor keeps the code");
  await context.close();
});

test("the UI speaks the page's language", async () => {
  const german = await browser.newPage();
  await german.goto(`${base}exercise.html#generators/chunked`);
  await german.evaluate(() => document.querySelector("py-kata").setAttribute("lang", "de"));
  const widget = german.locator("py-kata");
  await widget.locator(".cm-content").waitFor();
  assert.equal(await widget.locator('button[data-action="check"]').textContent(), "Prüfen");
  await widget.locator('button[data-action="check"]').click();
  await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
  assert.match(await widget.locator(".pk-status").textContent(), /^\d von 7 Prüfungen bestanden\.$/);
  await german.close();
});

test("recursion through __repr__ ends in a recursion message, not a crash, even with a raised limit", async () => {
  await type(1, "import sys\nsys.setrecursionlimit(10**6)\n\nclass Loop:\n    def __repr__(self):\n        return repr(self)\n\nrepr(Loop())\n");
  await press(1, "run");
  await waitIdle(1);
  const error = await kata(1).locator(".pk-output .error").textContent();
  assert.match(error, /calls deep and was stopped/);
  assert.match(error, /RecursionError/);
  assert.equal(await status(1).textContent(), "Your program raised an exception.");
});

test("a memory bomb ends with a memory message, the code is kept and a fresh engine runs the next program", async () => {
  const bomb = "grow = {}\ni = 0\nwhile True:\n    grow[i] = 'x' * 1000\n    i += 1\n";
  await type(1, bomb);
  await press(1, "run");
  await waitIdle(1);
  const shown = `${await status(1).textContent()} ${await kata(1).locator(".pk-output").textContent()}`;
  assert.match(shown, /more memory than/);
  assert.equal(await kata(1).evaluate((el) => el.code), bomb, "the code is untouched");
  assert.equal(await page.evaluate(() => 6 * 7), 42, "the page answers");
  await type(1, "print('fresh engine')\n");
  await press(1, "run");
  await waitIdle(1);
  assert.equal(await kata(1).locator(".pk-output .stdout").textContent(), "fresh engine\n");
});

test("learner code cannot reach the page: no JavaScript bridge module, no DOM, no network", async () => {
  const probe = [
    "import importlib, sys",
    "reached = []",
    "for name in ('js', '_js', 'browser', 'pyodide', 'pyscript', 'window', 'document'):",
    "    for attempt in (lambda: __import__(name), lambda: importlib.import_module(name)):",
    "        try:",
    "            attempt()",
    "            reached.append(name)",
    "        except ImportError:",
    "            pass",
    "print('reached:', reached)",
    "bridges = ('js', '_js', 'browser', 'pyodide', '_pyodide', 'pyscript', 'window', 'document')",
    "print('bridge modules:', [m for m in sys.modules if m.split('.')[0] in bridges])",
    "for path in ('exercises/index.json', '/exercises/decorators/log-calls.json', '/etc/passwd'):",
    "    try:",
    "        open(path).read()",
    "        print('file: open', path)",
    "    except Exception:",
    "        pass",
    "try:",
    "    import socket",
    "    socket.create_connection(('127.0.0.1', 80))",
    "    print('network: open')",
    "except Exception as error:",
    "    print('network: closed')",
    "",
  ].join("\n");
  await type(1, probe);
  await press(1, "run");
  await waitIdle(1);
  assert.equal(
    await kata(1).locator(".pk-output .stdout").textContent(),
    "reached: []\nbridge modules: []\nnetwork: closed\n",
  );
});

test("files live in memory: a Run writes and reads one, the next Run starts without it", async () => {
  await type(1, "with open('notes.txt', 'w') as f:\n    f.write('kept for this Run')\nprint(open('notes.txt').read())\n");
  await press(1, "run");
  await waitIdle(1);
  assert.equal(await kata(1).locator(".pk-output .stdout").textContent(), "kept for this Run\n");
  await type(1, "import os\nprint(sorted(os.listdir('.')))\nopen('notes.txt')\n");
  await press(1, "run");
  await waitIdle(1);
  assert.equal(await kata(1).locator(".pk-output .stdout").textContent(), "['dev', 'tmp']\n");
  assert.match(
    await kata(1).locator(".pk-output").textContent(),
    /FileNotFoundError: \[Errno 2\] No such file or directory: 'notes.txt'/,
  );
});

test("a flood of output is cut with a notice", async () => {
  await type(1, "for i in range(200000):\n    print('spam', i)\n");
  await press(1, "run");
  await waitIdle(1);
  const stdout = await kata(1).locator(".pk-output .stdout").textContent();
  assert.ok(stdout.length <= 64 * 1024, `kept ${stdout.length} characters`);
  assert.match(await kata(1).locator(".pk-output .notice").textContent(), /output truncated/);
});

test("with JavaScript off, the blog post still shows each exercise's prompt and starter", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(`${base}blog.html`);
  const text = await plain.locator("py-kata").first().innerText();
  assert.match(text, /Write a decorator log_calls/);
  assert.match(text, /def log_calls\(func\):/);
  assert.match(await plain.locator("py-kata").nth(1).innerText(), /class Closing:/);
  await context.close();
});

test("while the engine downloads, a progress bar counts bytes, then says ready", async () => {
  const context = await browser.newContext();
  const slow = await context.newPage();
  const cdp = await context.newCDPSession(slow);
  await cdp.send("Network.enable");
  // 1 MB/s: the download takes a few seconds, long enough to watch.
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: 1024 * 1024,
    uploadThroughput: -1,
  });
  // Every text the first widget's progress label shows, from the moment the widget exists
  // (an engine on screen starts while the page loads, perhaps before `goto` returns).
  await slow.addInitScript(() => {
    window.progressLabels = [];
    customElements.whenDefined("py-kata").then(() => {
      const label = document.querySelector("py-kata").shadowRoot.querySelector(".pk-progress-label");
      new MutationObserver(() => window.progressLabels.push(label.textContent)).observe(label, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
  });
  await slow.goto(`${base}blog.html`);
  // The server sends the wasm module brotli-compressed, so the size it will have is unknown:
  // the label counts the bytes unpacked so far.
  await slow.waitForFunction(() => window.progressLabels.some((text) => /Loading Python… [\d.]+ [KM]B$/.test(text)));
  await slow.waitForFunction(() => window.progressLabels.at(-1) === "Python ready", null, { timeout: 60000 });
  await context.close();
});

test("a page on another origin embeds pykata from a CDN-like host", async () => {
  const cdn = await serve(SITE, 0, { cors: true });
  const cdnBase = `http://127.0.0.1:${cdn.address().port}`;
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const blogDir = mkdtempSync(join(tmpdir(), "pykata-blog-"));
  writeFileSync(
    join(blogDir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>elsewhere</title>
<script type="module" src="${cdnBase}/pykata.js"></script></head>
<body><py-kata src="${cdnBase}/exercises/generators/chunked.json"></py-kata></body></html>`,
  );
  const blog = await serve(blogDir);
  const elsewhere = await browser.newPage();
  // "localhost" and "127.0.0.1" are different origins.
  await elsewhere.goto(`http://localhost:${blog.address().port}/`);
  const widget = elsewhere.locator("py-kata");
  await widget.locator(".pk-title", { hasText: "Read in chunks" }).waitFor();
  await widget.evaluate((el) => { el.code = el.exercise.solution; });
  await widget.locator('button[data-action="check"]').click();
  await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
  assert.equal(await widget.locator(".pk-status").textContent(), "All 7 checks pass.");
  await elsewhere.close();
  blog.close();
  cdn.close();
});

test("a host that does not label the wasm module application/wasm still gets a working engine", async () => {
  // Streaming compilation refuses other content types; the worker then compiles the bytes.
  const host = await serve(SITE, 0, { types: { ".wasm": "application/octet-stream" } });
  const page = await browser.newPage();
  const wasmTypes = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".wasm")) wasmTypes.push(response.headers()["content-type"]);
  });
  await page.goto(`http://127.0.0.1:${host.address().port}/blog.html`);
  const widget = page.locator("py-kata").first();
  await widget.locator(".pk-title").waitFor();
  await widget.evaluate((el) => { el.code = el.exercise.solution; });
  await widget.locator('button[data-action="check"]').click();
  await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
  assert.match(await widget.locator(".pk-status").textContent(), /^All \d+ checks pass\.$/);
  assert.deepEqual(wasmTypes, ["application/octet-stream"]);
  await page.close();
  host.close();
});

/** The built site served on a port of its own, with `answer(request, response, plain)` in place
 * of the file at `path` (`plain` serves it as usual). On the server, not with Playwright's
 * routes, which miss a worker's requests made before Playwright attaches to the worker. */
async function serveAnswering(path, answer) {
  const host = await serve(SITE, 0);
  const [plain] = host.listeners("request");
  host.removeAllListeners("request");
  host.on("request", (request, response) =>
    request.url.endsWith(path) ? answer(request, response, plain) : plain(request, response),
  );
  return host;
}

test("the engine's pre-started image is used where served; without it, or of another build, the widget still grades", async () => {
  const image = readFileSync(join(SITE, "pkg/pykata_wasm_bg.image"));
  const otherBuild = Buffer.from(image.toString("latin1").replace(/"id":"[0-9a-f]{64}"/, `"id":"${"0".repeat(64)}"`), "latin1");
  for (const [host, answer, refused] of [
    ["serves the image", null, false],
    ["has no image", { status: 404, body: "" }, false],
    ["serves another build's image", { status: 200, body: otherBuild }, "image belongs to another build"],
    ["answers every path with its page", { status: 200, contentType: "text/html", body: "<!doctype html><p>Home</p>" }, "is no engine image"],
  ]) {
    const server = await serveAnswering("/pkg/pykata_wasm_bg.image", (request, response, plain) => {
      if (!answer) return plain(request, response);
      response.writeHead(answer.status, { "content-type": answer.contentType ?? "application/octet-stream" }).end(answer.body);
    });
    const page = await browser.newPage();
    const warnings = [];
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/blog.html`);
    const widget = page.locator("py-kata").first();
    await widget.locator(".pk-title").waitFor();
    await widget.evaluate((el) => { el.code = el.exercise.solution; });
    await widget.locator('button[data-action="check"]').click();
    await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
    assert.match(await widget.locator(".pk-status").textContent(), /^All \d+ checks pass\.$/, `a host that ${host}`);
    const refusals = warnings.filter((text) => text.includes("Python was started without it"));
    assert.deepEqual(refusals.map((text) => text.includes(refused)), refused ? [true] : [], `a host that ${host}: ${JSON.stringify(warnings)}`);
    await page.close();
    server.close();
  }
});

test("the standard library is fetched once code needs more than the image holds; unfetchable, it fails the import, not the page", async () => {
  for (const served of [true, false]) {
    // The library is held back until the first Check's result has arrived: a Check that needed
    // it would wait for it until its budget ran out, and fail.
    let resultArrived = () => {};
    const result = new Promise((resolve) => { resultArrived = resolve; });
    let requests = 0;
    const host = await serveAnswering("/pkg/pykata_stdlib.bin", async (request, response, plain) => {
      requests += 1;
      await result;
      if (served) plain(request, response);
      else response.writeHead(404).end();
    });
    const other = await browser.newPage();
    try {
      await other.exposeFunction("resultArrived", () => resultArrived());
      await other.goto(`http://127.0.0.1:${host.address().port}/blog.html`);
      await other.evaluate(() => document.addEventListener("result", () => window.resultArrived(), { once: true }));
      const widget = other.locator("py-kata").first();
      const run = async (source) => {
        await widget.locator(".cm-content").fill(source);
        await widget.locator('button[data-action="run"]').click();
        await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
      };
      await widget.locator(".cm-content").waitFor();
      await widget.evaluate((el) => { el.code = el.exercise.solution; });
      await widget.locator('button[data-action="check"]').click();
      await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
      const passed = /^All \d+ checks pass\.$/;
      assert.match(await widget.locator(".pk-status").textContent(), passed, "the reference solution needs nothing beyond the image");

      await run("from fractions import Fraction\nprint(Fraction(2, 6))\n");
      if (served) {
        assert.equal(await widget.locator(".pk-output .stdout").textContent(), "1/3\n");
        const fetched = requests;
        await run("import statistics, inspect\nprint(statistics.mean([1, 2]))\n");
        assert.equal(await widget.locator(".pk-output .stdout").textContent(), "1.5\n");
        assert.equal(requests, fetched, "once fetched, kept for the worker's life");
      } else {
        assert.match(
          await widget.locator(".pk-output .error").textContent(),
          /ImportError: the standard library could not be loaded for fractions: HTTP 404/,
        );
        await run("print(6 * 7)\n");
        assert.equal(await widget.locator(".pk-output .stdout").textContent(), "42\n", "the engine goes on");
        // Asked for once per worker: importing in a loop cannot keep the budget stopped.
        const asked = requests;
        await widget.evaluate((el) => el.setAttribute("budget", "1500"));
        await run("while True:\n    try:\n        import fractions\n    except ImportError:\n        pass\n");
        assert.match(await widget.locator(".pk-status").textContent(), /^Stopped after 1\.5 s/);
        assert.equal(requests, asked, "the library that failed is not asked for again by the same worker");
      }
    } finally {
      resultArrived();
      await other.close();
      host.close();
    }
  }
});

test("themes follow the page, the theme attribute and --pykata-* properties", async () => {
  const themed = await browser.newPage({ colorScheme: "dark" });
  await themed.goto(`${base}blog.html`);
  const widget = themed.locator("py-kata").first();
  await widget.locator(".cm-content").waitFor();
  const background = () => widget.locator(".pk").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await background(), "rgb(27, 29, 33)", "dark, as the page prefers");
  await widget.evaluate((el) => el.setAttribute("theme", "light"));
  assert.equal(await background(), "rgb(255, 255, 255)", "the attribute wins");
  await widget.evaluate((el) => el.style.setProperty("--pykata-bg", "rgb(1, 2, 3)"));
  assert.equal(await background(), "rgb(1, 2, 3)", "a host's custom property wins over both");
  await themed.close();
});

test("the engine starts at once for a widget on screen, and only on scrolling for one below the fold", async () => {
  const other = await browser.newPage();
  // Count the workers the page makes (the engine's is made the moment a widget wakes it).
  await other.addInitScript(() => {
    window.workersMade = 0;
    window.Worker = class extends Worker {
      constructor(...args) {
        super(...args);
        window.workersMade += 1;
      }
    };
  });
  const pageWith = (spacer) =>
    `<!doctype html><script type="module" src="pykata.js"></script><div style="height:${spacer}px"></div>` +
    `<py-kata src="exercises/decorators/log-calls.json"></py-kata>`;
  await other.route(`${base}fold-*.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: pageWith(route.request().url().includes("below") ? 5000 : 0) }),
  );
  try {
    await other.goto(`${base}fold-below.html`);
    await other.locator("py-kata .cm-content").waitFor();
    // The widget's own IntersectionObserver was made before this one, so it has been told the
    // widget is out of view by the time this one is.
    const intersecting = await other.locator("py-kata").evaluate(
      (element) =>
        new Promise((resolve) => {
          const observer = new IntersectionObserver(([entry]) => {
            observer.disconnect();
            resolve(entry.isIntersecting);
          });
          observer.observe(element);
        }),
    );
    assert.equal(intersecting, false, "the widget is below the fold");
    assert.equal(await other.evaluate(() => window.workersMade), 0, "a widget out of view started the engine");
    // The page asks for the engine the moment the widget wakes it: listen before that.
    const engineAsked = () => other.waitForRequest((request) => request.url().endsWith(".wasm"), { timeout: 10000 });
    let asked = engineAsked();
    await other.locator("py-kata").scrollIntoViewIfNeeded();
    await asked;

    asked = engineAsked();
    await other.goto(`${base}fold-above.html`);
    await asked;
  } finally {
    await other.close();
  }
});
