// "Your function": a reader's f(x, y) as a surface, with exact symbolic gradient and Hessian.
// The same language and messages as gdlib/expression.py (tests/test_expression_agreement.py holds
// both to one corpus): names x, y, pi, e; functions sin cos tan exp log sqrt abs tanh min max;
// numbers; + - * / ^ (power), unary minus and plus, parentheses. A product needs its `*`: `2x` is
// refused on both sides. mathjs (number-only build) parses and differentiates; the text is first
// scanned against the whitelist, then the tree is walked again, so no other node kind (property
// access, assignment, function definitions, objects, indexing, units...) can reach mathjs's
// compiler, which builds closures and never calls eval or Function. Pure: no DOM, no three.js.
import {
  absDependencies, addDependencies, cosDependencies, create, derivativeDependencies,
  divideDependencies, expDependencies, logDependencies, maxDependencies, minDependencies,
  multiplyDependencies, parseDependencies, powDependencies, secDependencies, sechDependencies,
  signDependencies, sinDependencies, sqrtDependencies, subtractDependencies, tanDependencies,
  tanhDependencies, unaryMinusDependencies, unaryPlusDependencies,
} from "mathjs/number";

export const MAX_LENGTH = 200;
export const MAX_DEPTH = 64;
export const VARIABLES = Object.freeze(["x", "y"]);
export const CONSTANTS = Object.freeze({ pi: Math.PI, e: Math.E });
// Function name -> [fewest, most] arguments.
export const FUNCTIONS = Object.freeze({
  sin: [1, 1], cos: [1, 1], tan: [1, 1], exp: [1, 1], log: [1, 1], sqrt: [1, 1], abs: [1, 1],
  tanh: [1, 1], min: [2, Infinity], max: [2, Infinity],
});
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);
const ALLOWED = [...VARIABLES, ...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS)].join(", ");

// predictable: sqrt(-1), log(-1) and (-8)^(1/3) are NaN as in NumPy, never complex numbers.
const math = create({
  absDependencies, addDependencies, cosDependencies, derivativeDependencies, divideDependencies,
  expDependencies, logDependencies, maxDependencies, minDependencies, multiplyDependencies,
  parseDependencies, powDependencies, secDependencies, sechDependencies, signDependencies,
  sinDependencies, sqrtDependencies, subtractDependencies, tanDependencies, tanhDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
}, { predictable: true });

/** A refused expression; `position` is the 1-based character it points at, or null. */
export class ExpressionError extends Error {
  constructor(message, position = null) {
    super(`expression: ${message}`);
    this.name = "ExpressionError";
    this.position = position;
  }
}

const has = (object, key) => Object.hasOwn(object, key);
const isFunctionName = (name) => has(FUNCTIONS, name);
const isValueName = (name) => VARIABLES.includes(name) || has(CONSTANTS, name);
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function match(pattern, text, at) {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

/** Scan `text` against the whitelist (the rules of _scan in gdlib/_expression_scan.py). */
export function scanExpression(text) {
  if (typeof text !== "string") throw new ExpressionError(`must be a string, got ${typeof text}`);
  if (text.length > MAX_LENGTH) {
    throw new ExpressionError(`${text.length} characters long; the limit is ${MAX_LENGTH}`);
  }
  if (text.trim() === "") throw new ExpressionError("is empty: type a function of x and y");
  let previous = null; // the kind of the last token: "value" ends an operand, "open", "op"
  let previousText = "";
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === " " || char === "\t") { i += 1; continue; }
    let token = match(NUMBER, text, i);
    let kind = "value";
    if (token !== null) {
      const next = text[i + token.length];
      if (next === ".") {
        throw new ExpressionError(`'${token}' at position ${i + 1} is directly followed by '.': write numbers as 3, 3.5 or .5`, i + 1);
      }
      if (next !== undefined && /[A-Za-z0-9_]/.test(next)) {
        throw new ExpressionError(`'${token}' at position ${i + 1} is directly followed by '${next}': write products with * (2*x, not 2x)`, i + 1);
      }
      if (!Number.isFinite(Number(token))) throw new ExpressionError(`number '${token}' at position ${i + 1} is too large`, i + 1);
    } else if ((token = match(NAME, text, i)) !== null) {
      if (!isFunctionName(token) && !isValueName(token)) {
        throw new ExpressionError(`unknown name '${token}' at position ${i + 1}; allowed: ${ALLOWED}`, i + 1);
      }
      const after = text.slice(i + token.length).trimStart()[0];
      if (isFunctionName(token) && after !== "(") {
        throw new ExpressionError(`'${token}' at position ${i + 1} is a function: write ${token}(...)`, i + 1);
      }
      if (isValueName(token) && after === "(") {
        throw new ExpressionError(`'${token}' at position ${i + 1} is not a function: write products with * (${token}*(...))`, i + 1);
      }
      kind = isFunctionName(token) ? "function" : "value";
    } else if (char === "*" && text[i + 1] === "*") {
      throw new ExpressionError(`'**' at position ${i + 1}: write powers with ^ (x^2)`, i + 1);
    } else if ("+-*/^,()".includes(char)) {
      token = char;
      kind = char === "(" ? "open" : char === ")" ? "value" : "op";
    } else {
      const code = text.codePointAt(i);
      const shown = code > 32 && code < 127 ? `'${char}'` : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      throw new ExpressionError(`unexpected character ${shown} at position ${i + 1}`, i + 1);
    }
    const startsOperand = kind === "value" && token !== ")" || kind === "function" || kind === "open";
    if (previous === "value" && startsOperand) {
      throw new ExpressionError(`missing operator between '${previousText}' and '${token}' at position ${i + 1}: write products with *`, i + 1);
    }
    [previous, previousText] = [kind, token];
    i += token.length;
  }
}

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

/**
 * The surface f(x, y) = `text` on `bounds`, shaped like js/src/surfaces.js's entries plus
 * `hessian(x, y) -> [[fxx, fxy], [fxy, fyy]]`. The start is (2, 2) when it lies in the bounds,
 * else their centre. Throws ExpressionError for a refused text, RangeError for bad bounds.
 */
export function surfaceFromExpression(text, bounds = [[-3, 3], [-3, 3]]) {
  const box = checkBounds(bounds);
  const tree = parseExpression(text);
  const [dx, dy] = VARIABLES.map((v) => derivative(tree, v));
  const [dxx, dxy, dyy] = [derivative(dx, "x"), derivative(dx, "y"), derivative(dy, "y")]
    .map((d) => compile(signForAbs(d)));
  const [fx, fy] = [dx, dy].map((d) => compile(signForAbs(d)));
  const start = inside([2, 2], box) ? [2, 2] : [(box[0][0] + box[0][1]) / 2, (box[1][0] + box[1][1]) / 2];
  return {
    name: "custom",
    title: "Your function",
    formula: text.trim(),
    f: compile(tree),
    grad: (x, y) => [fx(x, y), fy(x, y)],
    hessian: (x, y) => {
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
