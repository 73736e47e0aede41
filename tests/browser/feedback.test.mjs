// What a learner reads after Check, in real headless Chromium on the built blog page: one
// message for checks that fail alike, inline Markdown in hints and messages (never HTML), the
// first difference of an output marked, a failed check's link to its hint, and tracebacks
// naming the learner's file after the exercise.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SITE } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

let session;
let browser;
let page;

const EXERCISE = `
id = "greet-twice"
title = "Greet twice"
topic = "basics"
difficulty = "easy"
hints = ["Set \`NAME\` first.", "Print **two** lines, see [print](https://docs.python.org/3/library/functions.html#print) <img src=x onerror=alert(1)>."]
prompt = "Greet Ada twice."
starter = "NAME = 'Ada'\\n"
solution = """
NAME = "Ada"
print(f"Hello, {NAME}!")
print(f"Bye, {NAME}!")
"""

[[checks]]
id = "greets"
kind = "output"
title = "Greets"
message = "Print *exactly* two lines."
expected = "Hello, Ada!\\nBye, Ada!\\n"
hint = 2

[[checks]]
id = "defines"
kind = "assert"
title = "Defines NAME"
message = "Keep the \`NAME\` variable."
code = "assert NAME == 'Ada'"

[[checks]]
id = "static"
kind = "static"
title = "No eval"
message = "Do not call eval()."
must_not_call = ["eval"]
`;

before(async () => {
  session = await openInChromium(SITE);
  browser = session.browser;
  page = await browser.newPage();
  await page.goto(`${session.base}blog.html`);
  await page.evaluate((text) => {
    const kata = document.createElement("py-kata");
    kata.id = "feedback";
    const script = Object.assign(document.createElement("script"), { type: "application/toml", textContent: text });
    script.dataset.kata = "";
    kata.append(script);
    document.body.prepend(kata);
  }, EXERCISE);
  await widget().locator(".pk-title", { hasText: "Greet twice" }).waitFor({ timeout: 60000 });
});

after(async () => {
  await session?.close();
});

const widget = () => page.locator("#feedback");
const result = (check) => widget().locator(`.pk-results li[data-check="${check}"]`);

/** Put `source` in the editor, press Check and wait for the report. */
async function check(source) {
  await widget().locator(".cm-content").fill(source);
  await widget().locator('button[data-action="check"]').click();
  await widget().locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
}

test("checks failing with the same traceback show it once, naming the learner's file after the exercise", async () => {
  await check("NAME = 'Ada'\nraise ValueError('no greeting yet')\n");
  const first = result("greets");
  assert.equal(await first.locator("pre").count(), 1);
  assert.match(await first.locator("pre").textContent(), /File "greet_twice\.py", line 2, in <module>/);
  assert.doesNotMatch(await first.locator("pre").textContent(), /solution\.py/);
  assert.equal(await first.locator(".pk-same").textContent(), "Same error in 2 checks: Greets, Defines NAME");
  const second = result("defines");
  assert.equal(await second.locator("pre").count(), 0, "the traceback is not repeated");
  assert.equal(await second.locator(".pk-same").textContent(), "Same error as “Greets” above.");
  assert.equal(await result("static").getAttribute("class"), "pass");
});

test("an output mismatch marks its first difference, and the failed check links to its hint", async () => {
  await check('NAME = "Ada"\nprint(f"Hello, {NAME}!")\nprint(f"Bye {NAME}!")\n');
  const greets = result("greets");
  const rows = greets.locator(".pk-diff tr");
  assert.deepEqual(await rows.allInnerTexts(), ["Expected\tBye, Ada!", "Your output\tBye Ada!"]);
  assert.deepEqual(await greets.locator(".pk-diff mark").allTextContents(), [",", " "]);
  assert.match(await greets.locator("pre").textContent(), /The first difference is on line 2, column 4\./);
  // The check's own message is Markdown: *exactly* is emphasis.
  assert.equal(await greets.locator("pre em").textContent(), "exactly");

  assert.equal(await widget().locator(".pk-hints li").count(), 0);
  const link = greets.locator("button.pk-hint-link");
  assert.equal(await link.textContent(), "Hint 2");
  await link.click();
  const hints = widget().locator(".pk-hints li");
  assert.equal(await hints.count(), 2, "hints up to the second are revealed");
  assert.equal(await widget().evaluate((el) => el.shadowRoot.activeElement?.textContent?.startsWith("Print two lines")), true);
  assert.equal(await widget().locator('button[data-action="hint"]').isDisabled(), true);
});

test("hints render inline Markdown as elements and never HTML", async () => {
  const hints = widget().locator(".pk-hints li");
  assert.equal(await hints.nth(0).locator("code").textContent(), "NAME");
  assert.equal(await hints.nth(1).locator("strong").textContent(), "two");
  const link = hints.nth(1).locator("a");
  assert.equal(await link.getAttribute("href"), "https://docs.python.org/3/library/functions.html#print");
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.equal(await hints.nth(1).locator("img").count(), 0, "HTML in a hint stays text");
  assert.match(await hints.nth(1).textContent(), /<img src=x onerror=alert\(1\)>\.$/);
});
