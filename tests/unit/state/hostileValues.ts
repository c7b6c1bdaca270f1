import type { Param, Schema } from '../../../src/state/schema';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values nobody should put in a link, and some that look almost right. */
export const HOSTILE = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-320',
  '-0',
  '9'.repeat(400),
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  '%00',
  '\u202e\u2066',
  '한글',
  '😀'.repeat(50),
  'x'.repeat(5000),
  '0x10',
  '1,5',
  '1_000',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '1e',
  '.',
  '+',
  '--1',
  '0.1.2',
  '١٢٣',
  '１２',
] as const;

function randomUnicode(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const roll = next();
    const code =
      roll < 0.4
        ? 0x20 + Math.floor(next() * 0x5f)
        : roll < 0.7
          ? 0xac00 + Math.floor(next() * 11172)
          : roll < 0.9
            ? 0x1f300 + Math.floor(next() * 0x300)
            : Math.floor(next() * 0xd7ff);
    out += String.fromCodePoint(code);
  }
  return out;
}

/** One hostile or random raw string for a parameter (sometimes a valid one, to mix things up). */
export function hostileRaw(param: Param, next: () => number): string {
  const roll = next();
  if (roll < 0.35) return HOSTILE[Math.floor(next() * HOSTILE.length)]!;
  if (roll < 0.6) {
    const magnitude = 10 ** Math.floor(next() * 40 - 20);
    return String((next() - 0.5) * 2 * magnitude);
  }
  if (roll < 0.75) return randomUnicode(next, 1 + Math.floor(next() * 30));
  if (roll < 0.85) return String(Math.floor((next() - 0.5) * 2e6));
  if (param.kind === 'enum') {
    const v = param.values[Math.floor(next() * param.values.length)]!;
    return next() < 0.5 ? v.toUpperCase() + ' ' : v;
  }
  if (param.kind === 'number') {
    return String(param.min + (param.max - param.min) * (next() * 1.4 - 0.2));
  }
  return ['1', '0', 'yes', 'on', 'TRUE'][Math.floor(next() * 5)]!;
}

/** Recognises a schema table among a module's exports. */
export function isSchema(value: unknown): value is Schema {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const params = Object.values(value);
  return (
    params.length > 0 &&
    params.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        ['number', 'enum', 'boolean'].includes((p as { kind?: string }).kind ?? ''),
    )
  );
}
