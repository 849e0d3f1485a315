// The basic-algorithm figure's text against its run: the rate field beside the summary at the
// rates the lesson turns on.
import assert from "node:assert/strict";
import test from "node:test";

import { createTangent, rateText, summary } from "../src/widgets/tangent-state.js";

const said = (state) => summary(state).match(/With η = (\S+),/)[1];

test("the rate field writes a typed rate as the summary does, never as the landmark it is not", () => {
  for (const [lr, landmark] of [[0.99999, "1"], [0.4999, "0.5"], [0.5001, "0.5"]]) {
    const state = createTangent({ start: 2.5, lr, maxIter: 200 });
    assert.notEqual(rateText(lr), landmark);
    assert.equal(rateText(lr), said(state));
  }
  for (const lr of [0.15, 0.5, 1]) assert.equal(rateText(lr), said(createTangent({ start: 2.5, lr, maxIter: 200 })));
});
