// Unit tests of the runs and their play state (pure, no DOM): the step is read from the runs, a
// run restored at a step stands where playing to it would, play stops once every run stopped, and
// the readout's status says which of these a run is in.
import assert from "node:assert/strict";
import { test } from "node:test";

import { descend } from "../src/descent.js";
import { Playback } from "../src/playback.js";
import { statusText } from "../src/readout.js";
import { DEFAULTS } from "../src/state.js";

const { step: _, ...BOWL } = DEFAULTS;
const RACE = { ...BOWL, surface: "valley", lr: 0.09, x: -2.5, y: 1, optimizers: ["gd", "momentum"] };

test("the step is the iteration the runs stand at, read from them", () => {
  const playback = new Playback(BOWL);
  assert.equal(playback.step, 0);
  playback.stepOnce();
  playback.stepOnce();
  assert.equal(playback.step, 2);
  assert.equal(playback.runs[0].descent.iterations, 2);
});

test("a race restored at a step stands where playing to that step leaves it", () => {
  const played = new Playback(RACE);
  played.play();
  for (let frame = 0; frame < 8; frame += 1) played.tick(5);
  const restored = new Playback(RACE, played.step);
  assert.equal(played.step, 40);
  assert.deepEqual(
    restored.runs.map((r) => r.descent.point),
    played.runs.map((r) => r.descent.point),
  );
});

test("the step of a race counts the runs still going, not one that stopped early", () => {
  // On the valley at 0.09 GD converges well before momentum does.
  const gdSteps = descend("valley", [-2.5, 1], { optimizer: "gd", lr: 0.09 }).iterations;
  const playback = new Playback(RACE);
  playback.play();
  playback.tick(gdSteps + 10);
  assert.equal(playback.runs[0].descent.status, "converged");
  assert.equal(playback.runs[0].descent.iterations, gdSteps);
  assert.equal(playback.step, gdSteps + 10);
  assert.ok(playback.playing, "momentum is still running");
});

test("play stops by itself once every run has stopped; playing again starts over", () => {
  const playback = new Playback({ ...BOWL, maxIter: 30 });
  playback.play();
  playback.tick(25);
  assert.ok(playback.playing);
  playback.tick(25);
  assert.equal(playback.playing, false);
  assert.equal(playback.finished, true);
  assert.equal(playback.step, 30);
  assert.equal(playback.runs[0].descent.status, "max_iter");
  playback.toggle();
  assert.equal(playback.playing, true);
  assert.equal(playback.step, 0);
});

test("pause keeps the runs where they are; a tick while paused does nothing", () => {
  const playback = new Playback(BOWL);
  playback.toggle();
  playback.tick(10);
  playback.toggle();
  assert.equal(playback.playing, false);
  playback.tick(10);
  assert.equal(playback.step, 10);
});

test("lr 1 on the bowl bounces between two points and is never called converged", () => {
  // x -> x - 1 * 2x = -x: the value changes by exactly 0 each step; a value_tol of 0 is off.
  const playback = new Playback({ ...BOWL, lr: 1, maxIter: 200 });
  playback.play();
  playback.tick(50);
  assert.equal(playback.runs[0].descent.status, "running");
  playback.tick(1000);
  assert.equal(playback.runs[0].descent.status, "max_iter");
  assert.equal(playback.step, 200);
});

test("the status says Ready, Running or Paused while a run goes on, then how it ended", () => {
  const playback = new Playback(BOWL);
  const status = () => statusText(playback.runs[0].descent, playback.playing);
  assert.equal(status(), "Ready");
  playback.play();
  assert.equal(status(), "Running");
  playback.tick(5);
  playback.pause();
  assert.equal(status(), "Paused");
  playback.stepOnce();
  assert.equal(status(), "Paused");
  playback.play();
  while (playback.playing) playback.tick(100);
  assert.match(status(), /^Converged \(the gradient is small enough\): gradient norm /);
});

test("a diverged run's status names the step it broke off on, which the readout does not show", () => {
  const playback = new Playback({ ...BOWL, lr: 1.5 });
  playback.play();
  while (playback.playing) playback.tick(100);
  const { descent } = playback.runs[0];
  assert.equal(descent.status, "diverged");
  assert.match(statusText(descent), new RegExp(`^Diverged on step ${descent.iterations + 1} \\(not drawn\\): value `));
});
