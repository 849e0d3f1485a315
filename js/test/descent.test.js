// Unit tests of the pure descent module: surfaces, optimizers (torch conventions), stopping rules.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Descent, OPTIMIZERS, SURFACES, adam, descend, getOptimizer, getSurface, sgd } from "../src/descent.js";

const close = (a, b, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("the bowl at (2, 2) has value 8 and gradient (4, 4)", () => {
  const bowl = getSurface("bowl");
  assert.equal(bowl.f(2, 2), 8);
  assert.deepEqual(bowl.grad(2, 2), [4, 4]);
});

test("every surface's gradient matches central differences", () => {
  const h = 1e-6;
  for (const s of Object.values(SURFACES)) {
    const [[x0, x1], [y0, y1]] = s.bounds;
    for (let i = 0; i < 20; i += 1) {
      const x = x0 + ((x1 - x0) * ((i * 7) % 20)) / 20;
      const y = y0 + ((y1 - y0) * ((i * 13) % 20)) / 20;
      const [gx, gy] = s.grad(x, y);
      const scale = 1 + Math.abs(gx) + Math.abs(gy);
      close(gx, (s.f(x + h, y) - s.f(x - h, y)) / (2 * h), 1e-5 * scale);
      close(gy, (s.f(x, y + h) - s.f(x, y - h)) / (2 * h), 1e-5 * scale);
    }
  }
});

test("every known minimum is a stationary point and the start lies in bounds", () => {
  for (const s of Object.values(SURFACES)) {
    for (const [x, y] of s.minima) {
      const [gx, gy] = s.grad(x, y);
      assert.ok(Math.hypot(gx, gy) < 1e-8, `${s.name} at (${x}, ${y})`);
    }
    const [[x0, x1], [y0, y1]] = s.bounds;
    assert.ok(s.start[0] >= x0 && s.start[0] <= x1 && s.start[1] >= y0 && s.start[1] <= y1);
  }
});

test("an unknown surface or optimizer is refused by name", () => {
  assert.throws(() => getSurface("moon"), /Unknown surface name 'moon'; known: 'bowl'/);
  assert.throws(() => getOptimizer("lion", 0.1), /Unknown optimizer 'lion'/);
  assert.throws(() => sgd(-1), /Invalid learning rate: -1/);
  assert.throws(() => sgd(Number.NaN), /Invalid learning rate/);
  assert.throws(() => adam(0.1, { betas: [1.0, 0.999] }), /Invalid beta parameter at index 0: 1/);
  for (const name of ["adagrad", "rmsprop", "adam"]) {
    assert.throws(() => getOptimizer(name, 0.1, { eps: 0 }), /Invalid epsilon value: 0 \(must be > 0/);
  }
  assert.throws(() => getOptimizer("rmsprop", 0.1, { alpha: 1 }), /^RangeError: Invalid alpha value: 1$/);
  assert.throws(() => getOptimizer("rmsprop", 0.1, { alpha: 0, centered: true }), /Invalid alpha value: 0 \(centered needs alpha > 0/);
  assert.ok(getOptimizer("rmsprop", 0.1, { alpha: 0 }));
  // torch takes these; gdlib refuses them (tests/gdlib/test_optimizer_inputs.py), and so does the port.
  assert.throws(() => sgd(0.1, { momentum: 1 }), /^RangeError: Invalid momentum value: 1$/);
  assert.throws(() => sgd(0.1, { momentum: 0.5, dampening: 1 }), /^RangeError: Invalid dampening value: 1$/);
  assert.ok(sgd(0.1, { momentum: 0.99, dampening: 0.5 }));
  assert.throws(() => getOptimizer("rmsprop", 0.1, { momentum: 1 }), /^RangeError: Invalid momentum value: 1$/);
  assert.ok(getOptimizer("rmsprop", 0.1, { momentum: 0.99 }));
});

test("centred RMSProp clips a variance rounded below zero, as gdlib does: no NaN step", () => {
  // A tiny alpha leaves the mean square and the squared mean nearly equal; their difference
  // rounds below 0 for some gradients (torch's root is then NaN).
  const opt = getOptimizer("rmsprop", 0.01, { alpha: 1e-16, centered: true });
  let state = opt.init([0, 0]);
  let [nans, negatives] = [0, 0];
  for (let i = 1; i <= 2000; i += 1) {
    const g = [Math.sin(i) * 3.7, Math.cos(1.3 * i) * 0.9];
    const [step, next] = opt.update(g, state);
    nans += step.filter(Number.isNaN).length;
    state = next;
    negatives += state.squareAvg.filter((v, j) => v - state.gradAvg[j] * state.gradAvg[j] < 0).length;
  }
  assert.ok(negatives > 0, "the case is real: some variances rounded below 0");
  assert.equal(nans, 0);
});

test("gradient descent steps are -lr * grad; momentum follows torch's buffer rule", () => {
  const gd = sgd(0.1);
  assert.deepEqual(gd.update([4, 4], gd.init())[0], [-0.4, -0.4]);
  const mom = sgd(0.1, { momentum: 0.9 });
  let [step, state] = mom.update([1, 2], mom.init());
  [step, state] = mom.update([1, 2], state);
  close(step[0], -0.19);
  close(step[1], -0.38);
});

test("Adam's first step has length lr in each coordinate (bias correction)", () => {
  const opt = adam(0.1);
  const [step] = opt.update([5, -0.5], opt.init());
  close(step[0], -0.1, 1e-6);
  close(step[1], 0.1, 1e-6);
});

test("the default bowl run converges by the gradient norm after 770 steps", () => {
  const run = descend("bowl", [2, 2]);
  assert.equal(run.status, "converged");
  assert.equal(run.criterion, "grad_tol");
  assert.equal(run.iterations, 770);
  assert.equal(run.positions.length, 771);
  assert.equal(run.message, "converged: gradient norm 9.9e-07 <= 1e-06");
});

test("a rate above 2/L on the bowl diverges and says why", () => {
  const run = descend("bowl", [2, 2], { lr: 1.5 });
  assert.equal(run.status, "diverged");
  assert.match(run.message, /^diverged: value .* exceeded 1e\+12 in magnitude/);
  assert.match(run.message, /learning rate 1.5 is above 2\/L = 1 for this surface$/);
  assert.ok(run.values.every(Number.isFinite));
  assert.ok(run.values.every((v) => Math.abs(v) <= 1e12), "the offending iterate is not kept");
});

test("momentum gets no 2/L hint: its limit is 2(1 + mu)/L", () => {
  assert.equal(descend("bowl", [2, 2], { lr: 1.5, hyper: { momentum: 0.9 } }).status, "converged");
  const fast = descend("bowl", [2, 2], { lr: 1.95, hyper: { momentum: 0.9 } });
  assert.equal(fast.message, "diverged: value 1.04e+12 exceeded 1e+12 in magnitude");
  const plain = descend("bowl", [2, 2], { lr: 1.95, hyper: { momentum: 0 } });
  assert.match(plain.message, /learning rate 1.95 is above 2\/L = 1 for this surface$/);
});

test("max_iter stops the run with a message; 0 steps keeps the start only", () => {
  const run = descend("rosenbrock", [-1.5, 2], { lr: 0.001, maxIter: 50 });
  assert.equal(run.status, "max_iter");
  assert.equal(run.iterations, 50);
  assert.equal(run.message, "stopped: reached max_iter = 50");
  assert.equal(descend("bowl", [2, 2], { maxIter: 0 }).positions.length, 1);
});

test("step and value tolerances stop a run with their criterion", () => {
  assert.equal(descend("bowl", [2, 2], { stepTol: 1e-3 }).criterion, "step_tol");
  assert.equal(descend("bowl", [2, 2], { valueTol: 1e-4 }).criterion, "value_tol");
});

test("the saddle diverges and is reported as unbounded below", () => {
  const run = descend("saddle", [1.5, 0.01], { lr: 0.1 });
  assert.equal(run.status, "diverged");
  assert.match(run.message, /this surface is unbounded below$/);
  // Above 2/L too: both causes, the unbounded surface first (it diverges at any rate).
  const fast = descend("saddle", [1, 0.5], { lr: 1.5 });
  assert.match(fast.message, /; this surface is unbounded below, and learning rate 1\.5 is above 2\/L = 1$/);
});

test("starting at a minimum converges at iterate 0", () => {
  const run = descend("bowl", [0, 0]);
  assert.equal(run.iterations, 0);
  assert.equal(run.criterion, "grad_tol");
});

test("every optimizer reaches the bowl's minimum", () => {
  for (const optimizer of OPTIMIZERS) {
    const run = descend("bowl", [2, 2], { optimizer, lr: 0.05, maxIter: 5000, valueTol: 1e-14 });
    const [x, y] = run.positions.at(-1);
    assert.ok(Math.hypot(x, y) < 1e-3, `${optimizer} ended at (${x}, ${y}): ${run.message}`);
  }
});

test("Descent.advance steps one iterate at a time and agrees with descend", () => {
  const live = new Descent("valley", [-2.5, 1], { optimizer: "adam", lr: 0.05 });
  assert.equal(live.status, "running");
  assert.equal(live.run(10), 10);
  assert.equal(live.iterations, 10);
  live.run();
  const whole = descend("valley", [-2.5, 1], { optimizer: "adam", lr: 0.05 });
  assert.deepEqual(live.positions, whole.positions);
  assert.equal(live.message, whole.message);
});

test("a start that is not finite is refused", () => {
  assert.throws(() => new Descent("bowl", [Number.NaN, 0]), /start contains NaN/);
});

test("a run at exactly 2/L bounces and is not converged (bowl lr 1, valley lr 0.1)", () => {
  for (const [name, lr] of [["bowl", 1.0], ["valley", 0.1]]) {
    assert.equal(lr, 2 / getSurface(name).lipschitz);
    const run = descend(name, getSurface(name).start, { lr, maxIter: 500 });
    assert.equal(run.status, "max_iter", `${name}: ${run.message}`);
    assert.equal(run.criterion, null);
    assert.equal(run.iterations, 500);
    const ys = run.positions.map((p) => p[1]);
    for (let k = 1; k < ys.length; k += 1) assert.equal(ys[k], -ys[k - 1]);
  }
});

test("the old bowl case at lr 1 with max_iter 6 reports max_iter, not converged", () => {
  const run = descend("bowl", [2, 2], { lr: 1.0, maxIter: 6 });
  assert.equal(run.status, "max_iter");
  assert.equal(run.message, "stopped: reached max_iter = 6");
  assert.deepEqual(run.positions.map((p) => p[0]), [2, -2, 2, -2, 2, -2, 2]);
});

test("a live Descent at 2/L stays running until max_iter", () => {
  const live = new Descent("bowl", [2, 2], { lr: 1.0, maxIter: 100 });
  assert.equal(live.run(99), 99);
  assert.equal(live.status, "running");
  live.run();
  assert.equal(live.status, "max_iter");
});

test("a tolerance of 0 switches the step and value tests off", () => {
  for (const tol of ["stepTol", "valueTol"]) {
    assert.equal(descend("bowl", [2, 2], { lr: 1.0, maxIter: 50, [tol]: 0 }).status, "max_iter");
  }
});
