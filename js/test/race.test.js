// The race figure's rate field against its status line: a typed rate beside a stability limit
// keeps the digits the status prints.
import assert from "node:assert/strict";
import test from "node:test";

import { raceFacts, raceSetup, raceStatus, rateText } from "../src/widgets/race-state.js";

test("the race's rate field writes a typed rate as the status line does", () => {
  const setup = raceSetup({ races: { valley: { gd: [2 / 22, {}] } }, maxIter: 4000 });
  for (const [optimizer, lr, momentum] of [["gd", 0.10004, null], ["gd", 0.0999, null], ["momentum", 0.11544307851020348, 0.26987386361223836]]) {
    const choice = { surface: "valley", optimizer, lr, momentum };
    const status = raceStatus(raceFacts(setup, choice));
    assert.equal(rateText(choice), status.match(/η = ([^,)]+)/)[1]);
  }
  assert.notEqual(rateText({ surface: "valley", optimizer: "gd", lr: 0.10004, momentum: null }), "0.1");
});
