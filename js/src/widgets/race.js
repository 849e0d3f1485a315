// The parameter-updates page's live figure: the race's surface with plain descent's race path and
// the reader's optimizer at the reader's rate and momentum (first panel), and both runs' values
// against the step on a log scale (second panel). The numbers are race-state.js; this module draws
// and wires the controls (two sliders, the optimizer and the surface).
import { sampleSurface } from "../contours.js";
import { getSurface } from "../descent.js";
import { select, slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { legend, mapMarks, place, stroke } from "./legend.js";
import { chart, clear, mapPanel, panels } from "./plot.js";
import { logTicks, niceTicks, stepSlider } from "./scale.js";
import { LABELS, MOMENTUM_OPTIMIZERS, PRESET_MOMENTUM, num, raceFacts, raceRows, raceSetting, raceSetup, raceStatus, raceSummary, rateGrid, rateText } from "./race-state.js";

const LO = 1e-14;
const HI = 1e4;
const MU_MAX = 0.99; // momentum 0, 0.01, ..., 0.99

function drawRace(ctx, w, h, colours, { facts, contours, racers }) {
  clear(ctx, w, h, colours);
  const surface = getSurface(facts.surface);
  const [left, right] = panels(w, h, 2, { map: surface.bounds });
  const marks = mapMarks(colours);
  // How each run is drawn, and named in the key: one entry for both. Each optimizer keeps the
  // colour of the static race and loss curves (the build's config); plain descent's race run is
  // its colour, dashed.
  const run = { label: LABELS[facts.optimizer], colour: racers[facts.optimizer] ?? colours.point, width: 1.8 };
  // With GD chosen as well, its race run stands back in grey: two blues told apart by a dash alone.
  const reference = facts.optimizer === "gd" ? colours.muted : racers.gd ?? colours.muted;
  const gd = { label: "GD at its race rate", colour: reference, width: 1.2, dash: [4, 3] };
  const map = mapPanel(ctx, left, surface.bounds, colours, { contours: contours[facts.surface] }, (s) => {
    stroke(ctx, facts.gd.positions.map(([x, y]) => [s.x(x), s.y(y)]), gd);
    stroke(ctx, facts.run.positions.map(([x, y]) => [s.x(x), s.y(y)]), run);
    const [mx, my] = surface.minima[0];
    place(ctx, marks.minimum, s.x(mx), s.y(my));
    place(ctx, marks.start, s.x(surface.start[0]), s.y(surface.start[1]));
  });
  const steps = Math.max(facts.run.iterations, facts.gd.iterations, 10);
  chart(ctx, right, colours, { x: [0, steps], y: [LO, HI], yLog: true, xTicks: niceTicks(0, steps, 4), yTicks: logTicks(LO, HI).filter((_, i) => i % 4 === 0), xLabel: "step k", yLabel: "f (log)" }, (r) => {
    const curve = (run) => run.values.map((v, k) => [r.x(k), r.y(Math.min(HI * 10, Math.max(LO / 10, v)))]);
    stroke(ctx, curve(facts.gd), gd);
    stroke(ctx, curve(facts.run), run);
  });
  // The paths leave the map's lower right free on every race surface; the values fall away
  // from the chart's upper right.
  legend(ctx, map.box, colours, [marks.start, marks.minimum], "bottom-right");
  legend(ctx, right, colours, [run, gd]);
}

/** Mount on `root` with the page's settings: {races, maxIter, surface, optimizer, lrMin, lrMax, colours}. */
export function mount(root, config) {
  const setup = raceSetup(config);
  const choice = { surface: setup.surface, optimizer: setup.optimizer, ...raceSetting(setup, setup.surface, setup.optimizer) };
  const contours = Object.fromEntries(Object.keys(setup.races).map((name) => [name, sampleSurface(getSurface(name), 64).contours]));
  const scene = { facts: raceFacts(setup, choice), contours, racers: setup.colours };
  const frame = buildFrame(root, {
    label: "Live figure: the race's surface with plain descent's race path (dashed) and the chosen optimizer's path, and both runs' values against the step on a log scale.",
    tableCaption: "The chosen optimizer's path",
    columns: ["k", "x", "y", "f(x, y)"],
    draw: (ctx, w, h, colours) => drawRace(ctx, w, h, colours, scene),
  });
  const update = () => {
    scene.facts = raceFacts(setup, choice);
    frame.show({ statusText: raceStatus(scene.facts), summaryText: raceSummary(scene.facts), tableRows: () => raceRows(scene.facts.run) });
  };
  // The grid runs through the race setting on screen, so reset(), which restores a setting, is
  // where it is built; it runs before the reader can touch the slider.
  let grid = null;
  const rateScale = { steps: setup.steps, value: (p) => grid.value(p), position: (v) => grid.position(v) };
  const rate = slider(frame, {
    label: "Learning rate η",
    scale: rateScale,
    format: (lr) => rateText({ ...choice, lr }),
    range: { min: setup.lrMin, max: setup.lrMax, positive: true },
    onChange: (lr) => ((choice.lr = lr), update()),
  });
  const momentum = slider(frame, {
    label: "Momentum μ",
    scale: stepSlider(0, MU_MAX, 0.01),
    // The field shows what the summary says (μ = 0.27), not the tuned μ's 17 digits.
    format: num,
    range: { min: 0, max: MU_MAX },
    onChange: (mu) => {
      if (choice.optimizer === "nesterov" && mu === 0) {
        frame.say("Momentum μ must be above 0 for Nesterov; using 0.01.");
        momentum.set(0.01, { announce: false });
        mu = 0.01;
      }
      choice.momentum = mu;
      // The limits the rate is written apart from move with μ.
      rate.set(choice.lr, { announce: false });
      update();
    },
  });
  const reset = () => {
    Object.assign(choice, raceSetting(setup, choice.surface, choice.optimizer));
    grid = rateGrid(setup, choice.lr);
    rate.set(choice.lr, { announce: false });
    const active = MOMENTUM_OPTIMIZERS.includes(choice.optimizer);
    if (choice.momentum === null) choice.momentum = PRESET_MOMENTUM;
    momentum.set(choice.momentum, { announce: false });
    momentum.input.disabled = momentum.field.disabled = !active;
    update();
  };
  const optimizers = Object.keys(setup.races[setup.surface]).map((name) => [name, LABELS[name]]);
  select(frame, "Optimizer", optimizers, (name) => ((choice.optimizer = name), reset())).value = choice.optimizer;
  const surfaces = Object.keys(setup.races).map((name) => [name, getSurface(name).title]);
  select(frame, "Surface", surfaces, (name) => ((choice.surface = name), reset())).value = choice.surface;
  reset();
  return { dispose: frame.dispose };
}
