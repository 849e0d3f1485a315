// The conditioning page's live figure (rate-state.js with config.kappas): its rate slider, whose
// grid is anchored on the opening rate, must also land on every other kappa's best fixed rate.
import test from "node:test";
import assert from "node:assert/strict";
import { rateFacts, rateSetup, rateSummary, withKappa } from "../src/widgets/rate-state.js";

// The shape of scripts/fig_conditioning_live.py's config; the test asks it of every kappa.
const config = { kappas: [1, 2, 10, 100], kappa: 10, bounds: [[-1.5, 1.5], [-1.5, 1.5]], start: [1, 1], lr: 0.182, lrMin: 0.001, lrMax: 2.5, maxIter: 1000 };
const threeDigits = (kappa) => Number((2 / (1 + kappa)).toPrecision(3));

test("the rate slider reaches each kappa's best fixed rate, to its three digits, without typing", () => {
  const setup = rateSetup(config);
  const { slider } = setup;
  for (const kappa of config.kappas) {
    const best = threeDigits(kappa);
    const at = slider.position(best);
    assert.equal(slider.value(at), best, `kappa = ${kappa}: the slider stops at ${slider.value(at)}, not ${best}`);
    // One step away by keyboard and back lands on it again.
    assert.equal(slider.value(slider.position(slider.value(at + 1)) - 1), best);
  }
  // The lesson of the round bowl, one step to the minimum, is a slider position.
  const bowl = withKappa(setup, 1);
  assert.match(rateSummary(rateFacts(bowl, slider.value(slider.position(1)))), /converged in 1 step\./);
});

test("the pinned rates leave the opening rate, the ends and every other position as they were", () => {
  const setup = rateSetup(config);
  const plain = rateSetup({ ...config, kappas: undefined, surface: "valley" }).slider;
  const { slider } = setup;
  const pinned = config.kappas.map((k) => slider.position(threeDigits(k)));
  assert.equal(slider.value(slider.position(config.lr)), config.lr);
  assert.equal(slider.value(0), config.lrMin);
  assert.equal(slider.value(slider.steps), config.lrMax);
  for (let p = 0; p <= slider.steps; p += 1) {
    assert.equal(slider.position(slider.value(p)), p);
    if (!pinned.includes(p)) assert.equal(slider.value(p), plain.value(p));
  }
});

test("a pin on an end, on the anchor's position, outside the range or on a taken position is left to typing", async () => {
  const { logSlider } = await import("../src/widgets/scale.js");
  const [lo, hi, steps, anchor] = [0.001, 2.5, 240, 0.182];
  const step = Math.exp(Math.log(hi / lo) / steps);
  const plain = logSlider(lo, hi, steps, 3, anchor);
  const pins = [lo * step ** 0.05, hi / step ** 0.05, anchor * step ** 0.1, 5, 1, 1 * step ** 0.1];
  // The grid runs through the anchor, not lo: these first two are on the ends' positions.
  assert.deepEqual(pins.map(plain.position), [0, steps, plain.position(anchor), steps, plain.position(1), plain.position(1)]);
  const s = logSlider(lo, hi, steps, 3, anchor, pins);
  for (let p = 0; p <= steps; p += 1) if (p !== s.position(1)) assert.equal(s.value(p), plain.value(p), `position ${p}`);
  // The first of two pins sharing a position keeps it.
  assert.equal(s.value(s.position(1)), 1);
});
