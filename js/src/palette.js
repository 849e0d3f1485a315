// Colours of the explorer, read from CSS custom properties (docs/stylesheets/explorer.css) so the
// light and dark Material palettes are defined in one place and a theme switch is one re-read.
// A palette is a view concern: switching it recolours the picture, the runs go on as they were.
import { OPTIMIZERS } from "./descent.js";
import { watchScheme } from "./scheme.js";
import { SHARED } from "./surfaces.js";

// gdlib's labels (gdlib.optimizers.LABELS), from the build's JSON module.
export const OPTIMIZER_LABELS = Object.freeze({ ...SHARED.optimizers.labels });

/** The current palette: background, text, axis, contour, surface ramp and a colour per optimizer. */
export function readPalette(element) {
  const css = getComputedStyle(element);
  const get = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const optimizer = {};
  for (const name of OPTIMIZERS) optimizer[name] = get(`--gdx-${name}`, "#e4572e");
  return {
    background: get("--gdx-bg", "#f4f5f8"),
    text: get("--gdx-text", "#222"),
    axis: get("--gdx-axis", "#666"),
    contour: get("--gdx-contour", "#1b1b1b"),
    ramp: [get("--gdx-ramp-0", "#23395b"), get("--gdx-ramp-1", "#3f8f8f"), get("--gdx-ramp-2", "#f2d479")],
    optimizer,
  };
}

/** Interpolate a ramp of [r, g, b] stops (0..1 each) at t in [0, 1]. */
export function rampColor(stops, t) {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(x));
  const f = x - k;
  return stops[k].map((c, i) => c + f * (stops[k + 1][i] - c));
}

/** Call `onChange(palette, scheme)` whenever the reader switches Material's palette. */
export function watchPalette(element, signal, onChange) {
  const watcher = watchScheme((scheme) => onChange(readPalette(element), scheme));
  signal.addEventListener("abort", () => watcher.disconnect());
}
