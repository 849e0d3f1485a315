// The convergence page's live figure: the three quantities the stopping rules watch along one
// run (log scale against the step), the reader's three tolerances as dotted lines, a mark where
// each test alone would stop the run, and a line where gdlib's run with all three stops. The
// numbers are criteria-state.js; this module draws and wires the controls.
import { slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { legend } from "./legend.js";
import { chart, clear, dot, line, panels } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { TESTS, criteriaFacts, criteriaRows, criteriaSetup, criteriaStatus, criteriaSummary, markIndex } from "./criteria-state.js";

const LO = 1e-12;
const HI = 1e2;
const SHOWN = 450; // steps shown unless a stop lies further on

function drawCriteria(ctx, w, h, colours, { setup, facts }) {
  clear(ctx, w, h, colours);
  const [box] = panels(w, h, 1);
  const stops = [facts.run.iterations, ...TESTS.map(({ key }) => markIndex(facts, key) ?? 0)];
  const xMax = Math.min(setup.base.maxIter, Math.max(SHOWN, Math.max(...stops) + 20));
  const yTicks = logTicks(LO, HI).filter((_, i) => i % 3 === 0);
  const styles = { gradTol: [colours.path, []], stepTol: [colours.point, []], valueTol: [colours.text, [5, 3]] };
  chart(ctx, box, colours, { x: [0, xMax], y: [LO, HI], yLog: true, xTicks: niceTicks(0, xMax, 5), yTicks, xLabel: "step k", yLabel: "size (log)" }, (s) => {
    for (const { key } of TESTS) {
      const [colour, dash] = styles[key];
      const series = setup.quantities[key];
      const points = [];
      for (let k = 0; k < Math.min(series.length, xMax + 1); k += 1) if (series[k] !== null) points.push([s.x(k), s.y(Math.max(series[k], LO / 10))]);
      line(ctx, points, colour, 1.6, dash);
      const tol = facts.tolerances[key];
      line(ctx, [[box.x, s.y(tol)], [box.x + box.w, s.y(tol)]], colour, 1, [2, 3]);
      const at = markIndex(facts, key);
      if (at !== null) dot(ctx, s.x(at), s.y(Math.max(series[at], LO / 10)), colour, 5);
    }
    line(ctx, [[s.x(facts.run.iterations), box.y], [s.x(facts.run.iterations), box.y + box.h]], colours.muted, 2);
  });
  // Top right: every quantity falls from the top left.
  const names = { gradTol: "gradient norm", stepTol: "step length", valueTol: "change in value" };
  legend(ctx, box, colours, [
    ...TESTS.map(({ key }) => ({ label: names[key], colour: styles[key][0], dash: styles[key][1], width: 1.6 })),
    { label: "its tolerance, in its colour", colour: colours.muted, width: 1, dash: [2, 3] },
    { label: "where that test alone stops", colour: colours.muted, mark: "dot", size: 4 },
    { label: "where the run stops", colour: colours.muted, width: 2 },
  ]);
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
