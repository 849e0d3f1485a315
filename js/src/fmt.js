// The explorer's number format, for the readout (every frame) and the summary's sentences. Pure:
// no DOM, tested by node --test.

/** Two decimals for ordinary numbers, scientific notation for huge ones; never "-0.00". */
export function fmt(v) {
  if (!Number.isFinite(v)) return "—";
  const text = Math.abs(v) < 1e5 ? v.toFixed(2) : v.toExponential(2);
  return text === "-0.00" ? "0.00" : text;
}

/** The readout's numbers: as fmt, but one that fmt would write as 0.00 keeps three figures
 * ("1.23e-7"), so a run closing in on a minimum visibly moves until its gradient test passes. */
export const fine = (v) => (v !== 0 && Math.abs(v) < 0.005 ? v.toExponential(2) : fmt(v));
