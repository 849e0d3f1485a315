// The readout: position, value, gradient, iteration and status of the lead path, and a legend
// with every racing path's colour and status. Status changes reach screen readers through the
// live region of the Status field; the numbers, updated every frame, are not announced. How
// each run ends is said in words by summary-view.js, when the settings change; the page's HTML
// holds those words for the opening run, so that module loads after the explorer's first frame,
// outside its first load.
import { fine } from "./fmt.js";
import { OPTIMIZER_LABELS } from "./palette.js";

const CRITERIA = {
  grad_tol: "the gradient is small enough",
  step_tol: "the step is small enough",
  value_tol: "the value stopped changing",
};

/** A run still going: "Running" while it plays, else "Ready" at its start or "Paused". */
function phase(run, playing) {
  if (playing) return "Running";
  return run.iterations === 0 ? "Ready" : "Paused";
}

/** The status sentence for a run: "Converged (…): …", "Diverged: …", "Max iterations: …", or its phase. */
export function statusText(run, playing = false) {
  const detail = run.message.replace(/^[a-z]+: /, "");
  if (run.status === "converged") return `Converged (${CRITERIA[run.criterion]}): ${detail}`;
  // The step that broke the limit is not kept: the readout shows the one before it.
  if (run.status === "diverged") return `Diverged on step ${run.iterations + 1} (not drawn): ${detail}`;
  if (run.status === "max_iter") return `Max iterations: ${detail}`;
  return phase(run, playing);
}

const SHORT = { converged: "converged", diverged: "diverged", max_iter: "max iterations" };

/** The readout in `section`; its summary and points table (summary-view.js) until `signal` aborts. */
export function createReadout(section, signal) {
  const out = (key) => section.querySelector(`[data-out="${key}"]`);
  const fields = ["position", "value", "gradient", "iteration", "status"].map(out);
  const lead = section.querySelector(".gdx__lead-name");
  const legend = section.querySelector(".gdx__legend");
  // The page's HTML shows the default run's values from the build: the same text is not rewritten.
  let legendKey = [...legend.querySelectorAll(".gdx__swatch")].map((s) => s.className.split("--").pop()).join();
  let shown = fields.map((field) => field.textContent);

  function setLegend(runs) {
    legend.replaceChildren(
      ...runs.map(({ name }) => {
        const item = document.createElement("li");
        item.innerHTML = `<span class="gdx__swatch gdx__swatch--${name}" aria-hidden="true"></span>${OPTIMIZER_LABELS[name]}: <span></span>`;
        return item;
      }),
    );
  }

  /** Show the lead run (the first) and the legend, `playing` or not; writes only changed text. */
  function update(runs, problem = null, playing = false) {
    const key = runs.map((r) => r.name).join();
    if (key !== legendKey) {
      legendKey = key;
      setLegend(runs);
    }
    const { name, descent: d } = runs[0] ?? {};
    const [x, y] = d?.point ?? [];
    const [gx, gy] = d?.gradient ?? [];
    const next = !d ? ["—", "—", "—", "0", `No run: ${problem}`]
      : [`(${fine(x)}, ${fine(y)})`, fine(d.value), `(${fine(gx)}, ${fine(gy)})`, String(d.iterations), statusText(d, playing)];
    next.forEach((text, i) => {
      if (shown[i] !== text) fields[i].textContent = text;
    });
    shown = next;
    lead.textContent = OPTIMIZER_LABELS[name] ?? "—";
    runs.forEach(({ descent }, i) => {
      const status = SHORT[descent.status] ?? phase(descent, playing).toLowerCase();
      const text = `${status}, step ${descent.iterations}, value ${fine(descent.value)}`;
      const span = legend.children[i].lastElementChild;
      if (span.textContent !== text) span.textContent = text;
    });
  }

  /** The HTML's summary and table describe the default run: on a link they give way at once (and
   * quietly: the words follow in a moment), as summary-view.js loads after the first frame. */
  function stale() {
    const words = section.querySelector(".gdx__summary");
    words.textContent = words.dataset.working;
    words.setAttribute("aria-busy", "true");
    section.querySelector(".gdx__points").hidden = true;
  }

  let summary = null; // summary-view.js's createSummary, once loaded
  const describe = (...run) => {
    summary ??= import("./summary-view.js").then(({ createSummary }) =>
      createSummary(section.querySelector(".gdx__summary"), section.querySelector(".gdx__points"), signal),
    );
    summary.then((view) => view.later(...run));
  };
  return { update, describe, stale };
}
