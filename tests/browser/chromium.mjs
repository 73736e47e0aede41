// Debian's Chromium, headless, driven by playwright-core (a bundled browser cannot be
// downloaded here). The flags keep it from reaching for the network on its own.
import { chromium } from "playwright-core";
import { serve } from "../../www/serve.mjs";

const EXECUTABLE = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium() {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
}

/** A browser with a profile in `userDataDir`, so its HTTP cache is on disk as for a real
 * visitor (a `launchChromium()` context keeps an in-memory cache that skips large files). */
export function launchPersistentChromium(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, { executablePath: EXECUTABLE, args: ARGS });
}

/** `folder` served on localhost (www/serve.mjs) and a Chromium to visit it: `{browser, base,
 * close}`, `base` being the server's URL (ending in "/"); `close()` stops both.
 * @param {string} folder */
export async function openInChromium(folder) {
  const server = await serve(folder);
  const browser = await launchChromium();
  return {
    browser,
    base: `http://127.0.0.1:${server.address().port}/`,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
