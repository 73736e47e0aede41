// pykata's optional service worker: after one visit, pages with <py-kata> widgets load and
// check offline. A host opts in by serving this file from its site root and adding
//   <script>navigator.serviceWorker?.register("/pykata-sw.js")</script>
// Strategy: network first (so updates show at once), falling back to the last copy cached.
// The widget and engine are cached when the worker installs; pages and exercises as they load.
const CACHE = "pykata-v1";
const CORE = ["pykata.js", "worker.js", "pkg/pykata_wasm.js", "pkg/pykata_wasm_bg.wasm"];

self.addEventListener("install", (event) => {
  const base = new URL("./", self.location).href;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(CORE.map((path) => new URL(path, base).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

// Pages ask for what they loaded before this worker controlled them (the page itself, its
// exercises) to be kept too; see `keepOffline` in the widget.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "pykata:keep") return;
  const urls = event.data.urls.filter((url) => new URL(url).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const url of urls) if (!(await cache.match(url, { ignoreSearch: true }))) await cache.add(url);
    }),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(async () => (await caches.match(request, { ignoreSearch: true })) ?? Response.error()),
  );
});
