// The <py-kata> widget for keyboard and screen-reader users, read from Chromium's own
// accessibility tree (through the DevTools protocol), and its look where a test can measure
// it: the dark editor, the phone-sized font, the bounded output and the toolbar's wrapping.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SITE } from "../support.mjs";
import { openInChromium } from "./chromium.mjs";

let session;
let browser;
let page;
let base;
let cdp;

before(async () => {
  session = await openInChromium(SITE);
  base = session.base;
  browser = session.browser;
  page = await browser.newPage();
  await page.goto(`${base}blog.html`);
  await page.locator("py-kata .cm-content").first().waitFor();
  cdp = await page.context().newCDPSession(page);
});

after(async () => {
  await session?.close();
});

/** The inline exercise ("Always close": two checks). */
const kata = () => page.locator("py-kata").nth(1);
const button = (action) => kata().locator(`button[data-action="${action}"]`);
const waitIdle = () => kata().locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
const solution = () => kata().evaluate((el) => el.exercise.solution);

/** Type `source` into the editor, replacing what is there. */
async function type(source) {
  await kata().locator(".cm-content").fill(source);
  assert.equal(await kata().evaluate((el) => el.code), source);
}

/** An AX node's properties as an object ({ focused: true, live: "polite", … }). */
const propertiesOf = (node) => Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value.value]));

/** The accessibility tree of the widget's part `selector` (default: all of it), as Chromium
 * gives it to screen readers: the nodes that are not ignored. */
async function axTree(selector = ".pk") {
  const { result } = await cdp.send("Runtime.evaluate", {
    expression: `document.querySelectorAll("py-kata")[1].shadowRoot.querySelector(${JSON.stringify(selector)})`,
  });
  const { nodes } = await cdp.send("Accessibility.queryAXTree", { objectId: result.objectId });
  return nodes.filter((node) => !node.ignored);
}

/** The node the accessibility tree says has focus, as { role, name, disabled }: the document
 * itself (RootWebArea) when no element inside it has. */
async function focusedNode() {
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const focused = nodes.filter((n) => !n.ignored && propertiesOf(n).focused);
  const node = focused.find((n) => n.role?.value !== "RootWebArea") ?? focused[0];
  return { role: node?.role?.value, name: node?.name?.value, disabled: Boolean(node && propertiesOf(node).disabled) };
}

/** Wait until `check()` holds (polled), failing with `what` after `timeout` ms. */
async function until(check, what, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("Enter on Run moves focus to Stop while it works; Enter on Stop brings focus back to Run", async () => {
  await type("while True:\n    pass\n");
  await button("run").focus();
  await page.keyboard.press("Enter");
  await kata().locator('button[data-action="stop"]:not([disabled])').waitFor();
  assert.deepEqual(await focusedNode(), { role: "button", name: "Stop", disabled: false });
  await page.keyboard.press("Enter");
  await waitIdle();
  assert.equal(await kata().locator(".pk-status").textContent(), "Stopped.");
  assert.deepEqual(await focusedNode(), { role: "button", name: "Run", disabled: false });
});

test("after Enter on Check, focus is on the Check button again; focus elsewhere on the page is never taken", async () => {
  await type(await solution());
  await button("check").focus();
  await page.keyboard.press("Enter");
  await waitIdle();
  assert.equal(await kata().locator(".pk-status").textContent(), "All 2 checks pass.");
  assert.deepEqual(await focusedNode(), { role: "button", name: "Check", disabled: false });

  // A Check the host page starts while the reader is elsewhere leaves focus there.
  await page.evaluate(() => {
    const field = Object.assign(document.createElement("input"), { id: "elsewhere", ariaLabel: "elsewhere" });
    document.body.append(field);
    field.focus();
  });
  await kata().evaluate((el) => el.check());
  assert.deepEqual(await focusedNode(), { role: "textbox", name: "elsewhere", disabled: false });
  await page.evaluate(() => document.querySelector("#elsewhere").remove());
});

test("Reset, Hint and Show solution keep focus on a live control, the last hint too", async () => {
  await button("reset").focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await focusedNode(), { role: "button", name: "Reset", disabled: false });
  const hints = await kata().evaluate((el) => el.exercise.manifest.hints.length);
  assert.equal(hints, 2);
  await button("hint").focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await focusedNode(), { role: "button", name: "Hint 2 of 2", disabled: false });
  await page.keyboard.press("Enter");
  assert.equal(await button("hint").isDisabled(), true, "no hint left");
  const focused = await focusedNode();
  assert.equal(focused?.role, "button");
  assert.equal(focused.disabled, false, `focus is on a live control: ${JSON.stringify(focused)}`);
  await kata().evaluate((el) => el.setAttribute("solution", "always"));
  await button("solution").focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await focusedNode(), { role: "button", name: "Put the solution in the editor", disabled: false });
  await kata().evaluate((el) => el.removeAttribute("solution"));
});

