// The explorer's controls: built as labelled form fields, so every one is reachable by Tab and
// named for screen readers. This module only makes and reads the DOM; explorer.js decides.
import { OPTIMIZERS, SURFACES } from "./descent.js";
import { CUSTOM, CUSTOM_TITLE } from "./custom-state.js";
import { OPTIMIZER_LABELS } from "./palette.js";
import { LR_MAX, LR_MIN, MAX_ITER_LIMIT, SPEEDS } from "./state.js";

const LOG_MIN = Math.log10(LR_MIN);
const LOG_SPAN = Math.log10(LR_MAX) - LOG_MIN;
const SLIDER_STEPS = 1000;

export const lrToSlider = (lr) => Math.round(((Math.log10(lr) - LOG_MIN) / LOG_SPAN) * SLIDER_STEPS);
/** Slider position -> rate, rounded to 3 significant digits so the field reads cleanly. */
export const sliderToLr = (pos) => Number((10 ** (LOG_MIN + (pos / SLIDER_STEPS) * LOG_SPAN)).toPrecision(3));

const html = String.raw;

function field(id, label, input) {
  return html`<div class="gdx__field"><label for="${id}">${label}</label>${input}</div>`;
}

function template() {
  const surfaces = [...Object.values(SURFACES), { name: CUSTOM, title: CUSTOM_TITLE }]
    .map((s) => `<option value="${s.name}">${s.title}</option>`)
    .join("");
  // The unit in the label, not in each option: "100 steps per frame" did not fit a phone's column.
  const speeds = SPEEDS.map((v) => `<option value="${v}">${v}</option>`).join("");
  const optimizers = OPTIMIZERS.map(
    (name) => html`<label class="gdx__check"><input type="checkbox" name="optimizer" value="${name}">
      <span class="gdx__swatch gdx__swatch--${name}" aria-hidden="true"></span>${OPTIMIZER_LABELS[name]}</label>`,
  ).join("");
  return html`
    <form class="gdx__controls" novalidate>
      <div class="gdx__buttons">
        <button type="button" class="md-button md-button--primary" data-action="play">Play</button>
        <button type="button" class="md-button" data-action="step">Step</button>
        <button type="button" class="md-button" data-action="reset">Reset</button>
        <button type="button" class="md-button" data-action="copy">Copy link</button>
      </div>
      ${field("gdx-surface", "Surface", `<select id="gdx-surface" name="surface">${surfaces}</select>`)}
      <div class="gdx__custom" hidden></div>
      <div class="gdx__field">
        <label for="gdx-lr" id="gdx-lr-label">Learning rate</label>
        <div class="gdx__lr">
          <input type="range" id="gdx-lr-range" min="0" max="${SLIDER_STEPS}" step="1" aria-labelledby="gdx-lr-label">
          <input type="text" inputmode="decimal" id="gdx-lr" name="lr" size="7" autocomplete="off">
        </div>
      </div>
      <div class="gdx__pair">
        ${field("gdx-x", "Start x", `<input type="text" inputmode="decimal" id="gdx-x" name="x" size="6" autocomplete="off">`)}
        ${field("gdx-y", "Start y", `<input type="text" inputmode="decimal" id="gdx-y" name="y" size="6" autocomplete="off">`)}
      </div>
      <fieldset class="gdx__optimizers"><legend>Optimizers (tick several to race them)</legend>${optimizers}</fieldset>
      <div class="gdx__pair">
        ${field("gdx-speed", "Steps per frame", `<select id="gdx-speed" name="speed">${speeds}</select>`)}
        ${field("gdx-max-iter", "Max iterations", `<input type="number" id="gdx-max-iter" name="maxIter" min="1" max="${MAX_ITER_LIMIT}" step="1">`)}
      </div>
    </form>`;
}

/**
 * Add the controls to the page's explorer markup in `root` (docs/explore.md: the stage with the
 * poster and canvases, the notice, and the readout with the default run's values, all in the
 * HTML from the build so nothing moves when this runs); returns the elements explorer.js uses.
 */
export function buildUi(root) {
  const readout = root.querySelector(".gdx__readout");
  if (!readout || !root.querySelector(".gdx__stage canvas.gdx__inset")) {
    throw new Error("the page's explorer markup (stage, canvases, readout) is missing");
  }
  readout.insertAdjacentHTML("afterend", template());
  const q = (selector) => root.querySelector(selector);
  // The surfaces' formulas, rendered at build time (scripts/_explorer_surfaces.py): the chosen
  // one under the menu, which it describes (showSettings).
  const formula = q(".gdx__formula");
  if (formula) q("#gdx-surface").after(formula);
  return {
    stage: q(".gdx__stage"),
    canvas: q(".gdx__canvas"),
    inset: q(".gdx__inset"),
    notice: q(".gdx__notice"),
    form: q(".gdx__controls"),
    play: q('[data-action="play"]'),
    step: q('[data-action="step"]'),
    reset: q('[data-action="reset"]'),
    copy: q('[data-action="copy"]'),
    surface: q("#gdx-surface"),
    custom: q(".gdx__custom"),
    lr: q("#gdx-lr"),
    lrRange: q("#gdx-lr-range"),
    x: q("#gdx-x"),
    y: q("#gdx-y"),
    speed: q("#gdx-speed"),
    maxIter: q("#gdx-max-iter"),
    formula,
    optimizers: [...root.querySelectorAll('input[name="optimizer"]')],
    readout,
  };
}

/** Show the state's settings in the fields. */
export function showSettings(ui, state) {
  ui.surface.value = state.surface;
  if (ui.formula) {
    for (const span of ui.formula.children) span.hidden = span.dataset.surface !== state.surface;
    ui.formula.hidden = !ui.formula.querySelector(":scope > :not([hidden])");
    // A hidden line still describes whatever points at it, all six formulas at once: no link then.
    if (ui.formula.hidden) ui.surface.removeAttribute("aria-describedby");
    else ui.surface.setAttribute("aria-describedby", ui.formula.id);
  }
  ui.lr.value = String(state.lr);
  ui.lrRange.value = String(lrToSlider(state.lr));
  ui.lrRange.setAttribute("aria-valuetext", String(state.lr));
  ui.x.value = String(state.x);
  ui.y.value = String(state.y);
  ui.speed.value = String(state.speed);
  ui.maxIter.value = String(state.maxIter);
  for (const box of ui.optimizers) box.checked = state.optimizers.includes(box.value);
}

/** Show messages about refused or clamped input (an empty list hides the notice). */
export function showNotice(ui, messages) {
  ui.notice.textContent = messages.join(" ");
  ui.notice.hidden = messages.length === 0;
}

/** Play button text and pressed state; both buttons off while there is no run. */
export function showPlaying(ui, playing, finished, any = true) {
  ui.play.textContent = playing ? "Pause" : finished && any ? "Replay" : "Play";
  ui.play.setAttribute("aria-pressed", String(playing));
  ui.play.disabled = !any;
  ui.step.disabled = finished;
}

/** The live view drew its first frame: show it, its inset and hint, and drop the poster. */
export function showLive(root) {
  root.classList.add("gdx--live");
  for (const poster of root.querySelectorAll(".gdx__poster")) (poster.closest("picture") ?? poster).remove();
}
