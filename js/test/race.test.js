// The race figure's rate control against its status line: a typed rate beside a stability limit
// keeps the digits the status prints, and the race's own rate is a position of the slider.
import assert from "node:assert/strict";
import test from "node:test";

import { MOMENTUM_OPTIMIZERS, PRESET_MOMENTUM, raceFacts, raceSetup, raceStatus, rateGrid, rateText } from "../src/widgets/race-state.js";

test("the race's momentum control follows gdlib's presets", () => {
  // gdlib.optimizers.preset: momentum and nesterov run at 0.9, the others have no momentum.
  assert.deepEqual(MOMENTUM_OPTIMIZERS, ["momentum", "nesterov"]);
  assert.equal(PRESET_MOMENTUM, 0.9);
});

test("the race's rate field writes a typed rate as the status line does", () => {
  const setup = raceSetup({ races: { valley: { gd: [2 / 22, {}] } }, maxIter: 4000 });
  for (const [optimizer, lr, momentum] of [["gd", 0.10004, null], ["gd", 0.0999, null], ["momentum", 0.11544307851020348, 0.26987386361223836]]) {
    const choice = { surface: "valley", optimizer, lr, momentum };
    const status = raceStatus(raceFacts(setup, choice));
    assert.equal(rateText(choice), status.match(/η = ([^,)]+)/)[1]);
  }
  assert.notEqual(rateText({ surface: "valley", optimizer: "gd", lr: 0.10004, momentum: null }), "0.1");
});

test("a log slider anchored at the race's rate has it as a position, exactly, and keeps its ends", async () => {
  const { logSlider } = await import("../src/widgets/scale.js");
  const anchor = 0.11544307851020348;
  const s = logSlider(1e-4, 0.5, 240, 3, anchor);
  const at = s.position(anchor);
  assert.equal(s.value(at), anchor);
  assert.equal(s.value(s.position(s.value(at + 7)) - 7), anchor);
  assert.equal(s.value(0), 1e-4);
  assert.equal(s.value(240), 0.5);
  for (let p = 1; p < 240; p += 1) assert.equal(s.position(s.value(p)), p);
  assert.notEqual(logSlider(1e-4, 0.5, 240).value(logSlider(1e-4, 0.5, 240).position(anchor)), anchor);
});

test("an anchor within half a step of an end, but not on it, leaves both ends reachable", async () => {
  const { logSlider } = await import("../src/widgets/scale.js");
  const [lo, hi, steps] = [1e-4, 0.5, 240];
  const step = Math.log(hi / lo) / steps;
  for (const anchor of [hi * Math.exp(-0.3 * step), lo * Math.exp(0.3 * step), lo, hi]) {
    const s = logSlider(lo, hi, steps, 3, anchor);
    assert.equal(s.value(0), lo);
    assert.equal(s.value(steps), hi);
    assert.equal(s.value(s.position(anchor)), anchor);
  }
});

test("the rate slider's grid takes its range and positions from the page's config and stops on each race rate", async () => {
  const races = { valley: { gd: [2 / 22, {}], momentum: [0.11544307851020348, { momentum: 0.27 }] }, rosenbrock: { gd: [0.001, {}] } };
  const setup = raceSetup({ races, maxIter: 4000, lrMin: 2e-4, lrMax: 0.4, steps: 100 });
  for (const methods of Object.values(races)) {
    for (const [lr] of Object.values(methods)) {
      const grid = rateGrid(setup, lr);
      assert.equal(grid.steps, 100);
      assert.deepEqual([grid.value(0), grid.value(100)], [2e-4, 0.4]);
      assert.equal(grid.value(grid.position(lr)), lr);
    }
  }
});

test("the rate slider's grid refuses a config without the build script's range", () => {
  const setup = raceSetup({ races: { valley: { gd: [0.1, {}] } }, maxIter: 4000 });
  assert.throws(() => rateGrid(setup, 0.1), /lrMin and lrMax must satisfy/);
});