test("each result's accessible name says passed or failed, then the check's title; the marks are hidden", async () => {
  await type(await kata().evaluate((el) => el.exercise.starter));
  await button("check").click();
  await waitIdle();
  const failing = (await axTree(".pk-results")).filter((n) => n.role?.value === "listitem");
  assert.deepEqual(
    failing.map((n) => n.name?.value),
    ["failed: Closes the resource", "failed: Closes even when the block raises"],
  );
  assert.match(failing[0].description?.value ?? "", /close\(\) must run when the block ends/, "the message describes the item");
  const text = (await axTree(".pk-results")).map((n) => n.name?.value ?? "").join(" ");
  assert.doesNotMatch(text, /[✓✗]/, "the ✓/✗ marks are not read");

  await type(await solution());
  await kata().evaluate((el) => el.setAttribute("lang", "de"));
  await button("check").click();
  await waitIdle();
  const passing = (await axTree(".pk-results")).filter((n) => n.role?.value === "listitem");
  assert.deepEqual(
    passing.map((n) => n.name?.value),
    ["bestanden: Closes the resource", "bestanden: Closes even when the block raises"],
  );
  await kata().evaluate((el) => el.removeAttribute("lang"));
});

test("the status is announced by exactly one polite live region, once", async () => {
  await type("print('x'\n");
  await button("check").click();
  await waitIdle();
  const status = await kata().locator(".pk-status").textContent();
  assert.ok(status, "there is a status to announce");
  const nodes = await axTree();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const live = (n) => n && (propertiesOf(n).live ?? "off") !== "off";
  // A live region's root: live, under no live ancestor.
  const roots = nodes.filter((n) => live(n) && !live(byId.get(n.parentId)) && !/Text|InlineTextBox/.test(n.role?.value));
  const texts = [];
  for (const root of roots) {
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: root.backendDOMNodeId });
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      functionDeclaration: "function () { return this.textContent; }",
      returnByValue: true,
    });
    texts.push({ role: root.role?.value, live: propertiesOf(root).live, text: result.value });
  }
  const announcing = texts.filter((region) => region.text.includes(status));
  assert.deepEqual(announcing, [{ role: "status", live: "polite", text: status }], JSON.stringify(texts));
  assert.equal(await kata().locator(".pk-status").getAttribute("aria-live"), null, "role=status alone: no second aria-live");
});

test("Ctrl+Enter checks and Shift+Enter runs from inside the editor, without typing a newline", async () => {
  const code = await solution();
  await type(code);
  await kata().locator(".cm-content").focus();
  await page.keyboard.press("Control+Enter");
  await waitIdle();
  await until(async () => (await kata().locator(".pk-status").textContent()) === "All 2 checks pass.", "the Check");
  assert.equal(await kata().evaluate((el) => el.code), code, "no blank line inserted");

  await type("print('ran')\n");
  await kata().locator(".cm-content").focus();
  await page.keyboard.press("Shift+Enter");
  await until(async () => (await kata().locator(".pk-output .stdout").textContent().catch(() => "")) === "ran\n", "the Run");
  assert.equal(await kata().evaluate((el) => el.code), "print('ran')\n", "no newline inserted");
  assert.equal((await focusedNode())?.role, "textbox", "focus stays in the editor");
});

