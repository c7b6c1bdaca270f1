import { describe, expect, it } from 'vitest';
import {
  parseParam,
  parseState,
  sanitize,
  serializeState,
  type Param,
  type Schema,
} from '../../../src/state/schema';
import { hostileRaw, isSchema, rng } from './hostileValues';

// Every schema module of the widgets (pure files: no React).
const modules = import.meta.glob<Record<string, unknown>>('../../../src/widgets/**/*Schemas.ts', {
  eager: true,
});

const schemas: [string, Schema][] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, v]) => isSchema(v))
    .map(
      ([name, v]) =>
        [`${file.replace(/^.*widgets\//, '')}:${name}`, v as Schema] as [string, Schema],
    ),
);

function expectValid(param: Param, value: unknown, where: string) {
  if (param.kind === 'number') {
    expect(typeof value, where).toBe('number');
    const n = value as number;
    expect(Number.isFinite(n), where).toBe(true);
    expect(n, where).toBeGreaterThanOrEqual(param.min);
    expect(n, where).toBeLessThanOrEqual(param.max);
    if (param.integer) expect(Number.isInteger(n), where).toBe(true);
    else {
      const steps = (n - param.min) / param.step;
      expect(Math.abs(steps - Math.round(steps)), where).toBeLessThan(1e-6);
    }
  } else if (param.kind === 'enum') {
    expect(param.values, where).toContain(value);
  } else {
    expect(typeof value, where).toBe('boolean');
  }
}

describe('every widget schema survives hostile values', () => {
  it('finds the schemas', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, schema] of schemas) {
    it(`${name}: 300 rounds from a link land on valid, canonical state`, () => {
      const next = rng(name.length * 7919 + 17);
      for (let round = 0; round < 300; round++) {
        const raw: Record<string, string> = {};
        for (const [key, param] of Object.entries(schema)) raw[key] = hostileRaw(param, next);
        const { state, notices } = parseState(schema, (k) => raw[k] ?? null);
        for (const [key, param] of Object.entries(schema)) {
          const where = `${name}.${key} from ${JSON.stringify(raw[key]?.slice(0, 60))}`;
          expectValid(param, (state as Record<string, unknown>)[key], where);
          const verdict = parseParam(param, raw[key]!);
          // A value that was changed is reported to the learner.
          if (verdict.action !== 'ok')
            expect(
              notices.map((n) => n.key),
              where,
            ).toContain(key);
        }
        // The rewritten link reads back as exactly the same state, with no notices.
        const canonical = serializeState(schema, state);
        const again = parseState(schema, (k) => canonical[k] ?? null);
        expect(again.state).toEqual(state);
        expect(again.notices).toEqual([]);
      }
    });

    it(`${name}: hostile values from inputs and code are sanitised`, () => {
      const next = rng(name.length * 104729 + 3);
      const odd: unknown[] = [
        NaN,
        Infinity,
        -Infinity,
        -0,
        1e308,
        -1e308,
        null,
        undefined,
        {},
        [],
        '12',
        'abc',
        true,
        10n,
      ];
      for (let round = 0; round < 200; round++) {
        const patch: Record<string, unknown> = {};
        for (const key of Object.keys(schema)) {
          patch[key] = next() < 0.5 ? odd[Math.floor(next() * odd.length)] : (next() - 0.5) * 1e9;
        }
        patch.__proto__ = { polluted: 1 };
        const clean = sanitize(schema, patch as never) as Record<string, unknown>;
        for (const [key, param] of Object.entries(schema))
          expectValid(param, clean[key], `${name}.${key}`);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    });
  }
});
