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
const { EngineClient: PageEngineClient } = await import("../widget/engine-client.js");

/** A client whose engine download never ends: the tests play the worker's part by hand. */
class EngineClient extends PageEngineClient {
  constructor(files = () => new Promise(() => {})) {
    super(files);
  }
}

/** Let promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  ScriptedWorker.all = [];
});

test("one worker serves the requests one at a time, in order", async () => {
  const client = new EngineClient();
  const first = client.request({ op: "run", source: "1" }, 1000);
  const second = client.request({ op: "run", source: "2" }, 1000);
  assert.equal(ScriptedWorker.all.length, 1);
  const [worker] = ScriptedWorker.all;
  assert.equal(worker.options.type, "module");
  assert.deepEqual(worker.sent.map((m) => m.source), ["1"], "the second waits for the first's answer");
  worker.answer({ id: worker.sent[0].id, ok: true, result: "one" });
  assert.deepEqual(worker.sent.map((m) => m.source), ["1", "2"]);
  worker.answer({ id: worker.sent[1].id, ok: true, result: "two" });
  assert.deepEqual(await Promise.all([first, second]), ["one", "two"]);
});

test("the engine's events reach the listener of the request they belong to", async () => {
  const client = new EngineClient();
  const heard = [];
  const pending = client.request({ op: "run", source: "1" }, 1000, { onEvent: (event) => heard.push(event) });
  const [worker] = ScriptedWorker.all;
  const [message] = worker.sent;
  assert.equal(message.events, true, "the worker is asked to post events");
  worker.answer({ type: "event", id: message.id, event: { type: "output", stream: "stdout", text: "hi" } });
  worker.answer({ type: "event", id: message.id + 1, event: { type: "output", stream: "stdout", text: "not mine" } });
  worker.answer({ id: message.id, ok: true, result: "done" });
  assert.equal(await pending, "done");
  assert.deepEqual(heard, [{ type: "output", stream: "stdout", text: "hi" }]);
});

test("Stop with an owner stops only that owner's requests, running or queued", async () => {
  const client = new EngineClient();
  const a = {};
  const b = {};
  const running = client.request({ op: "grade", source: "a" }, 1000, { owner: a });
  const queued = client.request({ op: "run", source: "b" }, 1000, { owner: b });
  const [worker] = ScriptedWorker.all;
  client.stop("user", b);
  await assert.rejects(queued, (error) => error.stopped === "user");
  assert.equal(worker.terminated, false, "a's Check goes on");
  worker.answer({ id: worker.sent[0].id, ok: true, result: "graded" });
  assert.equal(await running, "graded");
  assert.equal(worker.sent.length, 1, "b's stopped request never reached the worker");

  const loops = client.request({ op: "run", source: "loop" }, 1000, { owner: b });
  const waits = client.request({ op: "grade", source: "a again" }, 1000, { owner: a });
  client.stop("user", b);
  await assert.rejects(loops, (error) => error.stopped === "user");
  assert.equal(worker.terminated, true, "b's running program is stopped with its worker");
  const fresh = ScriptedWorker.all[1];
  assert.deepEqual(fresh.sent.map((m) => m.source), ["a again"], "a's waiting Check goes to a fresh worker");
  fresh.answer({ id: fresh.sent[0].id, ok: true, result: "graded again" });
  assert.equal(await waits, "graded again");
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

test("fetching the standard library stops the running request's budget, which then starts afresh", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const client = new EngineClient();
  const paused = [];
  const pending = client.request({ op: "run" }, 30, { onPause: (is) => paused.push(is) });
  const [worker] = ScriptedWorker.all;
  worker.answer({ type: "ready" });
  t.mock.timers.tick(20);
  worker.answer({ type: "library", loading: true });
  t.mock.timers.tick(500);
  assert.equal(worker.terminated, false, "a slow library download is not a timeout");
  worker.answer({ type: "library", loading: false });
  t.mock.timers.tick(29);
  assert.equal(worker.terminated, false, "the whole budget counts from the library's arrival");
  t.mock.timers.tick(1);
  await assert.rejects(pending, (error) => error.stopped === "budget");
  assert.deepEqual(paused, [true, false], "the request's own timers hear it too");
  // A fetch under way between requests (the worker preloading) holds the next one's budget back.
  const first = client.request({ op: "run" }, 30);
  const [, fresh] = ScriptedWorker.all;
  fresh.answer({ type: "ready" });
  fresh.answer({ id: fresh.sent[0].id, ok: true, result: "done" });
  assert.equal(await first, "done");
  fresh.answer({ type: "library", loading: true });
  const next = client.request({ op: "run" }, 30);
  t.mock.timers.tick(100);
  assert.equal(fresh.terminated, false);
  fresh.answer({ type: "library", loading: false });
  t.mock.timers.tick(30);
  await assert.rejects(next, (error) => error.stopped === "budget");
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
  /** @type {(progress: { loaded: number, total: number }) => void} */
  let report = () => {};
  const client = new EngineClient((onProgress) => {
    report = onProgress;
    return new Promise(() => {});
  });
  const seen = [];
  client.addEventListener("progress", (event) => seen.push(`${event.detail.loaded}/${event.detail.total}`));
  client.addEventListener("state", (event) => seen.push(event.detail.state));
  client.warm();
  const [worker] = ScriptedWorker.all;
  report({ loaded: 10, total: 100 });
  worker.answer({ type: "ready" });
  assert.deepEqual(seen, ["loading", "10/100", "ready"]);
});

