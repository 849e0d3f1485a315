// Wire the controls to the explorer's actions: buttons, fields, the canvas and the inset. Input
// is read as text and handed over unchecked; the actions validate it and report refusals.
import { sliderToLr } from "./ui.js";

const CLICK_SLOP = 5; // pixels a press may move and still count as a click, not a drag

/** Call `onClick(x, y)` for a press that did not move (a drag rotates the view instead). */
function onStillClick(on, element, onClick) {
  let down = null;
  on(element, "pointerdown", (e) => (down = e.isPrimary ? [e.clientX, e.clientY] : null));
  on(element, "pointerup", (e) => {
    if (down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) <= CLICK_SLOP) onClick(e.clientX, e.clientY);
    down = null;
  });
}

export function bindControls({ ui, on, pick, insetPick, actions }) {
  on(ui.form, "submit", (e) => e.preventDefault());
  on(ui.play, "click", actions.togglePlay);
  on(ui.step, "click", actions.step);
  on(ui.reset, "click", actions.reset);
  on(ui.copy, "click", actions.copyLink);
  on(ui.surface, "change", () => actions.change({ surface: ui.surface.value }));
  on(ui.lrRange, "input", () => {
    const lr = sliderToLr(Number(ui.lrRange.value));
    ui.lr.value = String(lr);
    actions.change({ lr });
  });
  on(ui.lr, "change", () => actions.change({ lr: ui.lr.value }));
  on(ui.x, "change", () => actions.change({ x: ui.x.value }));
  on(ui.y, "change", () => actions.change({ y: ui.y.value }));
  on(ui.maxIter, "change", () => actions.change({ maxIter: ui.maxIter.value }));
  on(ui.speed, "change", () => actions.setSpeed(ui.speed.value));
  for (const box of ui.optimizers) {
    on(box, "change", () => actions.change({ optimizers: ui.optimizers.filter((b) => b.checked).map((b) => b.value) }));
  }
  onStillClick(on, ui.canvas, (x, y) => actions.setStart(pick(x, y)));
  onStillClick(on, ui.inset, (x, y) => actions.setStart(insetPick(x, y)));
}

const KEYS = { ArrowLeft: [0.1, 0], ArrowRight: [-0.1, 0], ArrowUp: [0, 0.08], ArrowDown: [0, -0.08] };

/** Arrow keys rotate the focused view, + and - zoom; the page does not scroll meanwhile. */
export function bindViewKeys(on, canvas, controls, changed) {
  on(canvas, "keydown", (event) => {
    if (KEYS[event.key]) controls.rotate(...KEYS[event.key]);
    else if (event.key === "+" || event.key === "=") controls.zoom(1 / 1.15);
    else if (event.key === "-") controls.zoom(1.15);
    else return;
    event.preventDefault();
    changed();
  });
}
