// "Your function": a reader's f(x, y) as a surface, with exact symbolic gradient and Hessian.
// The same language and messages as gdlib/expression.py (tests/test_expression_agreement.py holds
// both to one corpus): names x, y, pi, e; functions sin cos tan exp log sqrt abs tanh min max;
// numbers; + - * / ^ (power), unary minus and plus, parentheses. A product needs its `*`: `2x` is
// refused on both sides. mathjs (number-only build) parses and differentiates; the text is first
// scanned against the whitelist (expression-scan.js), then the tree is walked again, so no other
// node kind (property access, assignment, function definitions, objects, indexing, units...) can
// reach mathjs's compiler, which builds closures and never calls eval or Function. Pure: no DOM,
// no three.js. The explorer loads it (and mathjs) as a chunk of its own, on demand.
import {
  absDependencies, addDependencies, cosDependencies, create, derivativeDependencies,
  divideDependencies, expDependencies, logDependencies, maxDependencies, minDependencies,
  multiplyDependencies, parseDependencies, powDependencies, secDependencies, sechDependencies,
  signDependencies, sinDependencies, sqrtDependencies, subtractDependencies, tanDependencies,
  tanhDependencies, unaryMinusDependencies, unaryPlusDependencies,
} from "mathjs/number";

import {
  ALLOWED, ExpressionError, FUNCTIONS, MAX_DEPTH, VARIABLES, isFunctionName, isValueName, scanExpression,
} from "./expression-scan.js";

export { CONSTANTS, ExpressionError, FUNCTIONS, MAX_DEPTH, MAX_LENGTH, VARIABLES, scanExpression } from "./expression-scan.js";

const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);

// predictable: sqrt(-1), log(-1) and (-8)^(1/3) are NaN as in NumPy, never complex numbers.
const math = create({
  absDependencies, addDependencies, cosDependencies, derivativeDependencies, divideDependencies,
  expDependencies, logDependencies, maxDependencies, minDependencies, multiplyDependencies,
  parseDependencies, powDependencies, secDependencies, sechDependencies, signDependencies,
  sinDependencies, sqrtDependencies, subtractDependencies, tanDependencies, tanhDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
}, { predictable: true });

// Walk the parsed tree: only whitelisted node kinds, operators, names and arities, bounded depth.
function checkTree(node, depth = 1) {
  if (node.type === "ParenthesisNode") return checkTree(node.content, depth);
  if (depth > MAX_DEPTH) throw new ExpressionError(`is nested too deeply (more than ${MAX_DEPTH} levels)`);
  switch (node.type) {
    case "ConstantNode":
      if (typeof node.value !== "number") throw new ExpressionError("only numbers are allowed as constants");
      return;
    case "SymbolNode":
      if (!isValueName(node.name)) throw new ExpressionError(`unknown name '${node.name}'; allowed: ${ALLOWED}`);
      return;
    case "OperatorNode":
      if (!OPERATORS.has(node.fn) || node.implicit) throw new ExpressionError(`operator '${node.op}' is not allowed`);
      break;
    case "FunctionNode": {
      const name = node.fn?.type === "SymbolNode" ? node.fn.name : null;
      if (name === null || !isFunctionName(name)) throw new ExpressionError(`unknown function '${name ?? node.fn?.type}'; allowed: ${ALLOWED}`);
      const [low, high] = FUNCTIONS[name];
      if (node.args.length < low || node.args.length > high) {
        const wanted = low === high ? `${low}` : `at least ${low}`;
        throw new ExpressionError(`${name}() takes ${wanted} argument${low === 1 && high === 1 ? "" : "s"}, got ${node.args.length}`);
      }
      break;
    }
    default:
      throw new ExpressionError(`${node.type} is not allowed`);
  }
  for (const arg of node.args) checkTree(arg, depth + 1);
}

/** Parse and check `text`; returns the mathjs tree. Throws ExpressionError. */
export function parseExpression(text) {
  scanExpression(text);
  let tree;
  try {
    tree = math.parse(text);
  } catch (error) {
    const position = Number.isInteger(error.char) ? error.char : null;
    const reason = String(error.message).replace(/\s*\(char \d+\)$/, "");
    throw new ExpressionError(`syntax error at position ${position ?? "?"}: ${reason}`, position);
  }
  checkTree(tree);
  return tree;
}

const fold = (name, args) => args.slice(1).reduce((acc, arg) => new math.FunctionNode(name, [acc, arg]), args[0]);

