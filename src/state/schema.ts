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

export type Param = NumberParam | EnumParam | BooleanParam;
export type Schema = Record<string, Param>;

export type ValueOf<P extends Param> = P extends NumberParam
  ? number
  : P extends EnumParam<infer T>
    ? T
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
    else out[key] = Boolean(value);
  }
  return out as Partial<StateOf<S>>;
}