test("every worker starts from the engine the page downloaded, a fresh one too", async () => {
  const files = { module: { compiled: true }, image: new ArrayBuffer(8) };
  const client = new EngineClient(() => Promise.resolve(files));
  const pending = client.request({ op: "run", source: "1" }, 1000);
  await settle();
  const [worker] = ScriptedWorker.all;
  const start = worker.sent.find((message) => message.op === "start");
  assert.equal(start?.module, files.module);
  assert.equal(start?.image, files.image);
  worker.answer({ id: worker.sent[0].id, ok: false, error: "unreachable", crashed: true });
  await assert.rejects(pending);
  client.warm();
  await settle();
  const [, fresh] = ScriptedWorker.all;
  assert.deepEqual(fresh.sent, [{ op: "start", ...files }], "the fresh worker's first message is the engine");
});

test("an engine that cannot be downloaded fails the requests, and the next one tries again", async () => {
  let attempts = 0;
  const client = new EngineClient(() => {
    attempts++;
    return attempts === 1 ? Promise.reject(new Error("could not load the Python engine (HTTP 404)")) : new Promise(() => {});
  });
  const states = [];
  client.addEventListener("state", (event) => states.push(event.detail));
  const pending = client.request({ op: "run", source: "1" }, 1000);
  await assert.rejects(pending, /HTTP 404/);
  const [worker] = ScriptedWorker.all;
  assert.equal(worker.terminated, true, "a worker that will never get its engine is not kept");
  assert.deepEqual(states.at(-1), { state: "failed", error: "could not load the Python engine (HTTP 404)" });
  client.request({ op: "run", source: "2" }, 1000).catch(() => {});
  assert.equal(ScriptedWorker.all.length, 2);
  assert.equal(attempts, 2, "the download is tried again");
});

test("a worker that asks to retire is replaced once idle, never with work in flight", async () => {
  const client = new EngineClient();
  const first = client.request({ op: "run", source: "1" }, 1000);
  const second = client.request({ op: "run", source: "2" }, 1000);
  const [old] = ScriptedWorker.all;
  old.answer({ id: old.sent[0].id, ok: true, result: "one", retire: true });
  assert.equal(await first, "one");
  assert.equal(old.terminated, false, "the second request is still to run there");
  old.answer({ id: old.sent[1].id, ok: true, result: "two", retire: true });
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
