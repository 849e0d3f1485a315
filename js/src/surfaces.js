// The test surfaces of gdlib/surfaces.py, line for line: f(x, y), grad(x, y) -> [gx, gy], plotting
// bounds, known minima, a suggested start and the gradient's Lipschitz constant where constant.
// Pure: no DOM, no three.js.

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

/** Every gdlib surface: f(x, y), grad(x, y) -> [gx, gy], bounds, minima, start, lipschitz. */
export const SURFACES = Object.freeze({
  bowl: {
    name: "bowl",
    title: "Bowl",
    f: (x, y) => x * x + y * y,
    grad: (x, y) => [2.0 * x, 2.0 * y],
    bounds: [[-3.0, 3.0], [-3.0, 3.0]],
    minima: [[0.0, 0.0]],
    start: [2.0, 2.0],
    lipschitz: 2.0,
  },
  valley: {
    name: "valley",
    title: "Elongated valley",
    f: (x, y) => x * x + 10.0 * y * y,
    grad: (x, y) => [2.0 * x, 20.0 * y],
    bounds: [[-3.0, 3.0], [-1.5, 1.5]],
    minima: [[0.0, 0.0]],
    start: [-2.5, 1.0],
    lipschitz: 20.0,
  },
  rosenbrock: {
    name: "rosenbrock",
    title: "Rosenbrock's banana",
    f: (x, y) => sq(1.0 - x) + 100.0 * sq(y - x * x),
    grad: rosenbrockGrad,
    bounds: [[-2.0, 2.0], [-1.0, 3.0]],
    minima: [[1.0, 1.0]],
    start: [-1.5, 2.0],
    lipschitz: null,
  },
  himmelblau: {
    name: "himmelblau",
    title: "Himmelblau (four minima)",
    f: (x, y) => sq(x * x + y - 11.0) + sq(x + y * y - 7.0),
    grad: himmelblauGrad,
    bounds: [[-5.0, 5.0], [-5.0, 5.0]],
    minima: [
      [3.0, 2.0],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.2831859912861696],
      [3.5844283403304917, -1.8481265269644036],
    ],
    start: [0.0, 0.0],
    lipschitz: null,
  },
  saddle: {
    name: "saddle",
    title: "Saddle",
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2.0 * x, -2.0 * y],
    bounds: [[-2.0, 2.0], [-2.0, 2.0]],
    minima: [],
    start: [1.5, 0.01],
    lipschitz: 2.0,
  },
  camel: {
    name: "camel",
    title: "Six-hump camel",
    f: camel,
    grad: camelGrad,
    bounds: [[-2.0, 2.0], [-1.0, 1.0]],
    minima: [
      [0.08984201310031807, -0.7126564030207396],
      [-0.08984201310031807, 0.7126564030207396],
      [-1.7036067149699812, 0.7960835686726251],
      [1.7036067149699812, -0.7960835686726251],
      [1.6071047529201976, 0.5686514548841313],
      [-1.6071047529201976, -0.5686514548841313],
    ],
    start: [-1.5, -0.8],
    lipschitz: null,
  },
});

/** The surface called `name`, or an Error naming it and listing the known ones. */
export function getSurface(name) {
  if (!Object.hasOwn(SURFACES, name)) {
    const known = Object.keys(SURFACES).map((k) => `'${k}'`).join(", ");
    throw new Error(`Unknown surface name '${name}'; known: ${known}`);
  }
  return SURFACES[name];
}
