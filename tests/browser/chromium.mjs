// Debian's Chromium, headless, driven by playwright-core (a bundled browser cannot be
// downloaded here). The flags keep it from reaching for the network on its own.
import { chromium } from "playwright-core";

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
