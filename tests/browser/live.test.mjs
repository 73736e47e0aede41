// Issue 15, points 3 and 4 in real Chromium: a Run's output streamed while the program runs,
// cleared on each Run, its truncation and a missing input() explained; a hanging check costing
// only that check (the same per-check results as `pykata grade`); Stop scoped to its widget.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYKATA, ROOT, SITE } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

let session;
let browser;
let page;

before(async () => {
  session = await openInChromium(SITE);
  browser = session.browser;
  page = await browser.newPage();
  await page.goto(`${session.base}blog.html`);
  await page.locator("py-kata .cm-content").first().waitFor();
});

after(async () => {
  await session?.close();
});

const kata = (index) => page.locator("py-kata").nth(index);
const status = (index) => kata(index).locator(".pk-status");
const output = (index) => kata(index).locator(".pk-output");

async function type(index, source) {
  await kata(index).locator(".cm-content").fill(source);
  assert.equal(await kata(index).evaluate((el) => el.code), source);
}

const press = (index, action) => kata(index).locator(`button[data-action="${action}"]`).click();
const busy = (index) => kata(index).locator('button[data-action="stop"]:not([disabled])').waitFor({ timeout: 60000 });
const idle = (index) => kata(index).locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });

test("what a program prints before an endless loop shows while it runs, and stays after Stop", async () => {
  await type(1, "print('before the loop')\nwhile True:\n    pass\n");
  await press(1, "run");
  await output(1).locator(".stdout", { hasText: "before the loop" }).waitFor({ timeout: 60000 });
  assert.equal(await status(1).textContent(), "Running…", "the program is still running");
  assert.equal(await kata(1).locator('button[data-action="stop"]').isEnabled(), true);
  await press(1, "stop");
  await idle(1);
  assert.equal(await status(1).textContent(), "Stopped.");
  assert.equal(await output(1).textContent(), "before the loop\n");
});

test("each Run starts with an empty output", async () => {
  await type(1, "print('first run')\n");
  await press(1, "run");
  await idle(1);
  assert.equal(await output(1).textContent(), "first run\n");
  await type(1, "while True:\n    pass\n");
  await press(1, "run");
  await busy(1);
  assert.equal(await output(1).textContent(), "", "the last run's text is gone while this one runs");
  await press(1, "stop");
  await idle(1);
  assert.equal(await status(1).textContent(), "Stopped.");
  assert.equal(await output(1).textContent(), "");
});

test("truncated output is stated in the status line with what was kept", async () => {
  await type(1, "for i in range(100000):\n    print('line', i)\n");
  await press(1, "run");
  await idle(1);
  const kept = await output(1).locator(".stdout").textContent();
  const lines = kept.split("\n").length - 1 + (kept.endsWith("\n") ? 0 : 1);
  const number = (n) => new Intl.NumberFormat("en").format(n);
  assert.equal(
    await status(1).textContent(),
    `Finished. Your program printed too much: only the first ${number(lines)} lines (${number(kept.length)} characters) are shown.`,
  );
  assert.ok(lines < 100000);
});

test("input() without input says where to type it; given input is echoed where it was read", async () => {
  await type(1, "name = input('Your name? ')\nprint('Hello,', name)\n");
  await press(1, "run");
  await idle(1);
  assert.match(await output(1).locator(".error").textContent(), /EOFError/);
  assert.match(await output(1).locator(".notice").textContent(), /Type its input in the box “Input for input\(\)” above Run/);
  assert.equal(await kata(1).locator(".pk-stdin").evaluate((details) => details.open), true, "the input box is opened");
  await kata(1).locator(".pk-stdin textarea").fill("Ada");
  await press(1, "run");
  await idle(1);
  assert.equal(await output(1).locator(".stdout").textContent(), "Your name? Ada\nHello, Ada\n");
  assert.equal(await output(1).locator(".notice").count(), 0);
  await kata(1).locator(".pk-stdin textarea").fill("");
});

/** An exercise with four checks, one second each: the second hangs for `HANGS` below. */
const CHECKS = `
[[checks]]
id = "one"
kind = "assert"
title = "Doubles 1"
message = "double(1) must be 2."
code = "assert double(1) == 2"

[[checks]]
id = "two"
kind = "assert"
title = "Doubles 2"
message = "double(2) must be 4."
code = "assert double(2) == 4"

[[checks]]
id = "three"
kind = "assert"
title = "Doubles 3"
message = "double(3) must be 6."
code = "assert double(3) == 6"

[[checks]]
id = "four"
kind = "assert"
title = "Doubles 4"
message = "double(4) must be 8."
code = "assert double(4) == 8"
`;
const HEAD = `id = "double"\ntitle = "Double"\ntopic = "functions"\ndifficulty = "easy"\ntime_limit_ms = 1000\nhints = ["Multiply.", "By two."]\n`;
const SOLUTION = "def double(x):\n    return 2 * x\n";
const HANGS = "def double(x):\n    while x == 2:\n        pass\n    return 0 if x == 4 else 2 * x\n";
/** The same, stuck inside a builtin, where no watchdog reaches: natively its child is killed. */
const HANGS_IN_A_BUILTIN = "import itertools\n\ndef double(x):\n    if x == 2:\n        sum(itertools.count())\n    return 0 if x == 4 else 2 * x\n";

