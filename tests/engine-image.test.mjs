// The engine's pre-started image (www/widget/engine-image.js, made by www/make-image.mjs): a
// fresh instance with it copied in has Python started, grades as one that started Python
// itself, and an image of another build, or no image at all, is refused and leaves the
// instance as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ID_SECTION, moduleId, restoreImage } from "../www/widget/engine-image.js";
import { PKG, builtExercises, freshEngine, withoutTimings } from "./support.mjs";

const IMAGE = readFileSync(join(PKG, "pykata_wasm_bg.image"));

test("the built module carries the id its image names", () => {
  const module = new WebAssembly.Module(readFileSync(join(PKG, "pykata_wasm_bg.wasm")));
  const id = moduleId(module);
  assert.match(id, /^[0-9a-f]{64}$/, `the ${ID_SECTION} section holds a SHA-256`);
  assert.ok(IMAGE.includes(Buffer.from(`"id":"${id}"`)), "the image names the module's id");
});

test("with the image copied in, Python has started before the first call; without it, not", async () => {
  const restored = await freshEngine();
  assert.equal(restored.restored, true);
  assert.equal(restored.engine.isWarm(), true);
  const plain = await freshEngine({ image: false });
  assert.equal(plain.engine.isWarm(), false);
  plain.engine.prepare();
  assert.equal(plain.engine.isWarm(), true);
});

test("an engine started from the image grades and runs as one that started Python itself", async () => {
  const restored = (await freshEngine()).engine;
  const plain = (await freshEngine({ image: false })).engine;
  for (const { name, exercise, files } of builtExercises().slice(0, 6)) {
    for (const { file } of files.slice(0, 3)) {
      const source = readFileSync(file, "utf8");
      assert.deepEqual(
        withoutTimings(restored.grade(exercise, source)),
        withoutTimings(plain.grade(exercise, source)),
        `${name}: ${file}`,
      );
    }
  }
  const program = "import random, sys\nprint(sorted({'b', 'a'}), sys.getrecursionlimit())\nraise KeyError('k')\n";
  assert.deepEqual(restored.run(program, "", 5000), plain.run(program, "", 5000));
});

test("two instances started from the image draw different random numbers", async () => {
  // The image is taken before anything imports `random`, so each page seeds its own.
  const draw = async () => (await freshEngine()).engine.run("import random\nprint(random.random())", "", 5000).stdout;
  assert.notEqual(await draw(), await draw());
});

test("an image of another build, or bytes that are no image, are refused and change nothing", async () => {
  const { engine, wasm, module } = await freshEngine({ image: false });
  const before = new Uint8Array(wasm.memory.buffer).slice();
  const text = IMAGE.toString("latin1");
  const otherBuild = Buffer.from(text.replace(/"id":"[0-9a-f]{64}"/, `"id":"${"0".repeat(64)}"`), "latin1");
  assert.equal(otherBuild.length, IMAGE.length, "only the id differs");
  for (const [bytes, refused] of [
    [otherBuild, "other-build"],
    [Buffer.from("<!doctype html><title>404</title>"), "not-an-image"],
    [Buffer.alloc(0), "not-an-image"],
  ]) {
    assert.equal(restoreImage(module, wasm, bytes), refused);
  }
  assert.ok(Buffer.from(wasm.memory.buffer).equals(Buffer.from(before)), "memory untouched");
  assert.equal(engine.isWarm(), false);
  assert.equal(engine.run("print(6 * 7)", "", 5000).stdout, "42\n");
});
