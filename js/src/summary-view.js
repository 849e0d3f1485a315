// The readout's words for readers who cannot see the figure: the summary (how each run ends, a
// polite live region that changes when the settings do, never per frame) and the lead path's
// points in the "Show the path's points" disclosure. The page's HTML holds both for the default
// run from the build; this writes them only where the text differs (summary.js makes the text).
// Long runs (a reader's function, 100,000 steps) are run to their ends a slice per task.
import { OPTIMIZER_LABELS } from "./palette.js";
import { advanceRuns, pointRows, startRuns, summaryLines } from "./summary.js";

const cell = (text) => {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
};

const SLICE_MS = 12; // one task's share: a frame keeps time for the animation and for input
const QUIET_MS = 100; // a summary ready within this long replaces the last with no word between

/** The summary in `paragraph` and the table in `details`; updates run in tasks of their own. */
export function createSummary(paragraph, details, signal) {
  const caption = details.querySelector("caption");
  const body = details.querySelector("tbody");
  let tableKey = null;

  const say = (text) => paragraph.textContent !== text && (paragraph.textContent = text);

  /** Describe finished `runs` (none when `problem` says why there is none). */
  function show(runs, problem) {
    say(summaryLines(runs, OPTIMIZER_LABELS, problem).join(" "));
    paragraph.removeAttribute("aria-busy"); // set while the page's words gave way (readout.js)
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
  /** Run `runs` to their ends a slice per task, then show them; a newer call's timer wins. */
  function finish(runs, began, told = false) {
    if (signal.aborted) return;
    if (advanceRuns(runs, performance.now() + SLICE_MS)) return show(runs, null);
    if (!told && performance.now() - began > QUIET_MS) {
      say(paragraph.dataset.working); // while runs that take several tasks are run to their ends
      details.hidden = true; // the table still holds the last settings' path
      told = true;
    }
    timer = setTimeout(() => finish(runs, began, told), 0);
  }

  return {
    /** Describe the runs of `settings` on `surface` (null when `problem` says why there is none). */
    later(settings, surface, problem) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (signal.aborted) return;
        if (!surface || problem) return show([], problem);
        finish(startRuns(settings, surface), performance.now());
      }, 0);
    },
  };
}
