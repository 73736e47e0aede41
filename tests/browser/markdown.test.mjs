// A blog post written in Markdown, with exercises as ```py-kata fences, rendered by three real
// renderers (markdown-it, Python-Markdown with fenced_code, Hugo with its default Goldmark and
// Chroma settings) and loaded in headless Chromium with the one script tag: each valid fence
// becomes a working <py-kata>, and the broken one shows its author what to fix and never grades.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { SITE } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

const POST = join(import.meta.dirname, "fixtures/post.md");
const source = readFileSync(POST, "utf8");
const fences = [...source.matchAll(/^```py-kata\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
/** A multi-line literal string of the first fence, exactly as TOML reads it. */
const literal = (key) => fences[0].match(new RegExp(`^${key} = '''\\n([\\s\\S]*?)'''$`, "m"))[1];
const STARTER = literal("starter");
const SOLUTION = literal("solution");
const TYPO_LINE = fences[1].split("\n").findIndex((line) => line.startsWith("cdoe =")) + 1;

/** The page a theme wraps a post's HTML in: the widget's script tag is the theme's job. */
const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title>
<script type="module" src="/pykata.js"></script></head>
<body><article>${body}</article></body></html>
`;

/** Each renderer turns the post into a whole HTML page. */
const RENDERERS = {
  "markdown-it": () => page(new MarkdownIt().render(source)),
  // Debian's python3-markdown is a module of /usr/bin/python3, not of whatever python3 is first
  // on PATH (pyenv, a virtualenv).
  "Python-Markdown": () =>
    page(execFileSync("/usr/bin/python3", ["-m", "markdown", "-x", "fenced_code", POST], { encoding: "utf8" })),
  Hugo: () => {
    const dir = mkdtempSync(join(tmpdir(), "pykata-hugo-"));
    try {
      mkdirSync(join(dir, "content"));
      mkdirSync(join(dir, "layouts/_default"), { recursive: true });
      writeFileSync(join(dir, "hugo.toml"), 'baseURL = "http://example.org/"\n');
      writeFileSync(join(dir, "content/post.md"), `---\ntitle: A post\n---\n${source}`);
      writeFileSync(join(dir, "layouts/_default/single.html"), page("{{ .Content }}"));
      execFileSync("hugo", ["--quiet", "-s", dir, "-d", join(dir, "public")]);
      return readFileSync(join(dir, "public/post/index.html"), "utf8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

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

/** A fresh page showing `html` at `<site>/posts/<slug>.html`, with the console errors it logs
 * and the details of the `invalid` events that reach its document. */
async function open(slug, html) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await tab.addInitScript(() => {
    window.invalidEvents = [];
    document.addEventListener("invalid", (event) => event.detail && window.invalidEvents.push(event.detail.diagnostics));
  });
  const url = `${base}posts/${slug}.html`;
  await tab.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await tab.goto(url);
  return { tab, errors };
}

test("the post's first exercise has < and & in its Python, and the second a misspelt field", () => {
  assert.equal(fences.length, 2);
  assert.match(STARTER, /"<b>" & "&amp;"/);
  assert.match(SOLUTION, /if n < 2 or not n & 1:/);
  assert.ok(TYPO_LINE > 0);
});

for (const [name, render] of Object.entries(RENDERERS)) {
  test(`${name}: the post's py-kata fences become exercises, and the broken one talks to its author`, async () => {
    const html = render();
    assert.equal((html.match(/class="language-py-kata/g) ?? []).length, 2, "the renderer marked both fences");
    const { tab, errors } = await open(name.toLowerCase().replace(/\W+/g, "-"), html);
    try {
      // (a) Each fence's block is replaced in place by a <py-kata>; other code blocks stay.
      await tab.waitForFunction(
        () => document.querySelectorAll("py-kata").length === 2 && !document.querySelector("code.language-py-kata"),
      );
      assert.equal(await tab.locator("code.language-python").count(), 1, "the python fence is untouched");
      const placed = await tab.$$eval("py-kata", (elements) =>
        elements.map((el) => [el.parentElement.closest("pre, code, .highlight") === null, el.previousElementSibling.textContent]),
      );
      assert.deepEqual(placed.map(([outside]) => outside), [true, true], "the whole block was replaced");
      assert.match(placed[0][1], /code in the browser\.$/, "the first exercise is where its fence was");
      assert.match(placed[1][1], /what to fix instead\.$/, "the second exercise is where its fence was");

      // An exercise text is read by the engine, so the editor shows once the engine is up.
      const good = tab.locator("py-kata").nth(0);
      await good.locator(".cm-content").waitFor({ timeout: 60000 });
      assert.equal(await good.locator(".pk-title").textContent(), "Only odd numbers");

      // (c) The Python is exactly the Markdown's: `<` and `&` came through the renderer.
      const exercise = await good.evaluate((el) => ({ starter: el.exercise.starter, solution: el.exercise.solution }));
      assert.deepEqual(exercise, { starter: STARTER, solution: SOLUTION });
      assert.equal(await good.evaluate((el) => el.code), STARTER, "the editor starts with the starter");

      // (b) It grades: the solution passes, the starter fails the check it should.
      const grade = (code) =>
        good.evaluate(async (el, code) => {
          el.code = code;
          const report = await el.check();
          return { status: report.status, tests: report.tests.map((t) => `${t.check_id} ${t.status}`) };
        }, code);
      assert.deepEqual(await grade(SOLUTION), { status: "pass", tests: ["skips pass", "calls pass"] });
      assert.deepEqual(await grade(STARTER), { status: "fail", tests: ["skips fail", "calls pass"] });

      // (d) The broken fence shows the author the field and the fix, and never grades.
      const broken = tab.locator("py-kata").nth(1);
      await broken.scrollIntoViewIfNeeded(); // a widget validates once the reader gets there
      const author = broken.locator(".pk-author");
      await author.waitFor({ timeout: 60000 });
      assert.match(await author.textContent(), /checks\[0\]\.cdoe/);
      assert.match(await author.textContent(), /did you mean\W+code\b/);
      assert.equal(await broken.evaluate((el) => el.check()), null);
      assert.equal(await broken.locator('button[data-action="check"]').isDisabled(), true);
      assert.equal(await broken.locator('button[data-action="run"]').isDisabled(), true);
      const diagnostics = await broken.evaluate((el) => el.diagnostics);
      const typo = diagnostics.find((d) => d.field === "checks[0].cdoe");
      assert.ok(typo, `a diagnostic names checks[0].cdoe: ${JSON.stringify(diagnostics)}`);
      assert.equal(typo.severity, "error");
      assert.ok(typo.hints.some((hint) => /did you mean\W+code\b/.test(hint)), typo.hints.join(" / "));
      assert.deepEqual([typo.span.line, typo.span.column], [TYPO_LINE, 1], "the span points into the fence");
      assert.deepEqual(await tab.evaluate(() => window.invalidEvents), [diagnostics], "one `invalid` event");
      assert.ok(errors.length > 0, "the page logs a console error for the author");
    } finally {
      await tab.close();
    }
  });
}
