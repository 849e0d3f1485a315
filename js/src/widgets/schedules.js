// The schedules page's live figure: the loss above the optimum after each epoch on a log scale
// (first panel) and the rate of each epoch (second panel), for the schedule, peak rate and schedule
// setting the reader picks, beside the constant rate on the same batches (dashed). The numbers are
// schedules-state.js, the words schedules-words.js; this module draws and wires the controls.
import { formatG } from "../pyfmt.js";
import { SCHEDULE_LABELS, SCHEDULES } from "../schedules.js";
import { button, select, slider } from "./controls.js";
import { buildFrame, make } from "./frame.js";
import { along, legend, stroke } from "./legend.js";
import { chart, clear, dot, panels } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { createSchedules, decayKnob, reseed, scheduleFacts, scheduleRows, withDecay, withRate, withSchedule } from "./schedules-state.js";
import { scheduleStatus, scheduleSummary } from "./schedules-words.js";

const DASH = [5, 3]; // the constant rate, drawn under the reader's schedule
const FLOOR = 1e-12; // a loss gap below this is drawn at it (a log axis has no zero)

function drawSchedules(ctx, w, h, colours, { state }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2);
  const runs = state.run === state.reference ? [state.run] : [state.reference, state.run];
  // How each run is drawn, and named in the key: one entry for both.
  const style = (run) =>
    run === state.run ? { label: SCHEDULE_LABELS[state.schedule], colour: colours.point, width: 1.8 } : { label: "constant rate", colour: colours.muted, width: 1.2, dash: DASH };
  const gaps = runs.flatMap((run) => run.excess).map((v) => Math.max(FLOOR, v));
  const lo = 10 ** Math.floor(Math.log10(Math.min(...gaps)));
  // A decade above the largest gap once it is near the top of its own: the first epoch's point
  // (about 1) was drawn on the panel's edge.
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...gaps)) + 0.05);
  const decades = logTicks(lo, hi);
  const yTicks = decades.filter((_, i) => i % Math.ceil(decades.length / 5) === 0);
  const xTicks = niceTicks(0, state.epochs, 3);
  const drawn = []; // the loss curves' pixels, sampled along each segment, for the key to avoid
  chart(ctx, left, colours, { x: [0, state.epochs], y: [lo, hi], yLog: true, xTicks, yTicks, xLabel: "epoch", yLabel: "loss − optimum" }, (s) => {
    for (const run of runs) {
      const points = run.excess.map((v, e) => [s.x(e), s.y(Math.max(FLOOR, v))]);
      stroke(ctx, points, style(run));
      if (run === state.run) for (const [px, py] of points) dot(ctx, px, py, colours.point, 2);
      drawn.push(...along(points, 5));
    }
  });
  const top = Math.max(...runs.flatMap((run) => run.rates)) * 1.1;
  chart(ctx, right, colours, { x: [0, state.epochs], y: [0, top], xTicks, yTicks: niceTicks(0, top, 4), xLabel: "epoch", yLabel: "learning rate" }, (s) => {
    // Epoch e runs at rates[e]: a step from e to e + 1, up to the epoch a run diverged in.
    for (const run of runs) {
      const ran = run.rates.slice(0, run.excess.length);
      stroke(ctx, ran.flatMap((r, e) => [[s.x(e), s.y(r)], [s.x(e + 1), s.y(r)]]), style(run));
    }
  });
  // Usually the loss's lower left (the first epochs' losses are the largest), but a run that
  // blows up stretches the axis and puts its early losses there.
  legend(ctx, left, colours, [...runs].reverse().map(style), ["bottom-left", "bottom-right", "top-right", "top-left"], drawn);
}

/** Mount on `root` with the page's config (scripts/fig_schedules_live.py). */
export function mount(root, config) {
  const scene = { state: createSchedules(config) };
  const frame = buildFrame(root, {
    label: "Live figure: the loss above the optimum after each epoch on a log scale, and each epoch's learning rate, for the chosen schedule and peak rate beside the constant rate on the same batches (dashed).",
    tableCaption: "The loss above the optimum after each epoch, and the rate of that epoch",
    columns: ["epoch", "rate", "loss − optimum", "constant rate: loss − optimum"],
    draw: (ctx, w, h, colours) => drawSchedules(ctx, w, h, colours, scene),
  });
  const update = (state) => {
    scene.state = state;
    const facts = scheduleFacts(state);
    frame.show({ statusText: scheduleStatus(facts), summaryText: scheduleSummary(facts), tableRows: () => scheduleRows(scene.state) });
  };
  const { lrMin, lrMax } = scene.state;
  const control = slider(frame, {
    label: "Peak rate η₀",
    scale: scene.state.slider,
    format: (v) => formatG(v, 3),
    range: { min: lrMin, max: lrMax, positive: true },
    onChange: (lr) => update(withRate(scene.state, lr)),
  });
  const options = SCHEDULES.map((name) => [name, SCHEDULE_LABELS[name]]);
  // The chosen schedule's own setting (step decay's γ, 1/t's δ, the warm-up's length) sits in a
  // slot after the choice: a schedule without one (constant, cosine) leaves it empty.
  const slot = make("div", "gd-live__slot");
  const showKnob = () => {
    slot.replaceChildren();
    const knob = decayKnob(scene.state);
    if (!knob) return;
    const { label, scale, range, value } = knob;
    const onChange = (v) => update(withDecay(scene.state, v));
    slider({ controls: slot, say: frame.say }, { label, scale, range, format: (v) => formatG(v, 3), onChange }).set(value, { announce: false });
  };
  const choose = (name) => {
    update(withSchedule(scene.state, name));
    showKnob();
  };
  select(frame, "Schedule", options, choose).value = scene.state.schedule;
  frame.controls.append(slot);
  button(frame, "Reseed", () => update(reseed(scene.state)));
  control.set(scene.state.lr, { announce: false });
  showKnob();
  update(scene.state);
  return { dispose: frame.dispose };
}
