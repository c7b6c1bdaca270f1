/**
 * The error the training service throws for bad options or bad data, like the core's
 * CoreInputError: the message says what was expected and what was given, written so a widget
 * can show it to the learner as it is ("The learning rate must be a number above 0, got -1.").
 */
export class TrainingInputError extends Error {
  override readonly name = 'TrainingInputError';

  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Throws a TrainingInputError unless `ok`. */
export function ensure(ok: boolean, message: string | (() => string)): asserts ok {
  if (!ok) throw new TrainingInputError(typeof message === 'string' ? message : message());
}

/** Whether `value` is a finite number (not NaN, not ±Infinity, not a string). */
export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A readable rendering of a bad value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