/** `pykata grade` of `source` against the exercise, natively. */
function gradeNatively(source) {
  const temp = mkdtempSync(join(tmpdir(), "pykata-hang-"));
  const dir = join(temp, "double");
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, "exercise.toml"), HEAD + CHECKS);
    writeFileSync(join(dir, "prompt.md"), "Double it.\n");
    writeFileSync(join(dir, "starter.py"), "def double(x):\n    pass\n");
    writeFileSync(join(dir, "solution.py"), SOLUTION);
    writeFileSync(join(dir, "learner.py"), source);
    let stdout;
    try {
      stdout = execFileSync(PYKATA, ["grade", dir, join(dir, "learner.py")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      stdout = error.stdout; // exit 1: not every check passed
    }
    return JSON.parse(stdout);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const perCheck = (report) => report.tests.map((t) => ({ check: t.check_id, status: t.status, budget: t.budget ?? null, message: t.message }));

test("a check that hangs costs only that check: the other checks' results match pykata grade's", { skip: !PYKATA && "PYKATA is not set" }, async () => {
  const text = `${HEAD}prompt = "Double it."\nstarter = "def double(x):\\n    pass\\n"\nsolution = """\n${SOLUTION}"""\n${CHECKS}`;
  await page.evaluate((text) => {
    const kata = document.createElement("py-kata");
    kata.id = "hangs";
    const script = Object.assign(document.createElement("script"), { type: "application/toml", textContent: text });
    script.dataset.kata = "";
    kata.append(script);
    document.body.append(kata);
  }, text);
  const hangs = page.locator("#hangs");
  await hangs.scrollIntoViewIfNeeded();
  await hangs.locator(".pk-title", { hasText: "Double" }).waitFor({ timeout: 60000 });
  for (const source of [HANGS, HANGS_IN_A_BUILTIN]) {
    await hangs.locator(".cm-content").fill(source);
    const report = await hangs.evaluate((el) => el.check());
    const native = gradeNatively(source);
    assert.deepEqual(perCheck(report), perCheck(native), source);
    assert.deepEqual(
      perCheck(report).map((t) => [t.check, t.status, t.budget]),
      [["one", "pass", null], ["two", "error", "time"], ["three", "pass", null], ["four", "fail", null]],
    );
    assert.equal(await hangs.locator(".pk-status").textContent(), "2 of 4 checks pass.");
    assert.equal(await hangs.locator(".pk-results li").count(), 4);
    assert.match(await hangs.locator('.pk-results li[data-check="two"]').textContent(), /ran for more than 1 s/);
  }
  await page.evaluate(() => document.querySelector("#hangs").remove());
});

const logCalls = readFileSync(join(ROOT, "exercises/decorators/log-calls/solution.py"), "utf8");

test("Stop in one widget stops only that widget's work", async () => {
  // Widget 1 runs forever; widget 0's Check waits behind it for the one engine.
  await type(1, "while True:\n    pass\n");
  await press(1, "run");
  await busy(1);
  await type(0, logCalls);
  await press(0, "check");
  await busy(0);
  await press(1, "stop");
  await idle(1);
  assert.equal(await status(1).textContent(), "Stopped.");
  await idle(0);
  assert.equal(await status(0).textContent(), "All 6 checks pass.");

  // And the other way round: widget 0 runs forever; widget 1's Run, queued, is stopped alone.
  await type(0, "print('zero runs')\nwhile True:\n    pass\n");
  await press(0, "run");
  await output(0).locator(".stdout", { hasText: "zero runs" }).waitFor({ timeout: 60000 });
  await type(1, "print('one ran')\n");
  await press(1, "run");
  await busy(1);
  await press(1, "stop");
  await idle(1);
  assert.equal(await status(1).textContent(), "Stopped.");
  assert.equal(await status(0).textContent(), "Running…", "widget 0's program still runs");
  await press(0, "stop");
  await idle(0);
  assert.equal(await status(0).textContent(), "Stopped.");
});
