// Unit tests of "Your function" (src/expression.js): the shared corpus, exact derivatives, limits,
// and descent.js running on the result. Agreement with gdlib: tests/test_expression_agreement.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { kinkNote } from "../src/custom.js";
import { Descent, descend } from "../src/descent.js";
import {
  ExpressionError, MAX_DEPTH, MAX_LENGTH, largestEigenvalue, parseExpression, surfaceFromExpression,
} from "../src/expression.js";

const corpus = JSON.parse(readFileSync(new URL("../../tests/data/expressions.json", import.meta.url)));

test("x^2 + 2*y^2 at (2, 2): value 12, gradient (4, 8), Hessian diag(2, 4)", () => {
  const s = surfaceFromExpression("x^2 + 2*y^2");
  assert.equal(s.f(2, 2), 12);
  assert.deepEqual(s.grad(2, 2), [4, 8]);
  assert.deepEqual(s.hessian(2, 2), [[2, 0], [0, 4]]);
  assert.equal(largestEigenvalue(s.hessian(2, 2)), 4);
  assert.deepEqual(s.start, [2, 2]);
});

test("the largest eigenvalue of a 2x2 symmetric matrix", () => {
  assert.equal(largestEigenvalue([[1, 0], [0, -3]]), 1);
  assert.ok(Math.abs(largestEigenvalue([[2, 1], [1, 2]]) - 3) < 1e-15);
});

test("every accepted corpus entry has gradient and Hessian matching central differences", () => {
  const h = 1e-5;
  for (const { text, bounds = [[-3, 3], [-3, 3]] } of corpus.accepted) {
    const s = surfaceFromExpression(text, bounds);
    const [[x0, x1], [y0, y1]] = s.bounds;
    let checked = 0;
    for (let i = 0; i < 25; i += 1) {
      const x = x0 + (x1 - x0) * (((i * 7) % 25) + 0.37) / 25;
      const y = y0 + (y1 - y0) * (((i * 11) % 25) + 0.61) / 25;
      const [gx, gy] = s.grad(x, y);
      const nx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h);
      const ny = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h);
      if (![gx, gy, nx, ny].every(Number.isFinite)) continue;
      checked += 1;
      assert.ok(Math.abs(gx - nx) <= 1e-4 * (1 + Math.abs(gx)), `${text} d/dx at (${x}, ${y})`);
      assert.ok(Math.abs(gy - ny) <= 1e-4 * (1 + Math.abs(gy)), `${text} d/dy at (${x}, ${y})`);
      const [[hxx, hxy], [hyx, hyy]] = s.hessian(x, y);
      const [ax, ay] = s.grad(x + h, y);
      const [bx, by] = s.grad(x - h, y);
      const [, cy] = s.grad(x, y + h);
      const [, dy] = s.grad(x, y - h);
      const tol = (v) => 1e-3 * (1 + Math.abs(v));
      if ([hxx, hxy, hyy, ax, bx, cy, dy].every(Number.isFinite)) {
        assert.equal(hxy, hyx);
        assert.ok(Math.abs(hxx - (ax - bx) / (2 * h)) <= tol(hxx), `${text} fxx`);
        assert.ok(Math.abs(hxy - (ay - by) / (2 * h)) <= tol(hxy), `${text} fxy`);
        assert.ok(Math.abs(hyy - (cy - dy) / (2 * h)) <= tol(hyy), `${text} fyy`);
      }
    }
    assert.ok(checked >= 12, `${text}: only ${checked} finite points`);
  }
});

test("every refused corpus entry throws an ExpressionError with the expected message", () => {
  for (const { text, message } of corpus.refused) {
    assert.throws(() => surfaceFromExpression(text), (error) => {
      assert.ok(error instanceof ExpressionError, `${JSON.stringify(text)}: ${error}`);
      assert.ok(error.message.startsWith("expression: "), error.message);
      assert.ok(error.message.includes(message), `${error.message} lacks ${message}`);
      return true;
    });
  }
});

test("syntax errors carry the position", () => {
  for (const [text, position] of [["x^2 + y^2)", 10], ["x +", 4], ["(x", 3]]) {
    assert.throws(() => parseExpression(text), (error) => error.position === position
      && error.message.includes(`syntax error at position ${position}:`));
  }
});

