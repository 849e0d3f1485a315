// The convergence page's live figure: the three quantities the stopping rules watch along one
// run (log scale against the step), the reader's three tolerances as dotted lines, a mark where
// each test alone would stop the run, and a line where gdlib's run with all three stops. The
// numbers are criteria-state.js; this module draws and wires the controls.
import { slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { fitsIn, keyStrip, legend, place, stripFor, stroke } from "./legend.js";
import { chart, clear, panels } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { TESTS, criteriaFacts, criteriaRows, criteriaSetup, criteriaStatus, criteriaSummary, markIndex } from "./criteria-state.js";

const LO = 1e-12;
const HI = 1e2;
const SHOWN = 450; // steps shown unless a stop lies further on

function drawCriteria(ctx, w, h, colours, { setup, facts }) {
  clear(ctx, w, h, colours);
  const stops = [facts.run.iterations, ...TESTS.map(({ key }) => markIndex(facts, key) ?? 0)];
  const xMax = Math.min(setup.base.maxIter, Math.max(SHOWN, Math.max(...stops) + 20));
  const yTicks = logTicks(LO, HI).filter((_, i) => i % 3 === 0);
  // How each thing is drawn, and named in the key: one entry for both. A test's tolerance line
  // and its dot take the test's colour; the key shows them once, in the muted one.
  const series = {
    gradTol: { label: "gradient norm", colour: colours.path, width: 1.6 },
    stepTol: { label: "step length", colour: colours.point, width: 1.6 },
    valueTol: { label: "change in value", colour: colours.text, width: 1.6, dash: [5, 3] },
  };
  const tolerance = { label: "its tolerance, in its colour", colour: colours.muted, width: 1, dash: [2, 3] };
  const alone = { label: "where that test alone stops", colour: colours.muted, mark: "dot", size: 5 };
  const stop = { label: "where the run stops", colour: colours.muted, width: 2 };
  const entries = [...TESTS.map(({ key }) => series[key]), tolerance, alone, stop];
  // On a phone the key would hide the plot: it goes below, as the static twin's legend does.
  const strip = fitsIn(ctx, entries, panels(w, h, 1)[0]) ? 0 : stripFor(ctx, entries, w);
  const [box] = panels(w, h - strip, 1);
  chart(ctx, box, colours, { x: [0, xMax], y: [LO, HI], yLog: true, xTicks: niceTicks(0, xMax, 5), yTicks, xLabel: "step k", yLabel: "size (log)" }, (s) => {
    for (const { key } of TESTS) {
      const { colour } = series[key];
      const values = setup.quantities[key];
      const points = [];
      for (let k = 0; k < Math.min(values.length, xMax + 1); k += 1) if (values[k] !== null) points.push([s.x(k), s.y(Math.max(values[k], LO / 10))]);
      stroke(ctx, points, series[key]);
      const tol = facts.tolerances[key];
      stroke(ctx, [[box.x, s.y(tol)], [box.x + box.w, s.y(tol)]], { ...tolerance, colour });
      const at = markIndex(facts, key);
      if (at !== null) place(ctx, { ...alone, colour }, s.x(at), s.y(Math.max(values[at], LO / 10)));
    }
    stroke(ctx, [[s.x(facts.run.iterations), box.y], [s.x(facts.run.iterations), box.y + box.h]], stop);
  });
  // Top right: every quantity falls from the top left.
  if (strip) keyStrip(ctx, { x: 0, y: h - strip, w }, colours, entries);
  else legend(ctx, box, colours, entries);
}

/** Mount on `root` with the page's settings: {surface, start, lr, maxIter, the three tolerances, tolMin, tolMax}. */
export function mount(root, config) {
  const setup = criteriaSetup(config);
  const scene = { setup, facts: criteriaFacts(setup, setup.tolerances) };
  const frame = buildFrame(root, {
    label: "Live figure: gradient norm, step length and change in value along one run on a log scale against the step, with the chosen tolerances as dotted lines, a dot where each test alone would stop the run, and a line where the run stops.",
    tableCaption: "The watched quantities at each step, up to where the run stops",
    columns: ["k", "gradient norm", "step length", "change in value"],
    draw: (ctx, w, h, colours) => drawCriteria(ctx, w, h, colours, scene),
  });
  const update = () =>
    frame.show({ statusText: criteriaStatus(scene.facts), summaryText: criteriaSummary(scene.facts), tableRows: () => criteriaRows(setup, scene.facts) });
  const labels = { gradTol: "Gradient tolerance grad_tol", stepTol: "Step tolerance step_tol", valueTol: "Value tolerance value_tol" };
  for (const { key } of TESTS) {
    const control = slider(frame, {
      label: labels[key],
      scale: setup.slider,
      range: { min: setup.tolMin, max: setup.tolMax, positive: true },
      onChange: (tol) => {
        scene.facts = criteriaFacts(setup, { ...scene.facts.tolerances, [key]: tol });
        update();
      },
    });
    control.set(setup.tolerances[key], { announce: false });
  }
  update();
  return { dispose: frame.dispose };
}