// mathjs cannot differentiate min and max: for the derivative only, min(a, b) is written as
// (a + b - |a - b|) / 2 (and max with +), which has the same value and, with d|u| = sign(u) du,
// the one-sided slopes, averaged at a tie: SymPy's Heaviside(0) = 1/2 gives the same.
function smoothable(node) {
  return node.transform((n) => {
    if (n.type !== "FunctionNode" || !["min", "max"].includes(n.fn.name)) return n;
    const args = n.args.map(smoothable);
    const pair = (a, b) => {
      const gap = new math.FunctionNode("abs", [new math.OperatorNode("-", "subtract", [a, b])]);
      const sum = new math.OperatorNode("+", "add", [a, b]);
      const op = n.fn.name === "min" ? ["-", "subtract"] : ["+", "add"];
      return new math.OperatorNode("/", "divide", [new math.ParenthesisNode(new math.OperatorNode(...op, [sum, gap])), new math.ConstantNode(2)]);
    };
    return args.slice(1).reduce(pair, args[0]);
  });
}

// mathjs writes d|u| as |u|/u (NaN at u = 0); SymPy's sign(u) is 0 there. Use sign(u).
function signForAbs(node) {
  return node.transform((n) => {
    const [a, b] = n.args ?? [];
    const absOver = n.type === "OperatorNode" && n.fn === "divide" && a?.type === "FunctionNode"
      && a.fn.name === "abs" && a.args[0].equals(b);
    return absOver ? new math.FunctionNode("sign", [b]) : n;
  });
}

const derivative = (tree, variable) => math.derivative(smoothable(tree), variable, { simplify: false });

function compile(tree) {
  const code = tree.compile();
  const scope = new Map([["pi", Math.PI], ["e", Math.E], ["x", 0], ["y", 0]]);
  return (x, y) => {
    scope.set("x", x).set("y", y);
    return code.evaluate(scope);
  };
}

const inside = ([x, y], [[x0, x1], [y0, y1]]) => x0 <= x && x <= x1 && y0 <= y && y <= y1;

function checkBounds(bounds) {
  const ok = Array.isArray(bounds) && bounds.length === 2 && bounds.every((b) => Array.isArray(b)
    && b.length === 2 && b.every(Number.isFinite) && b[0] < b[1]);
  if (!ok) throw new RangeError(`bounds must be [[xmin, xmax], [ymin, ymax]] of finite numbers with min < max, got ${JSON.stringify(bounds)}`);
  return [[bounds[0][0], bounds[0][1]], [bounds[1][0], bounds[1][1]]];
}

const size = (node) => {
  let count = 0;
  node.traverse(() => (count += 1));
  return count;
};

/**
 * The surface f(x, y) = `text` on `bounds`, shaped like js/src/surfaces.js's entries plus
 * `hessian(x, y) -> [[fxx, fxy], [fxy, fyy]]` (built on its first call; null when its trees
 * would exceed 20 x `maxNodes`). The start is (2, 2) when it lies in the bounds, else their
 * centre. `maxNodes` bounds the gradient's trees, which every step evaluates: the explorer sets
 * it so that no expression within the length limit can slow it down. Throws ExpressionError for
 * a refused text, RangeError for bad bounds.
 */
export function surfaceFromExpression(text, bounds = [[-3, 3], [-3, 3]], { maxNodes = Infinity } = {}) {
  const box = checkBounds(bounds);
  const tree = parseExpression(text);
  const [dx, dy] = VARIABLES.map((v) => derivative(tree, v));
  const nodes = size(dx) + size(dy);
  if (nodes > maxNodes) {
    throw new ExpressionError(`its gradient has ${nodes} terms, more than the ${maxNodes} the explorer evaluates at each step: write it more simply`);
  }
  const [fx, fy] = [dx, dy].map((d) => compile(signForAbs(d)));
  let second; // [fxx, fxy, fyy], or null when too large
  const secondDerivatives = () => {
    const trees = [derivative(dx, "x"), derivative(dx, "y"), derivative(dy, "y")];
    return trees.reduce((sum, t) => sum + size(t), 0) > 20 * maxNodes ? null : trees.map((d) => compile(signForAbs(d)));
  };
  const start = inside([2, 2], box) ? [2, 2] : [(box[0][0] + box[0][1]) / 2, (box[1][0] + box[1][1]) / 2];
  return {
    name: "custom",
    title: "Your function",
    formula: text.trim(),
    f: compile(tree),
    grad: (x, y) => [fx(x, y), fy(x, y)],
    hessian: (x, y) => {
      second ??= secondDerivatives();
      if (second === null) return null;
      const [dxx, dxy, dyy] = second;
      const xy = dxy(x, y);
      return [[dxx(x, y), xy], [xy, dyy(x, y)]];
    },
    bounds: box,
    minima: null,
    start,
    lipschitz: null,
  };
}

/** The largest eigenvalue of the symmetric 2x2 matrix [[a, b], [b, d]]. */
export function largestEigenvalue([[a, b], [, d]]) {
  return (a + d) / 2 + Math.hypot((a - d) / 2, b);
}
