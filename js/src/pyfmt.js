// Python's float formatting in JS (repr, "{:.Ne}", "{:g}"), so the explorer's status messages are
// the very sentences gdlib writes. Pure; tested against Python in tests/test_js_agreement.py.

/** Split |v| into its shortest round-trip digits and decimal exponent: 1.5e-7 -> ["15", -7]. */
function shortestDigits(v) {
  const [mantissa, exp] = Math.abs(v).toExponential().split("e");
  return [mantissa.replace(".", ""), Number(exp)];
}

function pyExponent(exp) {
  const sign = exp < 0 ? "-" : "+";
  return `e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function special(v) {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return null;
}

/** Python's repr(float): 1.0 -> "1.0", 1e-7 -> "1e-07", 1e16 -> "1e+16". */
export function pyRepr(v) {
  const s = special(v);
  if (s) return s;
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const sign = v < 0 ? "-" : "";
  const [digits, exp] = shortestDigits(v);
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${frac}${pyExponent(exp)}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1) || "0";
  return `${sign}${whole}.${frac}`;
}

/** |v| rounded to `digits` + 1 significant digits, ties to even as Python does: [digits, exp]. */
function roundedDigits(v, digits) {
  const [mantissa, expText] = Math.abs(v).toExponential(digits).split("e");
  const exact = Math.abs(v).toExponential(100).replace(".", "");
  const rest = exact.slice(digits + 1, exact.indexOf("e"));
  const tie = /^50*$/.test(rest) && Number(exact[digits]) % 2 === 0;
  if (!tie) return [mantissa.replace(".", ""), Number(expText)];
  // JS rounds exact ties up; Python keeps the even digit.
  const [down, expDown] = shortestDigits(v);
  return [down.slice(0, digits + 1).padEnd(digits + 1, "0"), expDown];
}

/** Python's "{:.Ne}".format(v): formatE(9.87e-7, 1) -> "9.9e-07". */
export function formatE(v, digits) {
  const s = special(v);
  if (s) return s;
  const [d, exp] = roundedDigits(v, digits);
  const frac = digits > 0 ? `.${d.slice(1)}` : "";
  return `${v < 0 ? "-" : ""}${d[0]}${frac}${pyExponent(exp)}`;
}


export function formatG(v, precision = 6) {
  const s = special(v);
  if (s) return s;
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [d, exp] = roundedDigits(v, precision - 1);
  const sign = v < 0 ? "-" : "";
  const strip = (t) => (t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t);
  if (exp < -4 || exp >= precision) return `${sign}${strip(`${d[0]}.${d.slice(1)}`)}${pyExponent(exp)}`;
  if (exp < 0) return `${sign}${strip(`0.${"0".repeat(-exp - 1)}${d}`)}`;
  return `${sign}${strip(`${d.slice(0, exp + 1)}.${d.slice(exp + 1)}`)}`;
}

/**
 * formatG(v, digits), with more digits while it would print like one of `marks` (a threshold the
 * sentence compares v with) that v is not: 0.1001 beside 2/L = 0.1 prints "0.1001", not "0.1".
 */
export function formatApart(v, marks, digits = 3) {
  let precision = digits;
  const alike = (p) => marks.some((m) => m !== v && formatG(m, p) === formatG(v, p));
  while (precision < 17 && alike(precision)) precision += 1;
  return formatG(v, precision);
}
