// The learner's progress, in Chromium, on a site the real CLI builds from two packs scaffolded
// by `pykata new`: revealed hints and the last results survive a reload, the `progress` event
// and the `progress()` API tell the host each exercise's state, the index marks solved and
// attempted exercises and counts each pack, next/previous links walk the packs in order, and
// progress exported to a file comes back by importing it, while a broken file is refused.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { scaffoldedSite } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

let dir;
let site;
let session;
let browser;
let base;

before(async () => {
  ({ dir, site } = scaffoldedSite("pykata-progress-test-", [
    ["basics", "Basics", [["hello", "Say hello"], ["add", "Add up"]]],
    ["loops", "Loops", [["count", "Count up"]]],
  ]));
  session = await openInChromium(site);
  base = session.base;
  browser = session.browser;
});

after(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open exercise `path` (`<pack>/<exercise>`) in `page` and wait for its widget to show it. */
async function openExercise(page, path) {
  await page.goto(`${base}exercises/${path}.html`);
  const kata = page.locator("py-kata");
  await kata.locator(".cm-content").waitFor({ timeout: 60000 });
  return kata;
}

/** Check the code in the widget through its button, and wait until the Check is over. */
async function check(kata) {
  await kata.locator('button[data-action="check"]').click();
  await kata.locator(".pk-status.pass, .pk-status.fail").waitFor({ timeout: 60000 });
  await kata.locator('button[data-action="check"]:not([disabled])').waitFor({ timeout: 60000 });
}

/** Everything pykata keeps in the page's localStorage. */
const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith("pykata:"))));

test("revealed hints and the last results survive a reload", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let kata = await openExercise(page, "basics/hello");
  await kata.locator('button[data-action="hint"]').click();
  await check(kata);
  const results = await kata.locator(".pk-results li").allTextContents();
  assert.ok(results.length > 0 && (await kata.locator(".pk-results li.fail").count()) > 0, "the starter fails a check");

  await page.reload();
  kata = page.locator("py-kata");
  await kata.locator(".pk-results li").first().waitFor({ timeout: 60000 });
  assert.deepEqual(await kata.locator(".pk-results li").allTextContents(), results, "the last results are back");
  assert.deepEqual(await kata.locator(".pk-hints li").allTextContents(), ["TODO: the gentlest hint — what to think about."]);
  assert.equal(await kata.locator('button[data-action="hint"]').textContent(), "Hint 2 of 3", "the next hint is the second");
  await context.close();
});

