// Controls of the live figures: a labelled slider paired with a text field (arrow keys move the
// slider; a typed value is checked, clamped or refused with a visible message) and buttons.
import { make } from "./frame.js";
import { checkNumber } from "./check.js";

let counter = 0;

/**
 * A slider in `frame`'s controls over a `scale`'s positions 0..steps (value(position) and
 * position(value), scale.js), and a field to type a value; the field and the slider's spoken
 * value both show `format(value)`. `onChange(value)` runs on every move; refused or clamped
 * input is said in the frame's message line.
 */
export function slider(frame, { label, scale, format = String, range, onChange }) {
  const { steps, value: toValue, position: toPosition } = scale;
  const parent = frame.controls;
  const say = frame.say;
  const id = `gd-live-${(counter += 1)}`;
  const box = make("div", "gd-live__control");
  const name = make("label", "", label);
  name.htmlFor = id;
  const input = Object.assign(make("input"), { type: "range", id, min: "0", max: String(steps), step: "1" });
  const field = Object.assign(make("input", "gd-live__field"), { type: "text", inputMode: "decimal", size: 7 });
  field.setAttribute("aria-label", `${label}, typed`);
  box.append(name, input, field);
  parent.append(box);
  alignSliders(parent);

  let shown; // the value last set: a typed one may lie between the slider's positions
  const set = (value, { announce = true } = {}) => {
    shown = value;
    input.value = String(toPosition(value));
    input.setAttribute("aria-valuetext", `${label} ${format(value)}`);
    field.value = format(value);
    if (announce) onChange(value);
  };
  input.addEventListener("input", () => {
    say("");
    set(toValue(Number(input.value)));
  });
  field.addEventListener("change", () => {
    const result = checkNumber(field.value, { label, ...range });
    if (result.error) {
      say(result.error);
      field.value = format(shown ?? toValue(Number(input.value)));
      return;
    }
    say(result.note ?? "");
    set(result.value);
  });
  return { set, input, field };
}

let measure;

/**
 * Line up the sliders of the figure whose controls hold `parent`: each label takes the width of
 * the longest (`--gd-label`, in em of the labels' font, extra.css), so the sliders and their
 * fields start at the same x (they had followed their labels: x = 471, 486 and 502 px on the
 * convergence figure at 1,280 px). The text is measured from its font, not its box: a figure in a
 * closed block has no box yet.
 */
function alignSliders(parent) {
  // A slider in a slot (the schedules figure's own setting) lines up with the figure's others.
  const controls = parent.closest(".gd-live__controls") ?? parent;
  const labels = [...controls.querySelectorAll(".gd-live__control > label")].filter((label) =>
    label.nextElementSibling?.matches('input[type="range"]'),
  );
  measure ??= document.createElement("canvas").getContext("2d");
  if (!measure || labels.length < 2) return;
  let widest = 0;
  for (const label of labels) {
    const style = getComputedStyle(label);
    const size = parseFloat(style.fontSize);
    measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    if (size > 0) widest = Math.max(widest, measure.measureText(label.textContent).width / size);
  }
  controls.style.setProperty("--gd-label", `${(widest + 0.05).toFixed(3)}em`);
}

/** A button in `frame`'s controls with a visible label that calls `onClick`. */
export function button(frame, label, onClick) {
  const parent = frame.controls;
  const node = make("button", "md-button gd-live__button", label);
  node.type = "button";
  node.addEventListener("click", onClick);
  parent.append(node);
  return node;
}

/** A labelled drop-down in `frame`'s controls over `options` ([value, text] pairs). */
export function select(frame, label, options, onChange) {
  const id = `gd-live-${(counter += 1)}`;
  const box = make("div", "gd-live__control");
  const name = make("label", "", label);
  const node = make("select", "gd-live__field");
  name.htmlFor = node.id = id;
  for (const [value, text] of options) node.append(Object.assign(make("option", "", text), { value }));
  node.addEventListener("change", () => {
    frame.say("");
    onChange(node.value);
  });
  box.append(name, node);
  frame.controls.append(box);
  return node;
}
