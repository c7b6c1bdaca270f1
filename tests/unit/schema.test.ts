import { describe, expect, it } from 'vitest';
import {
  booleanParam,
  coerceNumber,
  defaults,
  defineSchema,
  enumParam,
  intParam,
  numberParam,
  parseState,
  sanitize,
  serializeState,
} from '../../src/state/schema';

const schema = defineSchema({
  shape: enumParam(['one-to-one', 'many-to-one'] as const, 'many-to-one'),
  length: intParam({ min: 1, max: 10, default: 4 }),
  alpha: numberParam({ min: 0.1, max: 3, step: 0.1, default: 1 }),
  derivative: booleanParam(true),
});

function read(values: Record<string, string>) {
  return (key: string) => values[key] ?? null;
}

describe('state schema', () => {
  it('gives defaults when the URL says nothing', () => {
    const { state, notices } = parseState(schema, read({}));
    expect(state).toEqual(defaults(schema));
    expect(notices).toEqual([]);
  });

  it('reads valid values exactly', () => {
    const { state, notices } = parseState(
      schema,
      read({ shape: 'one-to-one', length: '7', alpha: '2.5', derivative: '0' }),
    );
    expect(state).toEqual({ shape: 'one-to-one', length: 7, alpha: 2.5, derivative: false });
    expect(notices).toEqual([]);
  });

  it('clamps out-of-range numbers and says so', () => {
    const { state, notices } = parseState(schema, read({ length: '1e9', alpha: '-4' }));
    expect(state.length).toBe(10);
    expect(state.alpha).toBe(0.1);
    expect(notices.map((n) => [n.key, n.action, n.value])).toEqual([
      ['length', 'clamped', '10'],
      ['alpha', 'clamped', '0.1'],
    ]);
  });

  it('resets garbage to the default with a notice, never throwing', () => {
    const hostile = ['abc', 'NaN', 'Infinity', '', '   ', '0x10', '<script>', '1,5', '١٢', '🙂'];
    for (const raw of hostile) {
      const { state, notices } = parseState(
        schema,
        read({ length: raw, shape: raw, derivative: raw }),
      );
      expect(state).toEqual(defaults(schema));
      expect(notices.length).toBe(3);
      expect(notices.every((n) => n.action === 'reset')).toBe(true);
    }
  });

  it('truncates very long raw values in notices', () => {
    const { notices } = parseState(schema, read({ shape: 'x'.repeat(10_000) }));
    expect(notices[0]?.raw.length).toBe(40);
  });

  it('snaps to the step grid and rounds integers', () => {
    expect(coerceNumber(schema.alpha, 1.23).value).toBe(1.2);
    expect(coerceNumber(schema.length, 3.6).value).toBe(4);
    expect(coerceNumber(schema.alpha, Number.NaN)).toEqual({ value: 1, action: 'reset' });
    expect(coerceNumber(schema.alpha, Infinity)).toEqual({ value: 3, action: 'clamped' });
    expect(coerceNumber(schema.length, -Infinity)).toEqual({ value: 1, action: 'clamped' });
  });

  it('serializes only non-default values, and round-trips', () => {
    const state = { shape: 'one-to-one' as const, length: 4, alpha: 2.5, derivative: false };
    const out = serializeState(schema, state);
    expect(out).toEqual({ shape: 'one-to-one', length: null, alpha: '2.5', derivative: '0' });
    const back = parseState(schema, (key) => out[key] ?? null).state;
    expect(back).toEqual(state);
  });

  it('sanitizes values coming from inputs with the same rules', () => {
    expect(sanitize(schema, { length: 99, shape: 'bogus' as never })).toEqual({
      length: 10,
      shape: 'many-to-one',
    });
  });

  it('rejects a schema whose default is outside its own range', () => {
    expect(() => numberParam({ min: 0, max: 1, step: 0.1, default: 2 })).toThrow();
    expect(() => enumParam(['a', 'b'], 'c' as 'a')).toThrow();
  });
});
