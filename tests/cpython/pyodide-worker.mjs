// CPython 3.14 as Pyodide builds it for wasm (the npm `pyodide` package, a devDependency of the
// bench), for one program in a worker thread: a fresh interpreter per program, as a CPython
// process is. It has wasm's limits (no threads, no subprocesses), as pykata has.
import { parentPort, workerData } from "node:worker_threads";
import { loadPyodide } from "pyodide";

const { program, stdin } = workerData;
const pyodide = await loadPyodide();
const out = [];
const err = [];
const sink = (chunks) => ({
  write(bytes) {
    chunks.push(Buffer.from(bytes));
    return bytes.length;
  },
});
pyodide.setStdout(sink(out));
pyodide.setStderr(sink(err));
let given = false;
pyodide.setStdin({
  stdin: () => {
    if (given) return null;
    given = true;
    return stdin;
  },
});
let error = null;
try {
  pyodide.runPython(program, { globals: pyodide.toPy({ __name__: "__main__" }) });
} catch (caught) {
  error = String(caught?.message ?? caught);
}
parentPort.postMessage({ stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), error, version: pyodide.runPython("import sys; sys.version.split()[0]") });
