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
  textParam,
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

describe('text params', () => {
  const words = defineSchema({
    word: textParam({
      default: 'hihello',
      minLength: 2,
      maxLength: 8,
      allowed: /[\p{L}\p{N}]/u,
      valid: (w) => new Set(w).size >= 2,
    }),
    n: intParam({ min: 1, max: 5, default: 2 }),
  });

  it('reads a valid word, Korean included, counting code points', () => {
    const read1 = parseState(words, read({ word: 'hello' }));
    expect(read1).toEqual({ state: { word: 'hello', n: 2 }, notices: [] });
    // 안녕하세요 is five code points (and NFC-normalised from decomposed jamo).
    const decomposed = '안녕하세요'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(8);
    expect(parseState(words, read({ word: decomposed })).state.word).toBe('안녕하세요');
    expect(parseState(words, read({ word: '  abc  ' })).state.word).toBe('abc');
  });

  it('resets garbage, too long, too short, bad characters and failed rules with a notice', () => {
    for (const raw of ['a', 'abcdefghi', 'ab cd', 'a<b>', 'hi!', 'aaaa', '', '😀😀']) {
      const { state, notices } = parseState(words, read({ word: raw }));
      expect(state.word, raw).toBe('hihello');
      expect(notices, raw).toEqual([
        { key: 'word', raw: raw.slice(0, 40), action: 'reset', value: 'hihello' },
      ]);
    }
    const long = 'x'.repeat(5000);
    expect(parseState(words, read({ word: long })).notices[0]!.raw).toHaveLength(40);
  });

  it('serializes only a non-default word and round-trips through the URL', () => {
    expect(serializeState(words, { word: 'hihello', n: 2 })).toEqual({ word: null, n: null });
    const out = serializeState(words, { word: '안녕하세요', n: 3 });
    expect(out).toEqual({ word: '안녕하세요', n: '3' });
    const params = new URLSearchParams({ word: out.word!, n: out.n! });
    const back = parseState(words, (key) => params.get(key));
    expect(back).toEqual({ state: { word: '안녕하세요', n: 3 }, notices: [] });
  });

  it('sanitizes typed text with the same rules', () => {
    expect(sanitize(words, { word: ' hello ' })).toEqual({ word: 'hello' });
    expect(sanitize(words, { word: 'no way!' })).toEqual({ word: 'hihello' });
    expect(sanitize(words, { word: 42 as unknown as string })).toEqual({ word: 'hihello' });
  });

  it('rejects a spec whose default breaks its own rules', () => {
    const base = { minLength: 2, maxLength: 8, allowed: /[a-z]/u };
    expect(() => textParam({ ...base, default: 'a' })).toThrow();
    expect(() => textParam({ ...base, default: 'HI' })).toThrow();
    expect(() => textParam({ ...base, default: 'ok', maxLength: 1000 })).toThrow();
    expect(() => textParam({ ...base, default: 'aa', valid: (w) => w !== 'aa' })).toThrow();
    expect(textParam({ ...base, default: 'ok' }).kind).toBe('text');
  });
});
