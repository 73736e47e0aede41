// The engine's messages in the page's language: a <py-kata> in German, in Canadian French and on
// a Simplified Chinese page grades with the real wasm engine in Chromium and words what it found
// from the report's message keys, with the learner's own text (traceback, names) as it is.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SITE } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

let session;
let browser;
let base;

before(async () => {
  session = await openInChromium(SITE);
  base = session.base;
  browser = session.browser;
});

after(async () => {
  await session?.close();
});

/** A page showing the log-calls exercise in `lang`, with `source` in its editor, checked.
 * @returns the widget's locator, its page, and the report the Check fired */
async function checkIn(lang, source) {
  const page = await browser.newPage();
  await page.goto(`${base}exercise.html#decorators/log-calls`);
  const widget = page.locator("py-kata");
  await widget.evaluate((el, lang) => el.setAttribute("lang", lang), lang);
  await widget.locator(".cm-content").fill(source);
  const report = widget.evaluate(
    (el) => new Promise((resolve) => el.addEventListener("result", (event) => resolve(event.detail), { once: true })),
  );
  await widget.locator('button[data-action="check"]').click();
  return { widget, page, report: await report };
}

test("German: a syntax error is reported in German around the learner's own traceback", async () => {
  const { widget, page, report } = await checkIn("de", "def log_calls(func:\n    return func\n");
  assert.equal(report.message_key, "syntax_error");
  const traceback = report.message_args.traceback;
  assert.match(traceback, /SyntaxError/);
  assert.equal(await widget.locator(".pk-output").textContent(), `Dein Code hat einen Syntaxfehler:\n${traceback}`);
  assert.equal(await widget.locator(".pk-status").textContent(), "Dein Code konnte nicht bewertet werden.");
  await page.close();
});

test("Canadian French: a check helper's finding is worded in French under the author's message", async () => {
  const noWraps = readFileSync(join(ROOT, "exercises/decorators/log-calls/wrong/no-wraps.py"), "utf8");
  const { widget, page, report } = await checkIn("fr-CA", noWraps);
  const failed = report.tests.find((test) => test.status === "fail");
  assert.equal(failed.message_key, "wrapper_name");
  const { actual, expected } = failed.message_args;
  const shown = await widget.locator(`.pk-results li[data-check="${failed.check_id}"] pre`).textContent();
  assert.equal(
    shown,
    `${failed.message_args.check_message}\n\nla fonction décorée s'appelle ${actual} au lieu de ${expected} — ` +
      "décorez votre wrapper avec @functools.wraps(func)",
  );
  assert.notEqual(shown, failed.message, "not the English text");
  assert.match(await widget.locator(".pk-status").textContent(), /^5 vérifications sur 6 réussissent\.$/);
  assert.equal(await widget.locator('button[data-action="check"]').textContent(), "Vérifier");
  await page.close();
});

// A Chinese page in either script, as a Chinese blogger would publish the blog post: only the
// document says the language.
for (const { lang, script, check, syntaxError, cannotGrade } of [
  { lang: "zh-CN", script: "Simplified", check: "检查", syntaxError: /^你的代码有语法错误：\n.*SyntaxError/s, cannotGrade: "无法评判你的代码。" },
  { lang: "zh-TW", script: "Traditional", check: "檢查", syntaxError: /^你的程式碼有語法錯誤：\n.*SyntaxError/s, cannotGrade: "無法評分你的程式碼。" },
]) {
  test(`a page in ${script} Chinese (<html lang=${lang}>) gets the UI and engine messages in ${script} characters`, async () => {
    const page = await browser.newPage();
    await page.route("**/blog.html", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
      await route.fulfill({ response, body });
    });
    await page.goto(`${base}blog.html`);
    const widget = page.locator("py-kata").first();
    await widget.locator(".cm-content").fill("def log_calls(func)\n    return func\n");
    assert.equal(await widget.locator('button[data-action="check"]').textContent(), check);
    await widget.locator('button[data-action="check"]').click();
    await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
    assert.match(await widget.locator(".pk-output").textContent(), syntaxError);
    assert.equal(await widget.locator(".pk-status").textContent(), cannotGrade);
    await page.close();
  });
}
