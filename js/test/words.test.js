// The words the summaries share: counts with their nouns and ratios said aloud.
import assert from "node:assert/strict";
import test from "node:test";

import { formatG } from "../src/pyfmt.js";
import { count, counted, ratio } from "../src/words.js";

const num = (v) => formatG(v, 3);

test("a count takes the singular for one", () => {
  assert.equal(count(1, "step"), "1 step");
  assert.equal(count(0, "iterate"), "0 iterates");
  assert.equal(counted(14, 40), "its 14 steps");
  assert.equal(counted(41, 40), "its first 40 steps");
});

test("a ratio from 1000 on is a whole number with separators, never e-notation", () => {
  assert.equal(ratio(1390.4, num), "1,390");
  assert.equal(ratio(6759.9, num), "6,760");
  assert.equal(ratio(2.5e6, num), "2,500,000");
  assert.equal(ratio(999.6, num), "1,000");
  assert.equal(ratio(634.2, num), "634");
  assert.equal(ratio(1.31, num), "1.31");
  assert.doesNotMatch(ratio(1e21, num), /e\+/);
});
