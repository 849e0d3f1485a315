// Checking a number a reader typed into a live figure's field: refuse what is not a number (with
// a message naming the field), clamp what is outside the control's range (with a message saying
// so). Pure: no DOM, tested by node --test.

/** Read a number from text; null when it is not one ("abc", "", "1e999"). */
export function parseNumber(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * Check `text` for the field `label` with range [min, max]: {value} when usable, {value, note}
 * when clamped (or rounded, when `integer`), {error} when refused (not a number, or not above 0
 * when `positive`).
 */
export function checkNumber(text, { label, min, max, positive = false, integer = false }) {
  const parsed = parseNumber(text);
  if (parsed === null) return { error: `${label} must be a number; got "${text}".` };
  const value = integer ? Math.round(parsed) : parsed;
  if (value !== parsed) {
    const checked = checkNumber(String(value), { label, min, max, positive });
    return { ...checked, note: checked.note ?? `${label} must be a whole number; using ${value}.` };
  }
  if (positive && value <= 0) return { error: `${label} must be above 0; got ${value}.` };
  if (value < min || value > max) {
    const clamped = Math.min(max, Math.max(min, value));
    return { value: clamped, note: `${label} ${value} is outside [${min}, ${max}]; using ${clamped}.` };
  }
  return { value };
}
