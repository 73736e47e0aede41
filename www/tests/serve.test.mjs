// The static server behind `./x demo` and the browser tests: odd or hostile request paths get
// an answer, never a crash.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../serve.mjs";

let server;

before(async () => {
  const root = mkdtempSync(join(tmpdir(), "pykata-serve-"));
  writeFileSync(join(root, "index.html"), "<p>home</p>");
  server = await serve(root);
});

after(() => server?.close());

/** GET `path` exactly as written (no client-side normalisation); resolves to the status. */
function get(path) {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port: server.address().port, path }, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on("error", reject)
      .end();
  });
}

test("leading double slashes are one slash, malformed escapes are a 400, escapes out of the root a 403", async () => {
  assert.equal(await get("/"), 200);
  assert.equal(await get("//"), 200);
  assert.equal(await get("//index.html"), 200);
  assert.equal(await get("/%E0"), 400);
  assert.equal(await get("/..%2F..%2Fetc%2Fpasswd"), 403);
  assert.equal(await get("/missing.html"), 404);
  assert.equal(await get("/"), 200, "the server still answers");
});