test("a corrupt stored record or report does not break the widget, and the code is kept", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}index.html`);
  await page.evaluate(() => {
    localStorage.setItem("pykata:v1:code:/exercises/basics/add.json", "def answer():\n    return 'kept'\n");
    localStorage.setItem("pykata:v1:state:/exercises/basics/add.json", "{not json");
    localStorage.setItem("pykata:v1:report:/exercises/basics/add.json", JSON.stringify({ status: 3 }));
  });
  const kata = await openExercise(page, "basics/add");
  assert.equal(await kata.evaluate((el) => el.code), "def answer():\n    return 'kept'\n");
  assert.equal(await kata.locator(".pk-results li").count(), 0);
  assert.equal(await kata.locator(".pk-hints li").count(), 0);
  await check(kata);
  const [entry] = await page.evaluate(async () => (await import("/pykata.js")).progress());
  assert.equal(entry.exercise, "/exercises/basics/add.json");
  assert.equal(entry.state, "attempted", "a Check writes a fresh record over the corrupt one");
  await context.close();
});

test("`progress` events and progress() give the state after a failing, then a passing Check", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const kata = await openExercise(page, "loops/count");
  await page.evaluate(() => {
    window.events = [];
    document.addEventListener("progress", (event) => window.events.push(event.detail));
  });
  await check(kata);
  await kata.evaluate((el) => (el.code = el.exercise.solution));
  await check(kata);
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(
    events.map(({ exercise, state, passed, total }) => ({ exercise, state, passed, total })),
    [
      { exercise: "/exercises/loops/count.json", state: "attempted", passed: events[0].passed, total: 2 },
      { exercise: "/exercises/loops/count.json", state: "solved", passed: 2, total: 2 },
    ],
  );
  assert.ok(events[0].passed < 2, "the starter passes fewer checks");
  assert.ok(Date.parse(events[1].checkedAt) >= Date.parse(events[0].checkedAt), "each says when it was checked");
  const listed = await page.evaluate(async () => (await import("/pykata.js")).progress());
  assert.deepEqual(
    listed.map(({ exercise, state, passed, hasCode }) => ({ exercise, state, passed, hasCode })),
    [{ exercise: "/exercises/loops/count.json", state: "solved", passed: 2, hasCode: true }],
  );
  await context.close();
});

test("the index marks an exercise solved once its Check passes, and its pack's count moves", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  const counts = () => page.locator("#packs .pykata-count").allTextContents();
  const marks = () => page.locator("#packs li").evaluateAll((items) => items.map((item) => item.dataset.progress));
  await page.locator("#packs .pykata-count").first().waitFor();
  assert.deepEqual(await counts(), ["0 of 2 solved", "0 of 1 solved"]);
  assert.deepEqual(await marks(), ["not-started", "not-started", "not-started"]);

  await page.getByRole("link", { name: "Add up" }).click();
  const kata = page.locator("py-kata");
  await kata.locator(".cm-content").waitFor({ timeout: 60000 });
  await check(kata);
  await kata.evaluate((el) => (el.code = el.exercise.solution));
  await check(kata);
  await page.getByRole("link", { name: "← All exercises" }).click();
  await page.waitForURL(base);
  await page.locator('#packs li[data-progress="solved"]').waitFor();
  assert.deepEqual(await counts(), ["1 of 2 solved", "0 of 1 solved"]);
  assert.deepEqual(await marks(), ["not-started", "solved", "not-started"]);
  assert.equal(await page.locator('#packs li[data-progress="solved"] .pykata-mark').textContent(), "✓ Solved");

  // Another exercise only attempted, in another tab: this index follows.
  const other = await context.newPage();
  await check(await openExercise(other, "loops/count"));
  await page.locator('#packs li[data-progress="attempted"]').waitFor();
  assert.equal(await page.locator('#packs li[data-progress="attempted"] .pykata-mark').textContent(), "Attempted");
  assert.deepEqual(await counts(), ["1 of 2 solved", "0 of 1 solved"]);
  await context.close();
});

test("next and previous links walk every exercise in pack order, and back", async () => {
  const page = await browser.newPage();
  const order = ["basics/hello", "basics/add", "loops/count"];
  await page.goto(`${base}exercises/${order[0]}.html`);
  for (const path of order.slice(1)) {
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`${base}exercises/${path}.html`);
  }
  assert.equal(await page.locator('a[rel="next"]').count(), 0);
  for (const path of order.slice(0, -1).reverse()) {
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`${base}exercises/${path}.html`);
  }
  assert.equal(await page.locator('a[rel="prev"]').count(), 0);
  await page.close();
});

test("progress exported to a file, then wiped, comes back by importing the file", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const kata = await openExercise(page, "basics/hello");
  const mine = "def answer():\n    return 'mine'\n";
  await kata.locator(".cm-content").fill(mine);
  await check(kata);
  await page.goto(base);
  const before = await stored(page);
  assert.ok(Object.keys(before).length >= 3, "code, record and report stored");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export progress" }).click()]);
  const file = join(dir, "exported.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(exported.format, "pykata-progress");
  assert.equal(exported.exercises[0].code, mine);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#packs li[data-progress="not-started"]').first().waitFor();
  assert.equal(await page.locator('#packs li[data-progress="attempted"]').count(), 0);

  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import progress" }).click()]);
  await chooser.setFiles(file);
  await page.getByRole("status").filter({ hasText: "Imported 1 exercise(s)" }).waitFor();
  assert.deepEqual(await stored(page), before, "every stored value is back");
  assert.equal(await page.locator("#packs li").first().getAttribute("data-progress"), "attempted");
  const restored = await openExercise(page, "basics/hello");
  assert.equal(await restored.evaluate((el) => el.code), mine);
  await restored.locator(".pk-results li").first().waitFor();

  // Importing the same file again keeps what this browser has (it is not older).
  const outcome = await page.evaluate(async (text) => (await import("/pykata.js")).importProgress(text), readFileSync(file, "utf8"));
  assert.deepEqual(outcome, { imported: [], kept: ["/exercises/basics/hello.json"] });
  await context.close();
});

test("a malformed progress file is refused with a message saying what is wrong, and changes nothing", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("pykata:v1:code:/exercises/basics/hello.json", "print('keep me')\n"));
  await page.reload();
  const before = await stored(page);
  const status = page.locator(".pykata-progress-tools [role=status]");
  const cases = [
    ["not json at all", /not a progress file \(it is not JSON: .+\)\. Nothing was changed\./],
    [JSON.stringify({ hello: "world" }), /^This file is not a pykata progress file\. Nothing was changed\.$/],
    [JSON.stringify({ format: "pykata-progress", version: 99, exercises: [] }), /newer pykata \(version 99\)/],
    [
      JSON.stringify({
        format: "pykata-progress",
        version: 1,
        exercises: [
          { exercise: "/exercises/loops/count.json", state: "solved", passed: 2, total: 2, checkedAt: null, hints: 0, updatedAt: "2030-01-01T00:00:00Z", code: "x", report: null },
          { exercise: "/exercises/basics/hello.json", state: "finished", passed: 1, total: 2, checkedAt: null, hints: 0, updatedAt: null, code: "y", report: null },
        ],
      }),
      /^This progress file is damaged: its exercise number 2 has no valid “state”\. Nothing was changed\.$/,
    ],
  ];
  for (const [text, message] of cases) {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import progress" }).click()]);
    await chooser.setFiles({ name: "progress.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector(".pykata-progress-tools [role=status]")?.textContent ?? ""), message.source);
    assert.match(await status.textContent(), message);
    assert.deepEqual(await stored(page), before, "nothing stored changed");
    await page.evaluate(() => (document.querySelector(".pykata-progress-tools [role=status]").textContent = ""));
  }
  assert.equal(await page.locator('#packs li[data-progress="solved"]').count(), 0);
  const error = await page.evaluate(async () => {
    try {
      (await import("/pykata.js")).importProgress("[]");
    } catch (error) {
      return { name: error.name, reason: error.reason };
    }
  });
  assert.deepEqual(error, { name: "ProgressFileError", reason: "importNotProgress" });
  await context.close();
});
