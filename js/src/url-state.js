// A run's address: the settings and the step, encoded in the URL hash
// ("#s=bowl&lr=0.5&x=2&y=2&opt=gd,adam&v=5&n=1000&k=10") and read back, checked like any input;
// "Your function" adds its text and domain ("#s=custom&f=x%5E2%20%2B%20y&d=-3,3,-3,3&...").
// Pure: no DOM, tested by node --test; url-sync.js reads and writes the page's location with it.
import { CUSTOM } from "./custom-state.js";
import { normalize } from "./state.js";

const HASH_KEYS = {
  s: "surface", f: "expr", d: "bounds", lr: "lr", x: "x", y: "y", opt: "optimizers", v: "speed", n: "maxIter", k: "step",
};

/** Parse a location hash; {state, messages}, state null when the hash holds no settings. */
export function parseHash(hash) {
  const text = String(hash || "").replace(/^#/, "");
  if (!text.includes("=")) return { state: null, messages: [] };
  const input = {};
  const messages = [];
  for (const part of text.split("&")) {
    const [key, raw = ""] = part.split("=");
    let value;
    try {
      value = decodeURIComponent(raw);
    } catch {
      messages.push(`Could not read "${part}" in the link; ignored.`);
      continue;
    }
    if (Object.hasOwn(HASH_KEYS, key)) input[HASH_KEYS[key]] = value;
    else messages.push(`Unknown setting "${key}" in the link; ignored.`);
  }
  if (input.bounds !== undefined) input.bounds = input.bounds.split(",");
  const result = normalize(input);
  return { state: result.state, messages: [...messages, ...result.messages] };
}

/** The hash for a state; `step` is kept only when the run stands at a step worth sharing. */
export function toHash(state) {
  const parts = [
    `s=${state.surface}`,
    ...(state.surface === CUSTOM ? [`f=${encodeURIComponent(state.expr)}`, `d=${state.bounds.flat().join(",")}`] : []),
    `lr=${state.lr}`,
    `x=${state.x}`,
    `y=${state.y}`,
    `opt=${state.optimizers.join(",")}`,
    `v=${state.speed}`,
    `n=${state.maxIter}`,
  ];
  if (state.step > 0) parts.push(`k=${state.step}`);
  return `#${parts.join("&")}`;
}

/** The address of `state` on the page at `location` (origin and path kept, query and hash not). */
export const shareUrl = (location, state) => `${location.origin}${location.pathname}${toHash(state)}`;
