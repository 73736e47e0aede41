// A small static file server for the built site: `node www/serve.mjs [--cors] DIR [PORT]`.
// Also imported by the tests, which serve the site on a free port.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

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

/** Whether `path` is a folder (false if it does not exist). */
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
  const allow = cors ? { "access-control-allow-origin": "*" } : {};
  const server = createServer((request, response) => {
    const path = requestPath(request.url);
    if (path === null) {
      response.writeHead(400, allow).end("bad request");
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403, allow).end("forbidden");
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
        ...allow,
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
      response.writeHead(404, { "content-type": "text/plain", ...allow }).end("not found");
    }
  });
  return new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ready(server));
  });
}

const USAGE = `usage: node www/serve.mjs [--cors] [DIR] [PORT]
  DIR     the folder to serve (default www/dist)
  PORT    the port on 127.0.0.1 (default 8000; 0 picks a free one)
  --cors  send Access-Control-Allow-Origin: * on every response, so pages on other origins
          can load pykata from here, as from a CDN`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs({ options: { cors: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = options;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [root = "www/dist", port = "8000", ...extra] = positionals;
  let problem = null;
  if (extra.length > 0) problem = `unexpected argument ${extra[0]}`;
  else if (!/^\d+$/.test(port) || Number(port) > 65535) problem = `PORT must be a number from 0 to 65535, not ${port}`;
  else if (!isDirectory(root)) problem = `no folder ${root} to serve`;
  if (problem) {
    console.error(`${problem}\n${USAGE}`);
    process.exit(2);
  }
  const server = await serve(root, Number(port), { cors: values.cors }).catch((error) => {
    console.error(`cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  });
  console.log(`pykata demo: http://localhost:${server.address().port}/${values.cors ? " (any origin may load it)" : ""}`);
}