test("the shortcuts work anywhere in the widget and are named on the buttons", async () => {
  await type(await solution());
  await kata().locator(".pk-stdin summary").focus();
  await page.keyboard.press("Control+Enter");
  await until(async () => (await kata().locator(".pk-status").textContent()) === "All 2 checks pass.", "the Check");
  const buttons = (await axTree(".pk-toolbar")).filter((n) => n.role?.value === "button");
  const named = Object.fromEntries(
    buttons.map((n) => [n.name?.value, { keys: propertiesOf(n).keyshortcuts, description: n.description?.value }]),
  );
  assert.deepEqual(named.Check, { keys: "Control+Enter", description: "Check (Ctrl+Enter)" });
  assert.deepEqual(named.Run, { keys: "Shift+Enter", description: "Run (Shift+Enter)" });
});

test("the Escape-then-Tab tip is shown while the editor has focus, not only to screen readers", async () => {
  const tip = kata().locator(".pk-keytip");
  await button("run").focus();
  assert.equal(await tip.isVisible(), false);
  await kata().locator(".cm-content").focus();
  assert.equal(await tip.isVisible(), true);
  assert.equal(await tip.textContent(), "Escape, then Tab, leaves the editor · Ctrl+Enter checks · Shift+Enter runs");
  const box = await tip.boundingBox();
  assert.ok(box.height > 8 && box.width > 100, `the tip is a visible line: ${JSON.stringify(box)}`);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.equal(await tip.isVisible(), false, "gone once focus leaves the editor");
});

/** The colour a translucent CSS colour makes over an opaque one, as [r, g, b]. */
function over(top, bottom) {
  const [r, g, b, a = 1] = top.match(/[\d.]+/g).map(Number);
  const under = bottom.match(/[\d.]+/g).map(Number);
  return [r, g, b].map((c, i) => c * a + under[i] * (1 - a));
}
const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

test("dark mode reaches CodeMirror's gutter, active line, selection and cursor", async () => {
  const dark = await browser.newPage({ colorScheme: "dark" });
  try {
    await dark.goto(`${base}blog.html`);
    const widget = dark.locator("py-kata").nth(1);
    await widget.locator(".cm-content").click();
    await dark.keyboard.press("Shift+ArrowUp");
    const style = (selector, property) =>
      widget.locator(selector).first().evaluate((el, property) => getComputedStyle(el)[property], property);
    const panel = await style(".cm-editor", "backgroundColor");
    assert.equal(panel, "rgb(37, 40, 46)");
    assert.equal(await style(".cm-gutters", "backgroundColor"), panel, "the gutter is the dark panel");
    for (const part of [".cm-activeLineGutter", ".cm-activeLine", ".cm-selectionBackground"]) {
      const colour = over(await style(part, "backgroundColor"), panel);
      assert.ok(luminance(colour) < 0.35, `${part} is dark: ${colour}`);
    }
    assert.ok(luminance(over(await style(".cm-cursor", "borderLeftColor"), panel)) > 0.7, "the cursor is light");
    assert.equal(await style(".cm-editor", "outlineColor"), "rgb(138, 180, 255)", "the focus outline is the dark accent");
  } finally {
    await dark.close();
  }
});

test("on a phone-sized screen the editor and the input box use at least 16 px text", async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
  try {
    await phone.goto(`${base}blog.html`);
    const widget = phone.locator("py-kata").first();
    await widget.locator(".cm-content").waitFor();
    const size = (selector) => widget.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok((await size(".cm-content")) >= 16, `editor text ${await size(".cm-content")} px`);
    assert.ok((await size(".pk-stdin textarea")) >= 16, `input box text ${await size(".pk-stdin textarea")} px`);
  } finally {
    await phone.close();
  }
});

/** The height, scrolled height and overflow of the widget's boxes `selector`. */
const boxes = (widget, selector) =>
  widget.evaluate(
    (el, selector) =>
      [...el.shadowRoot.querySelectorAll(selector)].map((box) => ({
        height: box.getBoundingClientRect().height,
        scrollHeight: box.scrollHeight,
        overflowY: getComputedStyle(box).overflowY,
      })),
    selector,
  );

/** Assert that `box` is at most 400 px tall and scrolls through far more. */
function assertBounded(box, what) {
  assert.ok(box.height <= 400, `${what}: the box is ${box.height} px tall`);
  assert.ok(box.scrollHeight > 10 * box.height, `${what}: it holds ${box.scrollHeight} px`);
  assert.equal(box.overflowY, "auto", what);
}

