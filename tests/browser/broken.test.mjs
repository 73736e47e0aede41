// A page whose inline exercises an author got wrong — a misspelt field, an unknown kind, no
// checks — in every form a page can hold them (TOML element, the older JSON-in-HTML form, a
// `src` file written by hand): none ever grades, each shows its author what is wrong, and a
// valid exercise beside them still works.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SITE } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

const EXERCISE = `id = "double"
title = "Double it"
topic = "basics"
difficulty = "easy"
hints = ["Multiply by two.", "return x * 2"]
starter = "def double(x):\\n    return x\\n"
solution = "def double(x):\\n    return x * 2\\n"
`;
const CHECK = `
[[checks]]
id = "doubles"
kind = "assert"
title = "Doubles"
message = "double(3) must be 6."
code = "assert double(3) == 6"
`;

/** Each broken exercise, the field its diagnostic names, and a word its hints must contain. */
const BROKEN = [
  { name: "misspelt", toml: EXERCISE + CHECK.replace("code =", "cdoe ="), field: "checks[0].cdoe", near: "code" },
  { name: "kind", toml: EXERCISE + CHECK.replace('"assert"', '"asert"'), field: "checks[0].kind", near: "assert" },
  { name: "no-checks", toml: EXERCISE, field: "checks", near: null },
];
const toml = (text) => `<py-kata><script type="application/toml" data-kata>\n${text}</script></py-kata>`;
const jsonForm = `<py-kata name="json-typo" data-title="JSON typo">
  <pre data-kata="starter">def double(x):\n    return x\n</pre>
  <script type="text/x-python" data-kata="solution">def double(x):\n    return x * 2\n</script>
  <script type="application/json" data-kata="checks">
  [{"id": "doubles", "kind": "behaviour", "title": "Doubles", "message": "m", "cdoe": "assert double(3) == 6"}]
  </script>
</py-kata>`;
const handWritten = JSON.stringify({
  manifest: { id: "src-typo", title: "Src typo", topic: "t", difficulty: "easy", hints: [],
    checks: [{ id: "doubles", kind: "behavior", title: "Doubles", message: "m", code: "assert double(3) == 6" }] },
  prompt: "", starter: "", solution: "def double(x):\n    return x * 2\n",
});
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/pykata.js"></script></head><body>
${toml(EXERCISE + CHECK)}
${BROKEN.map((b) => toml(b.toml)).join("\n")}
${jsonForm}
<py-kata src="/held-out/src-typo.json"></py-kata>
</body></html>`;

let session;
let browser;
let page;

before(async () => {
  session = await openInChromium(SITE);
  const { base } = session;
  browser = session.browser;
  page = await browser.newPage({ viewport: { width: 900, height: 20000 } }); // every widget on screen
  await page.route(`${base}held-out/page.html`, (route) => route.fulfill({ contentType: "text/html", body: PAGE }));
  await page.route(`${base}held-out/src-typo.json`, (route) =>
    route.fulfill({ contentType: "application/json", body: handWritten }),
  );
  await page.goto(`${base}held-out/page.html`);
});

after(async () => {
  await session?.close();
});

const kata = (index) => page.locator("py-kata").nth(index);

/** What the widget at `index` shows its author, once it has been validated. */
async function authorPanel(index) {
  await kata(index).locator(".pk-author:not([hidden])").waitFor({ timeout: 60000 });
  return {
    text: await kata(index).locator(".pk-author").textContent(),
    diagnostics: await kata(index).evaluate((el) => el.diagnostics),
    report: await kata(index).evaluate((el) => el.check()),
    checkDisabled: await kata(index).locator('button[data-action="check"]').isDisabled(),
    editorShown: await kata(index).locator(".cm-content").count(),
  };
}

test("the valid exercise beside the broken ones grades", async () => {
  await kata(0).locator(".cm-content").waitFor({ timeout: 60000 });
  const report = await kata(0).evaluate(async (el) => {
    el.code = el.exercise.solution;
    return (await el.check()).status;
  });
  assert.equal(report, "pass");
});

for (const [offset, { name, field, near }] of BROKEN.entries()) {
  test(`an exercise text with ${name} never grades and tells its author ${field}`, async () => {
    const shown = await authorPanel(1 + offset);
    assert.equal(shown.report, null, "check() grades nothing");
    assert.equal(shown.checkDisabled, true);
    assert.equal(shown.editorShown, 0, "no editor for an exercise that cannot be graded");
    const diagnostic = shown.diagnostics.find((d) => d.field === field && d.severity === "error");
    assert.ok(diagnostic, JSON.stringify(shown.diagnostics));
    assert.ok(shown.text.includes(field), shown.text);
    if (near) assert.ok(diagnostic.hints.includes(`did you mean \`${near}\`?`), diagnostic.hints.join(" | "));
    assert.ok(!/crashed|engine/i.test(shown.text), `no talk of a crashed engine: ${shown.text}`);
  });
}

test("the older JSON-in-HTML form and a hand-written src file get the same validator", async () => {
  const json = await authorPanel(4);
  assert.equal(json.report, null);
  assert.ok(json.diagnostics.some((d) => d.field === "checks[0].cdoe" && d.hints.includes("did you mean `code`?")));
  const src = await authorPanel(5);
  assert.equal(src.report, null);
  assert.ok(src.diagnostics.some((d) => d.field === "checks[0].kind" && d.hints.includes("did you mean `behaviour`?")));
});
