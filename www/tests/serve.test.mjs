// The static server behind `./x demo` and the browser tests: odd or hostile request paths get
// an answer, never a crash; `--cors` lets pages on any origin load from it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../serve.mjs";

const SERVE = join(import.meta.dirname, "../serve.mjs");
let root;
let server;

before(async () => {
  root = mkdtempSync(join(tmpdir(), "pykata-serve-"));
  writeFileSync(join(root, "index.html"), "<p>home</p>");
  server = await serve(root);
});

after(() => server?.close());

/** GET `path` exactly as written (no client-side normalisation) from `port`; resolves to the
 * response (its body drained). */
function fetchRaw(path, port = server.address().port) {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, (response) => {
      response.resume();
      resolve(response);
    })
      .on("error", reject)
      .end();
  });
}

const get = async (path) => (await fetchRaw(path)).statusCode;

/** `node www/serve.mjs ARGS…` as a child; resolves when it exits, with its code and output. */
async function cli(...args) {
  const child = spawn(process.execPath, [SERVE, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
  const [code] = await once(child, "exit");
  return { code, output };
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

test("without --cors no response allows other origins", async () => {
  const response = await fetchRaw("/");
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers["access-control-allow-origin"], undefined);
});

test("`serve.mjs --cors DIR 0` allows any origin on every response, errors included", async () => {
  const child = spawn(process.execPath, [SERVE, "--cors", root, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    let stdout = "";
    child.stdout.setEncoding("utf8");
    // It prints its address once it listens (0: a free port).
    let port;
    for await (const chunk of child.stdout) {
      stdout += chunk;
      port = stdout.match(/http:\/\/localhost:(\d+)\//)?.[1];
      if (port) break;
    }
    assert.ok(port, `the address on stdout: ${stdout}`);
    for (const [path, status] of [["/", 200], ["/index.html", 200], ["/missing.html", 404], ["/%E0", 400]]) {
      const response = await fetchRaw(path, Number(port));
      assert.equal(response.statusCode, status, path);
      assert.equal(response.headers["access-control-allow-origin"], "*", path);
    }
  } finally {
    if (child.exitCode === null) {
      child.kill();
      await once(child, "exit");
    }
  }
});

test("the command line refuses what it does not understand, with its usage", async () => {
  for (const args of [["--cros", root], [root, "eighty"], [root, "70000"], [join(root, "missing")], [root, "0", "extra"]]) {
    const { code, output } = await cli(...args);
    assert.equal(code, 2, `${args.join(" ")}: ${output}`);
    assert.match(output, /usage: node www\/serve\.mjs \[--cors\]/, args.join(" "));
  }
  const help = await cli("--help");
  assert.equal(help.code, 0);
  assert.match(help.output, /--cors {2}send Access-Control-Allow-Origin: \*/);
});
