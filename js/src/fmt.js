// The explorer's number format, for the readout (every frame) and the summary's sentences. Pure:
// no DOM, tested by node --test.

/** Two decimals for ordinary numbers, scientific notation for huge ones; never "-0.00". */
export function fmt(v) {
  if (!Number.isFinite(v)) return "—";
  const text = Math.abs(v) < 1e5 ? v.toFixed(2) : v.toExponential(2);
  return text === "-0.00" ? "0.00" : text;
}
