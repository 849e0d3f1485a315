// Unit tests of a run's address: the URL hash that encodes the settings and the step (pure, no DOM).
import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULTS, normalize } from "../src/state.js";
import { parseHash, shareUrl, toHash } from "../src/url-state.js";

test("the hash round-trips a state", () => {
  const state = { ...DEFAULTS, surface: "valley", lr: 0.05, x: -2.5, y: 1, optimizers: ["gd", "adam"], step: 12 };
  const parsed = parseHash(toHash(state));
  assert.deepEqual(parsed.messages, []);
  assert.deepEqual(parsed.state, state);
});

test("a broken hash falls back field by field and says what it ignored", () => {
  const { state, messages } = parseHash("#s=moon&lr=abc&x=99&opt=gd,lion&zz=1&k=%E0%A4%A");
  assert.equal(state.surface, "bowl");
  assert.equal(state.lr, DEFAULTS.lr);
  assert.equal(state.x, 3);
  assert.deepEqual(state.optimizers, ["gd"]);
  assert.equal(messages.length, 6, messages.join("\n"));
});

test("a hash with no settings (a heading's anchor) leaves the page alone", () => {
  assert.deepEqual(parseHash("#learning-rate"), { state: null, messages: [] });
  assert.deepEqual(parseHash(""), { state: null, messages: [] });
});

test("step 0 is left out of the hash; a later step is kept", () => {
  assert.doesNotMatch(toHash({ ...DEFAULTS, step: 0 }), /k=/);
  assert.match(toHash({ ...DEFAULTS, step: 7 }), /&k=7$/);
  assert.equal(parseHash(toHash({ ...DEFAULTS, step: 0 })).state.step, 0);
});

test("a step beyond max iterations is clamped, with a message", () => {
  const { state, messages } = parseHash(toHash({ ...DEFAULTS, maxIter: 50, step: 80 }));
  assert.equal(state.step, 50);
  assert.match(messages.join(" "), /Step 80 is outside \[0, 50\]; using 50/);
});

test("a shared URL keeps the page's origin and path and drops its query and old hash", () => {
  const location = { origin: "https://x.github.io", pathname: "/gd/explore/", search: "?h=a", hash: "#old" };
  const url = shareUrl(location, { ...DEFAULTS, lr: 0.5, step: 3 });
  assert.equal(url, "https://x.github.io/gd/explore/#s=bowl&lr=0.5&x=2&y=2&opt=gd&v=5&n=1000&k=3");
  assert.deepEqual(parseHash(new URL(url).hash).state, { ...DEFAULTS, lr: 0.5, step: 3 });
});

test("'Your function' keeps its text and domain in the hash, and reads them back", () => {
  const state = { ...DEFAULTS, surface: "custom", expr: "(1 - x)^2 + 100*(y - x^2)^2 & #", bounds: [[-2, 2], [-1, 3]], x: 2, y: 2 };
  const hash = toHash(state);
  assert.match(hash, /^#s=custom&f=[^&#=]+&d=-2,2,-1,3&lr=/);
  const parsed = parseHash(hash);
  assert.deepEqual(parsed.messages, []);
  assert.equal(parsed.state.expr, state.expr);
  assert.deepEqual(parsed.state.bounds, state.bounds);
  assert.deepEqual([parsed.state.x, parsed.state.y], [2, 2]);
  assert.doesNotMatch(toHash(DEFAULTS), /f=|d=/, "a built-in surface's address is as before");
});

test("a domain in the hash is checked: bad numbers, reversed or huge ranges are refused with a message", () => {
  for (const [d, pattern] of [["1,2,3", /four numbers/], ["-3,3,a,3", /y from must be a number/],
    ["3,-3,-3,3", /x from \(3\) must be below x to/], ["-1e9,3,-3,3", /beyond/]]) {
    const { state, messages } = parseHash(`#s=custom&f=x&d=${d}`);
    assert.match(messages.join(" "), pattern, d);
    assert.deepEqual(state.bounds, DEFAULTS.bounds);
  }
});

test("a new domain keeps the start while it lies inside, else (2, 2) or the centre", () => {
  const custom = normalize({ surface: "custom" }).state;
  assert.deepEqual([custom.x, custom.y], [2, 2]);
  const kept = normalize({ bounds: ["-5", "5", "-1", "4"] }, { ...custom, x: 1, y: 3 }).state;
  assert.deepEqual([kept.x, kept.y], [1, 3]);
  const moved = normalize({ bounds: ["-5", "5", "-1", "1"] }, { ...custom, x: 1, y: 3 }).state;
  assert.deepEqual([moved.x, moved.y], [0, 0]);
  const clamped = normalize({ x: "9" }, custom);
  assert.match(clamped.messages[0], /Start x = 9 is outside your function's domain \[-3, 3\]; using 3/);
});
