import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/ui/export/csv';

describe('toCsv', () => {
  it('quotes only what needs quoting and doubles inner quotes (RFC 4180)', () => {
    expect(
      toCsv(
        ['lhs', 'rhs', 'lift'],
        [
          ['비, 우산', 'say "hi"', 1.5],
          ['line\nbreak', ' padded', Infinity],
          ['', null, NaN],
        ],
      ),
    ).toBe(
      'lhs,rhs,lift\r\n"비, 우산","say ""hi""",1.5\r\n"line\nbreak"," padded",Inf\r\n,,NaN\r\n',
    );
  });

  it('writes numbers as JavaScript prints them (full precision) and -Inf', () => {
    expect(toCsv(['x'], [[0.1 + 0.2], [-Infinity], [1e-7]])).toBe(
      'x\r\n0.30000000000000004\r\n-Inf\r\n1e-7\r\n',
    );
  });
});
