// The test surfaces of gdlib/surfaces.py: the pure f(x, y) and grad(x, y) -> [gx, gy] are written
// here (tests/test_js_agreement.py checks them against gdlib's); names, titles, formulas, bounds,
// minima, starts and Lipschitz constants come from the JSON module the build writes from gdlib
// (hooks/_js_data.py), never typed twice. Pure: no DOM, no three.js.
import DATA from "../generated/gdlib.json" with { type: "json" };

const camel = (x, y) => {
  const x2 = x * x;
  const y2 = y * y;
  return (4.0 - 2.1 * x2 + (x2 * x2) / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
};

const camelGrad = (x, y) => {
  const x2 = x * x;
  return [8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y];
};

const rosenbrockGrad = (x, y) => [
  -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
  200.0 * (y - x * x),
];

const himmelblauGrad = (x, y) => {
  const a = x * x + y - 11.0;
  const b = x + y * y - 7.0;
  return [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b];
};

const sq = (v) => v * v;

const FUNCTIONS = {
  bowl: [(x, y) => x * x + y * y, (x, y) => [2.0 * x, 2.0 * y]],
  valley: [(x, y) => x * x + 10.0 * y * y, (x, y) => [2.0 * x, 20.0 * y]],
  rosenbrock: [(x, y) => sq(1.0 - x) + 100.0 * sq(y - x * x), rosenbrockGrad],
  himmelblau: [(x, y) => sq(x * x + y - 11.0) + sq(x + y * y - 7.0), himmelblauGrad],
  saddle: [(x, y) => x * x - y * y, (x, y) => [2.0 * x, -2.0 * y]],
  camel: [camel, camelGrad],
};

/** Every gdlib surface: name, title, formula, bounds, minima, start, lipschitz, f and grad. */
export const SURFACES = Object.freeze(
  Object.fromEntries(
    Object.entries(DATA.surfaces).map(([name, data]) => {
      if (!FUNCTIONS[name]) throw new Error(`gdlib has a surface '${name}' that js/src/surfaces.js cannot compute`);
      const [f, grad] = FUNCTIONS[name];
      return [name, Object.freeze({ ...data, f, grad })];
    }),
  ),
);

/** The optimizer names and labels, and the explorer's default run, as gdlib gives them. */
export const SHARED = DATA;

/** The surface called `name`, or an Error naming it and listing the known ones. */
export function getSurface(name) {
  if (!Object.hasOwn(SURFACES, name)) {
    const known = Object.keys(SURFACES).map((k) => `'${k}'`).join(", ");
    throw new Error(`Unknown surface name '${name}'; known: ${known}`);
  }
  return SURFACES[name];
}
