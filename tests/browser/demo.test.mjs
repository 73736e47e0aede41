// The demo site in real headless Chromium (Debian's, driven by playwright-core): an
// exercise is graded in the page, a runaway loop is stopped, and code survives a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, SITE } from "../support.mjs";
import { serve } from "../../www/serve.mjs";

let server;
let browser;
let page;
let base;

before(async () => {
  server = await serve(SITE);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage();
  await page.goto(`${base}#decorators/log-calls`);
  await page.locator("#code").waitFor();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const exerciseFile = (name) => readFileSync(join(ROOT, "exercises/decorators/log-calls", name), "utf8");

async function check(source) {
  await page.fill("#code", source);
  await page.click("#check");
  await page.locator("#run:not([disabled])").waitFor({ timeout: 60000 });
}

test("the index lists every pack", async () => {
  const headings = await page.locator("#packs h2").allTextContents();
  assert.deepEqual(headings, ["Context managers", "Decorators", "Generators"]);
});

test("the reference solution passes every check in the page", async () => {
  await check(exerciseFile("solution.py"));
  assert.equal(await page.locator("#status").textContent(), "All 6 checks pass.");
  assert.equal(await page.locator("#results li.pass").count(), 6);
});

test("a wrong solution shows the failing check's message", async () => {
  await check(exerciseFile("wrong/no-wraps.py"));
  const failed = page.locator("#results li.fail");
  assert.equal(await failed.count(), 1);
  assert.match(await failed.textContent(), /must still look like the original/);
  assert.match(await failed.textContent(), /functools\.wraps/);
});

test("Stop ends a runaway loop and the next Run works", async () => {
  await page.fill("#code", "while True:\n    pass\n");
  await page.click("#run");
  await page.locator("#stop:not([disabled])").waitFor();
  await page.click("#stop");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "Stopped.");
  assert.equal(await page.evaluate(() => 1 + 1), 2, "the page still responds");
  await page.fill("#code", "print('still alive')\n");
  await page.click("#run");
  await page.waitForFunction(() => document.querySelector("#output").textContent.includes("still alive"), null, {
    timeout: 60000,
  });
});

test("the learner's code survives a reload", async () => {
  await page.fill("#code", "# my work in progress\n");
  await page.reload();
  await page.locator("#code").waitFor();
  await page.waitForFunction(() => document.querySelector("#code").value === "# my work in progress\n");
});
