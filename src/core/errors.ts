/**
 * The one error the core throws for bad input. Its message is written for a learner: it says
 * what was expected and what was given ("LSTM kernel must be [3, 8] …, got [3, 6]"), so a
 * widget can show it as it is.
 */
export class CoreInputError extends Error {
  override readonly name = 'CoreInputError';

  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Throws a CoreInputError unless `ok`. */
export function check(ok: boolean, message: string | (() => string)): asserts ok {
  if (!ok) throw new CoreInputError(typeof message === 'string' ? message : message());
}

/** The largest hidden size a cell may have (bigger would freeze the page). */
export const MAX_UNITS = 512;

export function checkPositiveInt(value: unknown, what: string, max?: number): number {
  check(
    typeof value === 'number' && Number.isInteger(value) && value >= 1,
    () => `${what} must be a whole number of at least 1, got ${String(value)}.`,
  );
  if (max !== undefined) {
    check(value <= max, () => `${what} must be at most ${max}, got ${value}.`);
  }
  return value;
}

export function checkUnits(units: unknown, what = 'Hidden size (units)'): number {
  return checkPositiveInt(units, what, MAX_UNITS);
}

/** Index of the first non-finite entry, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) return k;
  }
  return -1;
}
