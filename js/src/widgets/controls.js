// Controls of the live figures: a labelled slider paired with a text field (arrow keys move the
// slider; a typed value is checked, clamped or refused with a visible message) and buttons.
import { make } from "./frame.js";
import { checkNumber } from "./check.js";

let counter = 0;

/**
 * A slider over positions 0..steps showing `toValue(position)`, and a field to type a value.
 * `onChange(value)` runs on every move; `say(text)` shows a message (empty to clear it).
 */
export function slider(parent, { label, steps, toValue, toPosition, format, range, onChange, say }) {
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

/** A button with a visible label that calls `onClick`. */
export function button(parent, label, onClick) {
  const node = make("button", "md-button gd-live__button", label);
  node.type = "button";
  node.addEventListener("click", onClick);
  parent.append(node);
  return node;
}
