// `pykata build` of a user's own packs, in Chromium: the real CLI builds two packs scaffolded
// by `pykata new` into a temporary folder; the index lists them, an exercise's page loads its
// widget, its solution passes, "Next" leads on (into the next pack), the prompt reads without
// JavaScript, and a page opened from a file says it must be served over HTTP.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scaffoldedSite } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

let dir;
let site;
let session;
let browser;
let base;

before(async () => {
  ({ dir, site } = scaffoldedSite("pykata-site-test-", [
    ["basics", "Basics", [["hello", "Say hello"]]],
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

test("the index lists the user's packs; an exercise's page grades its solution and leads to the next", async () => {
  const page = await browser.newPage();
  await page.goto(base);
  assert.equal(await page.title(), "Exercises");
  assert.deepEqual(await page.locator("#packs h2").allTextContents(), ["Basics", "Loops"]);
  assert.deepEqual(await page.locator("#packs li a").allTextContents(), ["Say hello", "Count up"]);
  assert.equal(await page.locator("#over-http").isVisible(), false, "served over HTTP: no notice");
  assert.equal((await fetch(new URL("blog.html", base))).status, 404, "no pykata demo pages");

  await page.getByRole("link", { name: "Say hello" }).click();
  await page.waitForURL(`${base}exercises/basics/hello.html`);
  const kata = page.locator("py-kata");
  await kata.locator(".pk-title", { hasText: "Say hello" }).waitFor({ timeout: 60000 });
  const status = await kata.evaluate(async (el) => {
    el.code = el.exercise.solution;
    return (await el.check())?.status;
  });
  assert.equal(status, "pass");
  assert.equal(await page.locator('a[rel="prev"]').count(), 0, "the first exercise has no previous one");

  await page.getByRole("link", { name: "Next: Count up" }).click();
  await page.waitForURL(`${base}exercises/loops/count.html`);
  await page.locator("py-kata .pk-title", { hasText: "Count up" }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('a[rel="prev"]').textContent(), "← Previous: Say hello");
  assert.equal(await page.locator('a[rel="next"]').count(), 0, "the last exercise has no next one");
  await page.getByRole("link", { name: "← All exercises" }).click();
  await page.waitForURL(base);
  await page.close();
});

test("with JavaScript off, an exercise's page still shows its prompt and starter", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}exercises/basics/hello.html`);
  const text = await page.locator("py-kata").innerText();
  assert.match(text, /what the learner must write/);
  assert.match(text, /def answer\(\):/);
  await context.close();
});

test("exercise.html lists the packs, and shows the exercise its hash names", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}exercise.html`);
  assert.deepEqual(await page.locator("#packs h2").allTextContents(), ["Basics", "Loops"]);
  await page.goto(`${base}exercise.html#loops/count`);
  await page.locator("py-kata .pk-title", { hasText: "Count up" }).waitFor({ timeout: 60000 });
  assert.equal(await page.getByRole("link", { name: "Count up" }).getAttribute("href"), "exercises/loops/count.html");
  await page.close();
});

test("opened from a file, the pages say they must be served over HTTP", async () => {
  const page = await browser.newPage();
  for (const file of ["index.html", "exercises/basics/hello.html"]) {
    await page.goto(pathToFileURL(join(site, file)).href);
    const notice = page.locator("#over-http");
    assert.equal(await notice.isVisible(), true, file);
    assert.match(await notice.textContent(), /must be served over HTTP.*python3 -m http\.server/s, file);
  }
  await page.close();
});
