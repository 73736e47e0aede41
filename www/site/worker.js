// The engine's home: a module worker holding one PyKata instance. The page talks to it with
// {id, op: "grade" | "run", ...} messages and gets {id, ok, result | error} back; a runaway
// program is stopped by terminating this worker, never by blocking the page.
import init, { PyKata } from "./pkg/pykata_wasm.js";

const ready = init({ module_or_path: new URL("./pkg/pykata_wasm_bg.wasm", import.meta.url) }).then(
  () => new PyKata(),
);

self.onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    const engine = await ready;
    const result =
      op === "grade"
        ? engine.grade(data.exercise, data.source)
        : engine.run(data.source, data.stdin ?? "", data.limitMs ?? 10000);
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
};
