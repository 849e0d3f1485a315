// The parameter-updates page's live figure: the race's surface with plain descent's race path
// and the reader's optimizer at the reader's rate and momentum (left), and both runs' values
// against the step on a log scale (right). The numbers are race-state.js; this module draws and
// wires the controls (two sliders, the optimizer and the surface).
import { sampleSurface } from "../contours.js";
import { getSurface } from "../descent.js";
import { slider } from "./controls.js";
import { buildFrame, make } from "./frame.js";
import { axes, clear, clipped, dot, line, panels, scalesFor } from "./plot.js";
import { logSlider, logTicks, niceTicks } from "./scale.js";
import { LABELS, MOMENTUM_OPTIMIZERS, raceFacts, raceRows, raceSetting, raceSetup, raceStatus, raceSummary } from "./race-state.js";

const LO = 1e-14;
const HI = 1e4;
const MU_STEPS = 99; // momentum 0, 0.01, ..., 0.99

function drawRace(ctx, w, h, colours, { facts, contours }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2);
  const surface = getSurface(facts.surface);
  const [[x0, x1], [y0, y1]] = surface.bounds;
  const s = scalesFor(left, [x0, x1], [y0, y1]);
  axes(ctx, left, s, colours, { xTicks: niceTicks(x0, x1, 4), yTicks: niceTicks(y0, y1, 4), xLabel: "x", yLabel: "y" });
  clipped(ctx, left, () => {
    ctx.strokeStyle = colours.faint;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const { segments } of contours[facts.surface]) {
      for (let i = 0; i < segments.length; i += 4) {
        ctx.moveTo(s.x(segments[i]), s.y(segments[i + 1]));
        ctx.lineTo(s.x(segments[i + 2]), s.y(segments[i + 3]));
      }
    }
    ctx.stroke();
    line(ctx, facts.gd.positions.map(([x, y]) => [s.x(x), s.y(y)]), colours.muted, 1.2, [4, 3]);
    line(ctx, facts.run.positions.map(([x, y]) => [s.x(x), s.y(y)]), colours.point, 1.8);
    const [mx, my] = surface.minima[0];
    dot(ctx, s.x(mx), s.y(my), colours.text, 4);
    dot(ctx, s.x(surface.start[0]), s.y(surface.start[1]), colours.path, 4);
  });
  const steps = Math.max(facts.run.iterations, facts.gd.iterations, 10);
  const r = scalesFor(right, [0, steps], [LO, HI], { yLog: true });
  axes(ctx, right, r, colours, { xTicks: niceTicks(0, steps, 4), yTicks: logTicks(LO, HI).filter((_, i) => i % 4 === 0), xLabel: "step k", yLabel: "f (log)" });
  clipped(ctx, right, () => {
    const curve = (run) => run.values.map((v, k) => [r.x(k), r.y(Math.min(HI * 10, Math.max(LO / 10, v)))]);
    line(ctx, curve(facts.gd), colours.muted, 1.2, [4, 3]);
    line(ctx, curve(facts.run), colours.point, 1.8);
  });
}

function select(parent, label, options, onChange) {
  const box = make("div", "gd-live__control");
  const name = make("label", "", label);
  const node = make("select", "gd-live__field");
  name.htmlFor = node.id = `gd-live-select-${label.replace(/\W+/g, "-").toLowerCase()}`;
  for (const [value, text] of options) node.append(Object.assign(make("option", "", text), { value }));
  node.addEventListener("change", () => onChange(node.value));
  box.append(name, node);
  parent.append(box);
  return node;
}

/** Mount on `root` with the page's settings: {races, maxIter, surface, optimizer, lrMin, lrMax}. */
export function mount(root, config) {
  const setup = raceSetup(config);
  const choice = { surface: setup.surface, optimizer: setup.optimizer, ...raceSetting(setup, setup.surface, setup.optimizer) };
  const contours = Object.fromEntries(Object.keys(setup.races).map((name) => [name, sampleSurface(getSurface(name), 64).contours]));
  const scene = { facts: raceFacts(setup, choice), contours };
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
  const rateScale = logSlider(setup.lrMin, setup.lrMax, 240);
  const rate = slider(frame.controls, {
    label: "Learning rate η",
    steps: rateScale.steps,
    toValue: rateScale.value,
    toPosition: rateScale.position,
    format: String,
    range: { min: setup.lrMin, max: setup.lrMax, positive: true },
    onChange: (lr) => ((choice.lr = lr), update()),
    say: frame.say,
  });
  const momentum = slider(frame.controls, {
    label: "Momentum μ",
    steps: MU_STEPS,
    toValue: (p) => p / 100,
    toPosition: (v) => Math.round(v * 100),
    format: String,
    range: { min: 0, max: MU_STEPS / 100 },
    onChange: (mu) => {
      if (choice.optimizer === "nesterov" && mu === 0) {
        frame.say("Momentum μ must be above 0 for Nesterov; using 0.01.");
        momentum.set(0.01, { announce: false });
        mu = 0.01;
      }
      choice.momentum = mu;
      update();
    },
    say: frame.say,
  });
  const reset = () => {
    Object.assign(choice, raceSetting(setup, choice.surface, choice.optimizer));
    rate.set(choice.lr, { announce: false });
    const active = MOMENTUM_OPTIMIZERS.includes(choice.optimizer);
    if (choice.momentum === null) choice.momentum = 0.9;
    momentum.set(choice.momentum, { announce: false });
    momentum.input.disabled = momentum.field.disabled = !active;
    update();
  };
  const optimizers = Object.keys(setup.races[setup.surface]).map((name) => [name, LABELS[name]]);
  select(frame.controls, "Optimizer", optimizers, (name) => ((choice.optimizer = name), frame.say(""), reset())).value = choice.optimizer;
  const surfaces = Object.keys(setup.races).map((name) => [name, getSurface(name).title]);
  select(frame.controls, "Surface", surfaces, (name) => ((choice.surface = name), frame.say(""), reset())).value = choice.surface;
  reset();
  return { dispose: frame.dispose };
}
