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

  const set = (value, { announce = true } = {}) => {
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
      field.value = format(toValue(Number(input.value)));
      return;
    }
    say(result.note ?? "");
    set(result.value);
  });
  return { set, input, field };
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
