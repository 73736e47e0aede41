// `pykata serve`: the author's live preview. A Markdown post with a ```py-kata fence is served
// by the real CLI and opened in Chromium; saving the post reloads the page with the change,
// breaking the exercise shows its diagnostic in an overlay (and in the terminal), fixing it
// removes the overlay, and Ctrl-C stops the server and removes its folder.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYKATA, ROOT } from "./support.mjs";
import { launchChromium } from "./browser/chromium.mjs";

/** A post with the exercise shared by the tests of pages. */
const POST = `# Decorators that shout

Some prose first.

\`\`\`py-kata
${readFileSync(join(ROOT, "tests/fixtures/shout.toml"), "utf8")}\`\`\`
`;
const LOUDER = POST.replace('title = "Shout"\n', 'title = "Shout louder"\n');
// A misspelt field, and a field whose name looks like markup: the overlay must show it as text.
const BROKEN = LOUDER.replace('code = "assert', '"<b>bold</b>" = 1\ncdoe = "assert');
const TYPO_LINE = BROKEN.split("\n").findIndex((line) => line.startsWith("cdoe =")) + 1;

/** Resolve with the first truthy value of `condition` (which may throw while a page
 * navigates), polled every 50 ms, or fail naming `what` after `timeout` ms. */
async function until(condition, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (${last.message})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dir = mkdtempSync(join(tmpdir(), "pykata-serve-test-"));
let child;
let browser;

const stopped = () => child.exitCode !== null || child.signalCode !== null;

after(async () => {
  await browser?.close();
  if (child && !stopped()) {
    // Asked nicely first, so it removes its folder even when the test failed midway.
    child.kill("SIGTERM");
    await until(stopped, "pykata serve to stop on SIGTERM").catch(() => child.kill("SIGKILL"));
  }
  rmSync(dir, { recursive: true, force: true });
});

test("pykata serve previews a post: the fence becomes an exercise, saves reload it, problems show in the page", async (t) => {
  assert.ok(PYKATA, "set PYKATA to the native pykata binary (./x test does)");
  const post = join(dir, "post.md");
  writeFileSync(post, POST);
  child = spawn(PYKATA, ["serve", post, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  const running = () => {
    if (child.exitCode !== null) throw new Error(`pykata serve exited (${child.exitCode}):\n${stderr}`);
    return true;
  };

  // The page's URL is printed on start; --port 0 picked a free port.
  const url = await until(() => running() && stdout.match(/http:\/\/127\.0\.0\.1:\d+\/post\.html/)?.[0], "the URL on stdout", 30000);
  const base = new URL("/", url).href;
  const folder = stderr.match(/building into (\S+)/)?.[1];
  assert.ok(folder && existsSync(folder), `the build folder is named on stderr: ${stderr}`);

  // Content types a browser needs: the engine streams only as application/wasm.
  for (const [path, type] of [
    ["post.html", "text/html"],
    ["pykata.js", "text/javascript"],
    ["worker.js", "text/javascript"],
    ["pkg/pykata_wasm_bg.wasm", "application/wasm"],
    ["__pykata/problems", "application/json"],
  ]) {
    const response = await fetch(new URL(path, base));
    assert.equal(response.status, 200, path);
    assert.ok(response.headers.get("content-type").startsWith(type), `${path}: ${response.headers.get("content-type")}`);
    await response.arrayBuffer();
  }
  const problems = async () => (await (await fetch(new URL("__pykata/problems", base))).json()).problems;
  assert.deepEqual(await problems(), [], "the post starts sound");

  browser = await launchChromium();
  const tab = await browser.newPage();
  const navigations = [];
  tab.on("framenavigated", (frame) => frame === tab.mainFrame() && navigations.push(Date.now()));
  const title = () =>
    tab.evaluate(() => document.querySelector("py-kata")?.shadowRoot?.querySelector(".pk-title")?.textContent);
  const overlay = () =>
    tab.evaluate(() => {
      const host = document.getElementById("pykata-serve-problems");
      return host && { text: host.shadowRoot.textContent, markup: host.shadowRoot.querySelectorAll("b").length };
    });
  await tab.goto(url);

  // (1) The rendered fence became a <py-kata>, which shows the exercise once the engine has
  // read it.
  await until(
    () => tab.evaluate(() => document.querySelectorAll("py-kata").length === 1 && !document.querySelector("code.language-py-kata")),
    "the fence to become a <py-kata>",
  );
  await until(async () => (await title()) === "Shout", "the exercise's title", 60000);
  assert.equal(await overlay(), null, "no overlay while the post is sound");

  // (2) Saving the post reloads the page, which shows the new title.
  await tab.evaluate(() => (window.beforeSave = true));
  const saved = Date.now();
  navigations.length = 0;
  writeFileSync(post, LOUDER);
  await until(async () => (await tab.evaluate(() => window.beforeSave)) === undefined, "the page to reload", 30000);
  // How soon is reported, not asserted: times on a shared machine are for benchmarks.
  t.diagnostic(`reload ${navigations[0] - saved} ms after the save`);
  await until(async () => (await title()) === "Shout louder", "the new title", 60000);
  assert.equal(await overlay(), null);

  // (3) Breaking the exercise prints its diagnostic and shows it in the page, as text.
  await tab.evaluate(() => (window.beforeBreak = true));
  writeFileSync(post, BROKEN);
  const shown = await until(async () => {
    const found = await overlay();
    return found?.text.includes("cdoe") && found;
  }, "the overlay with the diagnostic");
  assert.equal(await tab.evaluate(() => window.beforeBreak), undefined, "the page reloaded to show it");
  assert.match(shown.text, new RegExp(`post\\.md:${TYPO_LINE}:1: error: checks\\[0\\]\\.cdoe: unknown field`));
  assert.match(shown.text, /did you mean `code`\?/);
  assert.ok(shown.text.includes("<b>bold</b>"), `the field's name is shown as it is: ${shown.text}`);
  assert.equal(shown.markup, 0, "diagnostic text is never parsed as HTML");
  await until(() => stderr.includes("checks[0].cdoe: unknown field"), "the diagnostic in the terminal");

  // (4) Fixing it removes the overlay.
  await tab.evaluate(() => (window.beforeFix = true));
  writeFileSync(post, LOUDER);
  await until(
    async () => (await tab.evaluate(() => window.beforeFix)) === undefined && (await title()) === "Shout louder",
    "the fixed exercise",
    60000,
  );
  assert.equal(await overlay(), null, "the overlay is gone once the post is fixed");
  assert.deepEqual(await problems(), []);

  // (5) Ctrl-C stops the server cleanly and removes its folder.
  child.kill("SIGINT");
  await until(stopped, "pykata serve to stop on SIGINT");
  assert.equal(child.exitCode, 0, stderr);
  assert.equal(existsSync(folder), false, "the build folder is removed");
});
