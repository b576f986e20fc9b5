/** Number formatting for answers (plain text) and worked solutions (KaTeX). */

/** 61100840 → "61,100,840". */
export function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

/** 61100840 → "61{,}100{,}840" (thousands separators without KaTeX's comma spacing). */
export function texInt(n: number): string {
  return fmtInt(n).replace(/,/g, "{,}");
}

/** A shape as "96×55×55" (text) or "96\times55\times55" (KaTeX). */
export function fmtShape(dims: readonly number[]): string {
  return dims.join("×");
}
export function texShape(dims: readonly number[]): string {
  return dims.map(texInt).join(" \\times ");
}

/** "(-2)" for negatives so products read unambiguously. */
export function texParen(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

/** A decimal for a worked solution's TeX: exact when short, else rounded to 4 places with "…". */
export function texDecimal(v: number): string {
  const r = Math.round(v * 1e4) / 1e4;
  return Math.abs(r - v) < 1e-12 ? String(r) : `${r.toFixed(4)}\\ldots`;
}
