// The learner's progress shown on a list of exercises, as the index `pykata build` writes has
// them: each exercise marked solved or attempted, each pack's count, and buttons to export the
// progress to a file and import it back. Fed by progress.js; kept up to date when another tab
// checks an exercise and when the page is shown again from the back-forward cache.

import { catalog, t } from "./i18n.js";
import { exerciseProgress } from "./progress-store.js";
import { exportProgress, importProgress, ProgressFileError } from "./progress.js";

/** The name of the exercise a link to its page (`<pack>/<exercise>.html`, beside its
 * `<exercise>.json`) leads to, as progress.js stores it.
 * @param {HTMLAnchorElement} link */
function exerciseOf(link) {
  const url = new URL(link.href);
  return url.pathname.replace(/\.html$/, ".json");
}

/**
 * Show the progress on `nav`, whose `<section>`s (one per pack) list `<li>`s that each link to
 * an exercise's page (`<pack>/<exercise>.html`, beside its `<exercise>.json`), and put the
 * export and import buttons before it. Strings follow the page's `lang`.
 * @param {HTMLElement} nav
 */
export function showProgress(nav) {
  const strings = catalog(nav.closest("[lang]")?.getAttribute("lang"));
  const tools = document.createElement("div");
  tools.className = "pykata-progress-tools";
  const exportButton = document.createElement("button");
  exportButton.type = "button";
  exportButton.textContent = t(strings, "exportProgress");
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "application/json,.json";
  input.hidden = true;
  const importButton = document.createElement("button");
  importButton.type = "button";
  importButton.textContent = t(strings, "importProgress");
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  tools.append(exportButton, importButton, input, status);
  nav.before(tools);

  const mark = () => {
    for (const section of nav.querySelectorAll("section")) {
      const items = [...section.querySelectorAll("li")].filter((item) => item.querySelector("a"));
      let solved = 0;
      for (const item of items) {
        const { state } = exerciseProgress(exerciseOf(/** @type {HTMLAnchorElement} */ (item.querySelector("a"))));
        if (state === "solved") solved++;
        item.dataset.progress = state;
        let badge = item.querySelector(".pykata-mark");
        if (state === "not-started") badge?.remove();
        else {
          if (!badge) item.append(" ", (badge = Object.assign(document.createElement("span"), { className: "pykata-mark" })));
          badge.textContent = state === "solved" ? `✓ ${t(strings, "solved")}` : t(strings, "attempted");
        }
      }
      let count = section.querySelector(".pykata-count");
      if (!count) {
        count = Object.assign(document.createElement("p"), { className: "pykata-count" });
        section.querySelector("h2")?.after(count);
      }
      count.textContent = t(strings, "packProgress", { solved, total: items.length });
    }
  };
  mark();
  addEventListener("storage", mark);
  addEventListener("pageshow", mark);

  exportButton.addEventListener("click", () => {
    const file = new Blob([JSON.stringify(exportProgress(), null, 2)], { type: "application/json" });
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(file),
      download: `pykata-progress-${new Date().toISOString().slice(0, 10)}.json`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  });
  importButton.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    try {
      const { imported, kept } = importProgress(await file.text());
      status.className = "";
      status.textContent = t(strings, "importDone", { imported: imported.length, kept: kept.length });
    } catch (error) {
      if (!(error instanceof ProgressFileError)) throw error;
      status.className = "pykata-error";
      status.textContent = t(strings, error.reason, error.values);
    }
    mark();
  });
}
