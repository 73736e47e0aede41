// A small static file server for the built site: `node www/serve.mjs DIR [PORT]`.
// Also imported by the tests, which serve the site on a free port.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
};

/** The pre-compressed twin of `file` (`pykata build` writes `.br` and `.gz` beside the big
 * assets) the client accepts, as `[path, encoding]`, or null. */
function precompressed(file, acceptEncoding = "") {
  for (const [suffix, encoding] of [
    [".br", "br"],
    [".gz", "gzip"],
  ]) {
    if (!acceptEncoding.includes(encoding)) continue;
    try {
      if (statSync(file + suffix).isFile()) return [file + suffix, encoding];
    } catch {
      // no such twin
    }
  }
  return null;
}

/** The decoded path of a request's URL (`//x` is `/x`, as on common static hosts), or null if
 * it is malformed (`%E0`). */
function requestPath(url) {
  try {
    return decodeURIComponent(new URL(url.replace(/^\/+/, "/"), "http://localhost").pathname);
  } catch {
    return null;
  }
}

/** Serve `root` on `port` (0 picks a free one) at 127.0.0.1; resolves to the listening server.
 * Like a plain static host: pre-compressed twins when the client accepts them, and
 * `Last-Modified` with `no-cache`, so browsers revalidate and get 304 for what they have.
 * With `cors`, every response allows any origin, as a CDN serving pykata would; `types` maps
 * file extensions to other content types, as a host with its own settings would. */
export function serve(root, port = 0, { cors = false, types = {} } = {}) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = requestPath(request.url);
    if (path === null) {
      response.writeHead(400).end("bad request");
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const modified = statSync(file).mtime;
      modified.setMilliseconds(0);
      const common = {
        "last-modified": modified.toUTCString(),
        "cache-control": "no-cache",
        vary: "accept-encoding",
        ...(cors ? { "access-control-allow-origin": "*" } : {}),
      };
      const since = Date.parse(request.headers["if-modified-since"] ?? "");
      if (since >= modified.getTime()) {
        response.writeHead(304, common).end();
        return;
      }
      const twin = precompressed(file, request.headers["accept-encoding"]);
      const [body, encoding] = twin ?? [file, null];
      response.writeHead(200, {
        ...common,
        "content-type": types[extname(file)] ?? TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": statSync(body).size,
        ...(encoding ? { "content-encoding": encoding } : {}),
      });
      createReadStream(body).pipe(response);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ready) => server.listen(port, "127.0.0.1", () => ready(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = "www/dist", port = "8000"] = process.argv.slice(2);
  const server = await serve(root, Number(port));
  console.log(`pykata demo: http://localhost:${server.address().port}/`);
}
