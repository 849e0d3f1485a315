// The whitelist of "Your function" and its token scan, shared by the explorer's parser
// (expression.js) and, message for message, by gdlib/_expression_scan.py: a bounded length, only
// numbers, the allowed names, + - * / ^ , ( ) and spaces, functions called, values not, and no
// implicit product (2x, x y, 2(x)) or **. Pure and small: no mathjs, no DOM.
export const MAX_LENGTH = 200;
export const MAX_DEPTH = 64;
export const VARIABLES = Object.freeze(["x", "y"]);
export const CONSTANTS = Object.freeze({ pi: Math.PI, e: Math.E });
// Function name -> [fewest, most] arguments.
export const FUNCTIONS = Object.freeze({
  sin: [1, 1], cos: [1, 1], tan: [1, 1], exp: [1, 1], log: [1, 1], sqrt: [1, 1], abs: [1, 1],
  tanh: [1, 1], min: [2, Infinity], max: [2, Infinity],
});
export const ALLOWED = [...VARIABLES, ...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS)].join(", ");


/** A refused expression; `position` is the 1-based character it points at, or null. */
export class ExpressionError extends Error {
  constructor(message, position = null) {
    super(`expression: ${message}`);
    this.name = "ExpressionError";
    this.position = position;
  }
}

export const has = (object, key) => Object.hasOwn(object, key);
export const isFunctionName = (name) => has(FUNCTIONS, name);
export const isValueName = (name) => VARIABLES.includes(name) || has(CONSTANTS, name);
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
    throw new ExpressionError(`is ${text.length} characters long; the limit is ${MAX_LENGTH}`);
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

