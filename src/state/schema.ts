/**
 * One typed table per widget describes every setting a learner can change: its type,
 * range and default. The same table parses the URL, serializes back to it, validates
 * input fields and drives the sliders — no parameter is parsed in two places.
 */
export interface NumberParam {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  default: number;
  /** Round to a whole number (sequence lengths, seeds). */
  integer?: boolean;
}

export interface EnumParam<T extends string = string> {
  kind: 'enum';
  values: readonly T[];
  default: T;
}

export interface BooleanParam {
  kind: 'boolean';
  default: boolean;
}

/**
 * Short free text (a word to train on): trimmed and NFC-normalised, then its length counted in
 * Unicode code points (안녕 is two) and every character checked against `allowed`; anything
 * else resets to the default with a notice, like any other bad link value.
 */
export interface TextParam {
  kind: 'text';
  default: string;
  minLength: number;
  maxLength: number;
  /** Matches one allowed character, e.g. /[\p{L}\p{N}]/u. */
  allowed: RegExp;
  /** A further rule on the whole (normalised) text. */
  valid?: (text: string) => boolean;
}

export type Param = NumberParam | EnumParam | BooleanParam | TextParam;
export type Schema = Record<string, Param>;

export type ValueOf<P extends Param> = P extends NumberParam
  ? number
  : P extends EnumParam<infer T>
    ? T
    : P extends TextParam
      ? string
      : boolean;

export type StateOf<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

export function numberParam(spec: Omit<NumberParam, 'kind'>): NumberParam {
  if (!(spec.min <= spec.default && spec.default <= spec.max) || !(spec.step > 0)) {
    throw new Error(`numberParam: bad spec ${JSON.stringify(spec)}`);
  }
  return { kind: 'number', ...spec };
}

export function intParam(spec: Omit<NumberParam, 'kind' | 'integer' | 'step'> & { step?: number }) {
  return numberParam({ step: 1, ...spec, integer: true });
}

export function enumParam<const T extends string>(values: readonly T[], def: T): EnumParam<T> {
  if (!values.includes(def)) throw new Error(`enumParam: default ${def} not among values`);
  return { kind: 'enum', values, default: def };
}

export function booleanParam(def: boolean): BooleanParam {
  return { kind: 'boolean', default: def };
}

/** The longest text a TextParam may allow (links stay short). */
export const MAX_TEXT_PARAM = 200;

/** The text as a TextParam stores it, or null when it breaks one of the param's rules. */
export function checkText(param: Omit<TextParam, 'kind' | 'default'>, raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 4 * MAX_TEXT_PARAM) return null;
  const text = raw.trim().normalize('NFC');
  const chars = [...text];
  if (chars.length < param.minLength || chars.length > param.maxLength) return null;
  const one = new RegExp(`^(?:${param.allowed.source})$`, param.allowed.flags.replace('g', ''));
  if (!chars.every((c) => one.test(c))) return null;
  if (param.valid && !param.valid(text)) return null;
  return text;
}

export function textParam(spec: Omit<TextParam, 'kind'>): TextParam {
  const ok =
    Number.isInteger(spec.minLength) &&
    Number.isInteger(spec.maxLength) &&
    spec.minLength >= 0 &&
    spec.minLength <= spec.maxLength &&
    spec.maxLength <= MAX_TEXT_PARAM;
  if (!ok || checkText(spec, spec.default) !== spec.default) {
    throw new Error(
      `textParam: bad spec ${JSON.stringify({ ...spec, allowed: String(spec.allowed) })}`,
    );
  }
  return { kind: 'text', ...spec };
}

export function defineSchema<const S extends Schema>(schema: S): S {
  return schema;
}

export function defaults<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(schema)) out[key] = param.default;
  return out as StateOf<S>;
}

/** What happened to one invalid value; shown to the learner, never thrown. */
export interface ParamNotice {
  key: string;
  raw: string;
  action: 'clamped' | 'reset';
  value: string;
}

export type Coerced<V> = { value: V; action: 'ok' | 'clamped' | 'reset' };

/** Snaps a number onto the param's grid and range; ±Infinity clamps, NaN resets to the default. */
export function coerceNumber(param: NumberParam, input: number): Coerced<number> {
  if (Number.isNaN(input)) return { value: param.default, action: 'reset' };
  let value = Math.min(param.max, Math.max(param.min, input));
  const clamped = value !== input;
  value = param.integer
    ? Math.round(value)
    : Number((Math.round((value - param.min) / param.step) * param.step + param.min).toFixed(10));
  value = Math.min(param.max, Math.max(param.min, value));
  return { value, action: clamped ? 'clamped' : 'ok' };
}

const NUMBER_PATTERN = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function parseParam<P extends Param>(param: P, raw: string): Coerced<ValueOf<P>> {
  switch (param.kind) {
    case 'number': {
      if (!NUMBER_PATTERN.test(raw)) return { value: param.default, action: 'reset' } as never;
      return coerceNumber(param, Number(raw)) as never;
    }
    case 'enum':
      return (
        param.values.includes(raw)
          ? { value: raw, action: 'ok' }
          : { value: param.default, action: 'reset' }
      ) as never;
    case 'boolean':
      if (raw === '1' || raw === 'true') return { value: true, action: 'ok' } as never;
      if (raw === '0' || raw === 'false') return { value: false, action: 'ok' } as never;
      return { value: param.default, action: 'reset' } as never;
    case 'text': {
      const text = checkText(param, raw);
      return (
        text === null ? { value: param.default, action: 'reset' } : { value: text, action: 'ok' }
      ) as never;
    }
  }
}

export function formatParam(param: Param, value: unknown): string {
  if (param.kind === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Reads a widget's state from string values (the URL); anything invalid becomes a notice. */
export function parseState<S extends Schema>(
  schema: S,
  read: (key: string) => string | null,
): { state: StateOf<S>; notices: ParamNotice[] } {
  const state: Record<string, unknown> = {};
  const notices: ParamNotice[] = [];
  for (const [key, param] of Object.entries(schema)) {
    const raw = read(key);
    if (raw === null) {
      state[key] = param.default;
      continue;
    }
    const parsed = parseParam(param, raw);
    state[key] = parsed.value;
    if (parsed.action !== 'ok') {
      notices.push({
        key,
        raw: raw.slice(0, 40),
        action: parsed.action,
        value: formatParam(param, parsed.value),
      });
    }
  }
  return { state: state as StateOf<S>, notices };
}

/** Only values that differ from the default go into the URL, keeping links short. */
export function serializeState<S extends Schema>(
  schema: S,
  state: Partial<StateOf<S>>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, param] of Object.entries(schema)) {
    const value = (state as Record<string, unknown>)[key];
    out[key] = value === undefined || value === param.default ? null : formatParam(param, value);
  }
  return out;
}

/** Validates a value from an input field or code against the schema (same rules as the URL). */
export function sanitize<S extends Schema>(
  schema: S,
  patch: Partial<StateOf<S>>,
): Partial<StateOf<S>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const param = schema[key];
    if (!param) continue;
    if (param.kind === 'number') out[key] = coerceNumber(param, Number(value)).value;
    else if (param.kind === 'enum')
      out[key] = param.values.includes(value as string) ? value : param.default;
    else if (param.kind === 'text')
      out[key] = (typeof value === 'string' ? checkText(param, value) : null) ?? param.default;
    else out[key] = Boolean(value);
  }
  return out as Partial<StateOf<S>>;
}
