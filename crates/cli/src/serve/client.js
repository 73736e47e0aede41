// Injected by `pykata serve` into every page it serves: reload when the sources are rebuilt,
// and list their problems in an overlay while there are any. Diagnostic text is only ever set
// with textContent.
(() => {
  const generation = document.currentScript?.dataset.generation;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };

  // `hello` on (re)connecting and `reload` after a rebuild carry the current generation: a
  // page served before it is out of date, however the news arrives.
  const events = new EventSource("/__pykata/events");
  const onGeneration = (event) => event.data !== generation && reload();
  events.addEventListener("hello", onGeneration);
  events.addEventListener("reload", onGeneration);
  // A page restored from the back-forward cache missed the news while it was away.
  addEventListener("pageshow", (event) => event.persisted && reload());

  fetch("/__pykata/problems", { cache: "no-store" })
    .then((response) => response.json())
    .then(({ generation: current, problems }) => {
      if (String(current) !== generation) reload();
      else if (problems.length > 0) show(problems);
    })
    .catch(() => {});

  function element(name, className, text) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(problems) {
    const host = element("div");
    host.id = "pykata-serve-problems";
    const root = host.attachShadow({ mode: "open" });
    const style = element("style");
    style.textContent = `
      :host { all: initial; }
      section { position: fixed; z-index: 2147483647; left: 1rem; right: 1rem; bottom: 1rem;
        max-height: 45vh; overflow: auto; box-sizing: border-box; padding: 0.75rem 1rem;
        background: #fff7f7; color: #1a1a1a; border: 2px solid #c62828; border-radius: 6px;
        box-shadow: 0 4px 18px rgb(0 0 0 / 0.25); font: 14px/1.4 system-ui, sans-serif; }
      header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
      h2 { margin: 0; font-size: 1rem; }
      button { font: inherit; cursor: pointer; border: 1px solid #999; background: #fff; border-radius: 4px; }
      pre { margin: 0.5rem 0 0; padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere;
        font: 13px/1.4 ui-monospace, monospace; background: #fff; border-left: 4px solid #c62828; }
      pre.warning { border-left-color: #b26a00; }
    `;
    const box = element("section");
    box.setAttribute("role", "alert");
    const count = (severity) => problems.filter((p) => p.severity === severity).length;
    const [errors, warnings] = [count("error"), count("warning")];
    const summary = [errors && `${errors} error${errors > 1 ? "s" : ""}`, warnings && `${warnings} warning${warnings > 1 ? "s" : ""}`]
      .filter(Boolean)
      .join(", ");
    const header = element("header");
    const close = element("button", "", "Hide");
    close.type = "button";
    close.addEventListener("click", () => host.remove());
    header.append(element("h2", "", `pykata serve: ${summary}`), close);
    box.append(header, ...problems.map((problem) => element("pre", problem.severity, problem.text)));
    root.append(style, box);
    (document.body ?? document.documentElement).append(host);
  }
})();
