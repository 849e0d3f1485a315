// Words the summaries share: a count with its noun, singular for one ("1 step", "2 steps"), so
// that no figure says "converged in 1 steps". Pure: no DOM, tested by node --test.

/** `n` and `noun`, with an "s" unless n is 1: count(1, "step") is "1 step". */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** count(n, "step"). */
export const steps = (n) => count(n, "step");
