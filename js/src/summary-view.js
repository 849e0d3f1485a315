// The readout's words for readers who cannot see the figure: the summary (how each run ends, a
// polite live region that changes when the settings do, never per frame) and the lead path's
// points in the "Show the path's points" disclosure. The page's HTML holds both for the default
// run from the build; this writes them only where the text differs (summary.js makes the text).
import { OPTIMIZER_LABELS } from "./palette.js";
import { finishedRuns, pointRows, summaryLines } from "./summary.js";

const cell = (text) => {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
};

/** The summary in `paragraph` and the table in `details`; updates wait for a task of their own. */
export function createSummary(paragraph, details, signal) {
  const caption = details.querySelector("caption");
  const body = details.querySelector("tbody");
  let tableKey = null;

  /** Describe the runs of `settings` on `surface` (null when `problem` says why there is none). */
  function update(settings, surface, problem) {
    const runs = surface && !problem ? finishedRuns(settings, surface) : [];
    const text = summaryLines(runs, OPTIMIZER_LABELS, problem).join(" ");
    if (paragraph.textContent !== text) paragraph.textContent = text;
    details.hidden = runs.length === 0;
    if (!runs.length) return;
    const { caption: title, rows } = pointRows(OPTIMIZER_LABELS[runs[0].name], runs[0].descent);
    const key = title + rows.flat().join();
    if (key === tableKey) return;
    tableKey = key;
    caption.textContent = title;
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement("tr");
        tr.append(...row.map(cell));
        return tr;
      }),
    );
  }

  let timer = 0;
  signal.addEventListener("abort", () => clearTimeout(timer));
  return {
    /** Update in a new task (a long run costs no frame); the latest call wins. */
    later(settings, surface, problem) {
      clearTimeout(timer);
      timer = setTimeout(() => !signal.aborted && update(settings, surface, problem), 0);
    },
  };
}