test("long output scrolls inside a bounded box, a Run's and a Check's message alike", async () => {
  const flood = "for i in range(100000):\n    print('line', i)\n";
  await type(flood);
  await button("run").click();
  await waitIdle();
  assertBounded((await boxes(kata(), ".pk-output"))[0], "Run output");

  // An output check shows what the program printed in its message.
  const text = readFileSync(join(ROOT, "tests/fixtures/shout.toml"), "utf8").replace(
    /\[\[checks\]\][^]*/,
    '[[checks]]\nid = "prints"\nkind = "output"\ntitle = "Prints hi"\nmessage = "Print hi."\nexpected = "hi\\n"\n',
  );
  await page.evaluate((text) => {
    const kata = document.createElement("py-kata");
    kata.id = "flood";
    const script = Object.assign(document.createElement("script"), { type: "application/toml", textContent: text });
    script.dataset.kata = "";
    kata.append(script);
    document.body.append(kata);
  }, text);
  const widget = page.locator("#flood");
  try {
    await widget.scrollIntoViewIfNeeded();
    await widget.locator(".pk-title", { hasText: "Shout" }).waitFor({ timeout: 60000 });
    await widget.locator(".cm-content").fill(flood);
    await widget.locator('button[data-action="check"]').click();
    await widget.locator('button[data-action="run"]:not([disabled])').waitFor({ timeout: 60000 });
    assert.equal(await widget.locator(".pk-status").textContent(), "0 of 1 checks pass.");
    assertBounded((await boxes(widget, ".pk-results pre"))[0], "the check's message");
  } finally {
    await page.evaluate(() => document.querySelector("#flood").remove());
  }
});

test("the toolbar wraps cleanly in every language, on a phone and a tablet", async () => {
  for (const width of [375, 720]) {
    for (const lang of ["en", "de", "es", "fr", "hi", "zh", "zh-Hant"]) {
      const sized = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await sized.goto(`${base}blog.html`);
        const widget = sized.locator("py-kata").nth(1);
        // Every button shown: the solution's too.
        await widget.evaluate((el, lang) => (el.setAttribute("lang", lang), el.setAttribute("solution", "always")), lang);
        await widget.locator(".cm-content").waitFor();
        const layout = await widget.locator(".pk-toolbar").evaluate((toolbar) => ({
          toolbar: toolbar.getBoundingClientRect().toJSON(),
          buttons: [...toolbar.querySelectorAll("button:not([hidden])")].map((b) => ({
            label: b.textContent,
            group: b.parentElement.className,
            box: b.getBoundingClientRect().toJSON(),
            clipped: b.scrollWidth > b.clientWidth,
          })),
        }));
        const where = `${lang} at ${width} px: ${JSON.stringify(layout.buttons.map((b) => [b.label, Math.round(b.box.left), Math.round(b.box.top)]))}`;
        assert.equal(layout.buttons.length, 6, where);
        for (const b of layout.buttons) {
          assert.equal(b.clipped, false, `${b.label} fits its button; ${where}`);
          assert.ok(b.box.right <= layout.toolbar.right + 0.5, `${b.label} stays inside the toolbar; ${where}`);
        }
        // Rows of buttons, by their top edge; a row never mixes the two groups' rows halfway.
        const rows = new Map();
        for (const b of layout.buttons) rows.set(Math.round(b.box.top), [...(rows.get(Math.round(b.box.top)) ?? []), b]);
        for (const row of rows.values()) {
          assert.ok(Math.abs(row[0].box.left - layout.toolbar.left) < 0.5, `each row starts at the left edge; ${where}`);
          if (rows.size > 1 && width < 500) {
            const right = row.at(-1).box.right;
            assert.ok(Math.abs(right - layout.toolbar.right) < 0.5, `on a phone each row fills the width; ${where}`);
          }
        }
        const groupRows = (group) => new Set(layout.buttons.filter((b) => b.group === group).map((b) => Math.round(b.box.top)));
        assert.equal(groupRows("pk-actions").size, 1, `Run, Check and Stop share one row; ${where}`);
        if (width >= 700) assert.equal(groupRows("pk-aids").size, 1, `Hint, Show solution and Reset share one row; ${where}`);
      } finally {
        await sized.close();
      }
    }
  }
});
