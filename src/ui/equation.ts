import 'katex/dist/katex.min.css';
import katex, { type KatexOptions } from 'katex';
import { formatFull, formatNumber } from './format';

/** A live value shown inside an equation: a scalar, a row vector or a matrix (rows). */
export type EquationValue = number | readonly number[] | readonly (readonly number[])[];
export type EquationValues = Readonly<Record<string, EquationValue>>;

/** `{{name}}` marks where a live value goes; names are identifiers, so they are safe in a class. */
const PLACEHOLDER = /\{\{([A-Za-z_]\w*)\}\}/g;

/** Vectors and matrices longer than this are elided with ⋯ so the equation keeps its width. */
export const MAX_ENTRIES = 6;
/** Entries kept before the ellipsis; the last entry is always kept too. */
const HEAD_ENTRIES = MAX_ENTRIES - 2;
/** Tooltips list at most this many entries at full precision. */
const MAX_TITLE_ENTRIES = 64;

/**
 * The only KaTeX commands we trust are the two that add a class or an id, our hooks for
 * highlighting terms and titling values. \href, \url, \includegraphics, \htmlStyle and
 * \htmlData stay untrusted, so KaTeX renders them as plain error text.
 */
export const KATEX_TRUST = (context: { command: string }): boolean =>
  context.command === '\\htmlClass' || context.command === '\\htmlId';

export function katexOptions(displayMode: boolean): KatexOptions {
  return {
    displayMode,
    throwOnError: false,
    trust: KATEX_TRUST,
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
    output: 'htmlAndMathml',
  };
}

export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, katexOptions(displayMode));
}

/** A programming error: loud while developing, a visible `?` rather than a crash for learners. */
function misuse(message: string): string {
  if (import.meta.env.DEV) throw new Error(message);
  console.error(message);
  return '\\text{?}';
}

/** One number as TeX: rounded for reading, a real minus sign, ×10ⁿ instead of `e`. */
export function texForNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  const text = formatNumber(value, digits).replace(/−/g, '-');
  const [mantissa, exponent] = text.split('e');
  if (exponent === undefined) return `{${text}}`;
  return `{${mantissa}\\times 10^{${Number(exponent)}}}`;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** Indices to show for a run of `length` entries, `null` standing for the ellipsis. */
function shownIndices(length: number): (number | null)[] {
  const all = Array.from({ length }, (_, i) => i);
  if (length <= MAX_ENTRIES) return all;
  return [...all.slice(0, HEAD_ENTRIES), null, length - 1];
}

function texForRow(row: readonly number[], digits: number, name: string): string {
  return shownIndices(row.length)
    .map((i) => (i === null ? '\\cdots' : texForEntry(row[i], digits, name)))
    .join(' & ');
}

function texForEntry(entry: unknown, digits: number, name: string): string {
  return isNumber(entry) ? texForNumber(entry, digits) : misuse(`${name}: not a number`);
}

/**
 * A value as TeX: scalars as numbers, arrays as a compact row vector, arrays of arrays as a
 * matrix. Anything else is a programming error (values are never user text).
 */
export function texForValue(value: EquationValue, digits = 3, name = 'value'): string {
  if (isNumber(value)) return texForNumber(value, digits);
  if (!Array.isArray(value)) return misuse(`Equation value "${name}" is not a number or array`);
  if (value.length === 0) return '\\begin{bmatrix}\\,\\end{bmatrix}';
  if (value.every(isNumber)) {
    return `\\begin{bmatrix}${texForRow(value as readonly number[], digits, name)}\\end{bmatrix}`;
  }
  if (!value.every((row) => Array.isArray(row))) {
    return misuse(`Equation value "${name}" mixes numbers and rows`);
  }
  const rows = value as readonly (readonly number[])[];
  const width = Math.max(...rows.map((row) => row.length));
  const lines = shownIndices(rows.length).map((r) => {
    if (r !== null) return texForRow(rows[r] ?? [], digits, name);
    // The elided row: ⋮ under each shown column, ⋱ under the column ellipsis.
    return shownIndices(width)
      .map((c) => (c === null ? '\\ddots' : '\\vdots'))
      .join(' & ');
  });
  return `\\begin{bmatrix}${lines.join(' \\\\ ')}\\end{bmatrix}`;
}

/** The exact value, for the tooltip on a substituted value. */
export function titleForValue(value: EquationValue): string {
  if (isNumber(value)) return formatFull(value);
  if (!Array.isArray(value)) return '?';
  const rows = value.every(isNumber)
    ? [value as readonly number[]]
    : (value as readonly (readonly number[])[]);
  const entries = rows.reduce((n, row) => n + row.length, 0);
  let budget = MAX_TITLE_ENTRIES;
  const parts = rows.map((row) => {
    const shown = row.slice(0, Math.max(0, budget));
    budget -= shown.length;
    return shown.map(formatFull).join(', ');
  });
  const text = parts.filter((part) => part !== '').join('; ');
  const more = entries > MAX_TITLE_ENTRIES ? ` … (${entries})` : '';
  return `[${text}${more}]`;
}

/** The placeholder names a TeX string uses, in order of first use. */
export function placeholderNames(tex: string): string[] {
  return [...new Set(Array.from(tex.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

/**
 * Fills `{{name}}` placeholders with values, each wrapped in `\htmlClass{value value-name}`.
 * Without `values` the equation is shown symbolically: `{{x}}` is a TeX group and renders as x.
 * With `values`, a placeholder that has no value is a programming error.
 */
export function substitute(tex: string, values?: EquationValues, digits = 3): string {
  if (!values) return tex;
  return tex.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.hasOwn(values, name)) return misuse(`Equation has no value for {{${name}}}`);
    const value = values[name] as EquationValue;
    return `\\htmlClass{value value-${name}}{${texForValue(value, digits, name)}}`;
  });
}
