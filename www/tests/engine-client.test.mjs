// Unit tests of the worker client's logic, with a scripted stand-in for the browser's Worker.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";

/** A Worker that records messages and lets the test answer as the real worker would. */
class ScriptedWorker {
  static all = [];
  constructor(url, options) {
    this.url = String(url);
    this.options = options;
    this.sent = [];
    this.terminated = false;
    ScriptedWorker.all.push(this);
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data) {
    this.onmessage({ data });
  }
}

globalThis.Worker = ScriptedWorker;
globalThis.location = { origin: "file://" };
const { EngineClient } = await import("../widget/engine-client.js");

beforeEach(() => {
  ScriptedWorker.all = [];
});

test("one worker serves many requests, and answers find their request", async () => {
  const client = new EngineClient();
  const first = client.request({ op: "run", source: "1" }, 1000);
  const second = client.request({ op: "run", source: "2" }, 1000);
  assert.equal(ScriptedWorker.all.length, 1);
  const [worker] = ScriptedWorker.all;
  assert.equal(worker.options.type, "module");
  const [a, b] = worker.sent;
  worker.answer({ id: b.id, ok: true, result: "two" });
  worker.answer({ id: a.id, ok: true, result: "one" });
  assert.deepEqual(await Promise.all([first, second]), ["one", "two"]);
});

test("the budget starts only when the engine is ready, then stops the worker", async (t) => {
  // Node's fake clock: time passes exactly as the test says, however loaded the machine is.
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const client = new EngineClient();
  const pending = client.request({ op: "run" }, 30);
  const [worker] = ScriptedWorker.all;
  t.mock.timers.tick(60);
  assert.equal(worker.terminated, false, "a slow download is not a timeout");
  worker.answer({ type: "ready" });
  t.mock.timers.tick(29);
  assert.equal(worker.terminated, false, "the budget counts from ready");
  t.mock.timers.tick(1);
  await assert.rejects(pending, (error) => error.stopped === "budget");
  assert.equal(worker.terminated, true);
  assert.equal(client.state, "idle");
  client.request({ op: "run" }, 1000).catch(() => {});
  assert.equal(ScriptedWorker.all.length, 2, "the next request starts a fresh worker");
});

test("Stop rejects everything in flight as stopped by the user", async () => {
  const client = new EngineClient();
  const a = client.request({ op: "run" }, 1000);
  const b = client.request({ op: "grade" }, 1000);
  client.stop();
  await assert.rejects(a, (error) => error.stopped === "user");
  await assert.rejects(b, (error) => error.stopped === "user");
});

test("a crash is reported as such and the broken worker is replaced", async () => {
  const client = new EngineClient();
  const pending = client.request({ op: "run" }, 1000);
  const [worker] = ScriptedWorker.all;
  worker.answer({ type: "ready" });
  worker.answer({ id: worker.sent[0].id, ok: false, error: "RangeError: Maximum call stack size exceeded", crashed: true });
  await assert.rejects(pending, (error) => error.crashed === true && /call stack/.test(error.message));
  assert.equal(worker.terminated, true);
});

test("progress and readiness reach listeners", () => {
  const client = new EngineClient();
  const seen = [];
  client.addEventListener("progress", (event) => seen.push(`${event.detail.loaded}/${event.detail.total}`));
  client.addEventListener("state", (event) => seen.push(event.detail.state));
  client.warm();
  const [worker] = ScriptedWorker.all;
  worker.answer({ type: "progress", loaded: 10, total: 100 });
  worker.answer({ type: "ready" });
  assert.deepEqual(seen, ["loading", "10/100", "ready"]);
});

test("a worker that asks to retire is replaced once idle, never with work in flight", async () => {
  const client = new EngineClient();
  const first = client.request({ op: "run", source: "1" }, 1000);
  const second = client.request({ op: "run", source: "2" }, 1000);
  const [old] = ScriptedWorker.all;
  const [a, b] = old.sent;
  old.answer({ id: a.id, ok: true, result: "one", retire: true });
  assert.equal(await first, "one");
  assert.equal(old.terminated, false, "the second request is still running there");
  old.answer({ id: b.id, ok: true, result: "two", retire: true });
  assert.equal(await second, "two");
  assert.equal(old.terminated, true);
  assert.equal(ScriptedWorker.all.length, 2, "a fresh worker starts at once, ready for the next request");
  const third = client.request({ op: "run", source: "3" }, 1000);
  const fresh = ScriptedWorker.all[1];
  fresh.answer({ id: fresh.sent[0].id, ok: true, result: "three" });
  assert.equal(await third, "three");
});

test("a crash says which budget caused it", async () => {
  const client = new EngineClient();
  const pending = client.request({ op: "run" }, 1000);
  const [worker] = ScriptedWorker.all;
  worker.answer({ id: worker.sent[0].id, ok: false, error: "unreachable", crashed: true, budget: "memory" });
  await assert.rejects(pending, (error) => error.crashed === true && error.budget === "memory");
  assert.equal(worker.terminated, true);
});