test("length and depth limits sit where the messages say", () => {
  parseExpression(`x+${"1".repeat(MAX_LENGTH - 2)}`);
  assert.throws(() => parseExpression(`x+${"1".repeat(MAX_LENGTH - 1)}`), /the limit is 200/);
  parseExpression(`${"-".repeat(MAX_DEPTH - 1)}x`);
  assert.throws(() => parseExpression(`${"-".repeat(MAX_DEPTH)}x`), /more than 64 levels/);
});

test("a non-string or hostile object is refused without touching it", () => {
  const hostile = { toString() { throw new Error("touched"); } };
  assert.throws(() => surfaceFromExpression(hostile), /expression: must be a string, got object/);
  assert.throws(() => surfaceFromExpression("x", [[0, 0], [0, 1]]), RangeError);
  assert.throws(() => surfaceFromExpression("x", "[-3, 3]"), /bounds must be/);
});

test("outside the domain f is NaN (a gap), never a complex number", () => {
  const s = surfaceFromExpression("sqrt(x) + log(y) + (x)^(1/3)");
  assert.ok(Number.isNaN(s.f(-1, 1)));
  assert.ok(Number.isNaN(s.f(1, -1)));
  assert.equal(typeof s.f(-1, -1), "number");
});

test("descent.js runs on it: converges on a bowl, stops with a message at the edge of the domain", () => {
  const run = descend(surfaceFromExpression("x^2 + 2*y^2"), [2, 2], { optimizer: "adam", lr: 0.1 });
  assert.equal(run.status, "converged");
  const edge = new Descent(surfaceFromExpression("sqrt(x) + y^2", [[-1, 3], [-3, 3]]), [0.3, 1], { lr: 0.5 });
  edge.run();
  assert.equal(edge.status, "diverged");
  assert.match(edge.message, /not finite/);
  assert.match(edge.message, /; the step landed where the function or its gradient is undefined or overflows$/);
  assert.doesNotMatch(edge.message, /unbounded below/, "a custom surface's minima are unknown, not absent");
});

test("a custom surface's divergence says no global L or minimum is known, never 'unbounded below'", () => {
  const s = surfaceFromExpression("x^2 + 2*y^2");
  assert.equal(s.minima, null);
  const run = descend(s, [2, 2], { lr: 1.5 });
  assert.equal(run.status, "diverged");
  assert.match(run.message, /exceeded .*; no global L or minimum is known for this function: the rate may be too large/);
});

test("the start is (2, 2) while inside the bounds, else their centre", () => {
  assert.deepEqual(surfaceFromExpression("x*y", [[-1, 1], [0, 4]]).start, [0, 2]);
  assert.deepEqual(surfaceFromExpression("x*y", [[0, 4], [0, 1]]).start, [2, 0.5]);
});

test("maxNodes bounds the gradient's trees with a message; the Hessian is built on demand", () => {
  const long = Array(60).fill("x").join("*");
  assert.throws(() => surfaceFromExpression(long, undefined, { maxNodes: 2000 }),
    (error) => error instanceof ExpressionError && /its gradient has \d+ terms, more than the 2000/.test(error.message));
  const s = surfaceFromExpression(Array(12).fill("x").join("*"), undefined, { maxNodes: 2000 });
  assert.ok(Math.abs(s.f(1.1, 0) - 1.1 ** 12) < 1e-12);
  assert.ok(Math.abs(s.hessian(1.1, 0)[0][0] - 132 * 1.1 ** 10) < 1e-9);
  assert.equal(surfaceFromExpression(Array(40).fill("x").join("*"), undefined, { maxNodes: 2000 }).hessian(1, 1), null);
});

test("a function with kinks gets a note, and its run zig-zags across the kink without converging", () => {
  assert.equal(kinkNote("x^2 + 3*y^2"), "");
  assert.match(kinkNote("abs(x) + max(y, 0)"), /^ f has kinks \(from abs and max\) where its gradient jumps/);
  assert.equal(kinkNote("absolute(x)"), "");
  const run = descend(surfaceFromExpression("abs(x) + abs(y)", [[-3, 3], [-3, 3]]), [2, 2], { lr: 0.01, maxIter: 1000 });
  assert.equal(run.status, "max_iter");
  const xs = run.positions.map(([x]) => Math.sign(x)).filter((s) => s !== 0);
  const flips = xs.slice(1).filter((s, i) => s !== xs[i]).length;
  assert.ok(flips > 100, `x changed sign ${flips} times`);
});
