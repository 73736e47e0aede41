// pykata's optional service worker: after one visit, pages with <py-kata> widgets load and
// check offline. A host opts in by serving this file from its site root and adding
//   <script>navigator.serviceWorker?.register("/pykata-sw.js")</script>
// It must live on the pages' own origin; the widget may come from another (a CDN).
// Strategy: network first (so updates show at once), falling back to the last copy cached.
// Same-origin responses are kept as they load, and the widget and engine beside this file when
// it installs; pages ask for the rest to be kept (the page itself, its exercises, and the
// widget's and engine's files wherever they are served from).
// Bundled into a classic script by ./x (esbuild), as browsers register service workers.
import ASSETS from "./assets.json" with { type: "json" };

const CACHE = "pykata-v1";
/** The widget's and the engine's files, beside this worker (the standard library too, which the
 * engine fetches on first need, so it is there offline). */
const CORE = [...ASSETS.page, ...ASSETS.later];

/** This script's global scope: a service worker's. */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** `url` without its query and fragment: cached copies are matched ignoring the query. */
const bare = (/** @type {string} */ url) => url.split(/[?#]/)[0];

/** The cross-origin URLs (a CDN's) pages asked to keep: read from the cache when this worker
 * starts (it is stopped when idle and forgets), then kept up to date. */
/** @type {Set<string> | null} */
let kept = null;
const keptLoaded = caches
  .open(CACHE)
  .then((cache) => cache.keys())
  .then((requests) => {
    const set = (kept ??= new Set());
    for (const request of requests) set.add(bare(request.url));
    return set;
  });

sw.addEventListener("install", (event) => {
  // Only where the widget is served beside this file; from a CDN its files are kept once a page
  // asks. One missing file must not keep the worker from installing.
  const base = new URL("./", sw.location.href).href;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.allSettled(CORE.map((path) => cache.add(new URL(path, base).href))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(sw.clients.claim());
});

// Pages ask for what they loaded before this worker controlled them (the page itself, its
// exercises, the widget and engine) to be kept too; see `keepOffline` in the widget.
sw.addEventListener("message", (event) => {
  if (event.data?.type !== "pykata:keep") return;
  /** @type {string[]} */
  const urls = event.data.urls.filter((/** @type {string} */ url) => /^https?:/.test(url)).map(bare);
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const set = await keptLoaded;
      for (const url of urls) {
        set.add(url);
        if (await cache.match(url, { ignoreSearch: true })) continue;
        // From another origin as a CORS request (a CDN allows any origin), like the widget's
        // own requests; a file that cannot be fetched is only not kept.
        await cache.add(url).catch(() => {});
      }
    }),
  );
});

/** The network's answer to `request`, a copy kept when it is good; the kept copy offline.
 * @param {FetchEvent} event
 * @param {Request} request */
function networkFirst(event, request) {
  return fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })
    .catch(async () => (await caches.match(request, { ignoreSearch: true, ignoreVary: true })) ?? Response.error());
}

sw.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  if (new URL(request.url).origin === sw.location.origin) {
    event.respondWith(networkFirst(event, request));
    return;
  }
  // Another origin: only what a page asked to keep. Until the list is read (just after this
  // worker started), a request that turns out not to be on it goes to the network unchanged.
  if (kept && !kept.has(bare(request.url))) return;
  event.respondWith(keptLoaded.then((set) => (set.has(bare(request.url)) ? networkFirst(event, request) : fetch(request))));
});
