import { describe, expect, it } from 'vitest';
import {
  KATEX_TRUST,
  placeholderNames,
  renderTex,
  substitute,
  texForNumber,
  texForValue,
  titleForValue,
} from '../../../src/ui/equation';

describe('texForNumber', () => {
  it('rounds, uses a TeX minus and writes powers of ten', () => {
    expect(texForNumber(0.52512, 3)).toBe('{0.525}');
    expect(texForNumber(-0.25, 2)).toBe('{-0.25}');
    expect(texForNumber(1.5e-7, 3)).toBe('{1.50\\times 10^{-7}}');
    expect(texForNumber(-2.5e6, 3)).toBe('{-2.50\\times 10^{6}}');
  });

  it('names NaN and the infinities instead of printing garbage', () => {
    expect(texForNumber(NaN)).toBe('\\text{NaN}');
    expect(texForNumber(Infinity)).toBe('\\infty');
    expect(texForNumber(-Infinity)).toBe('-\\infty');
  });
});

describe('texForValue', () => {
  it('writes a short vector as a row bmatrix', () => {
    expect(texForValue([0.5, -1], 1)).toBe('\\begin{bmatrix}{0.5} & {-1.0}\\end{bmatrix}');
  });

  it('elides a long vector with \\cdots, keeping the head and the last entry', () => {
    const tex = texForValue([1, 2, 3, 4, 5, 6, 7, 8, 9], 0);
    expect(tex).toBe('\\begin{bmatrix}{1} & {2} & {3} & {4} & \\cdots & {9}\\end{bmatrix}');
  });

  it('writes matrices row by row and elides both ways', () => {
    expect(
      texForValue(
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ),
    ).toBe('\\begin{bmatrix}{1} & {2} \\\\ {3} & {4}\\end{bmatrix}');
    const big = Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, (_, c) => r * 8 + c));
    const rows = texForValue(big, 0).split(' \\\\ ');
    expect(rows).toHaveLength(6);
    expect(rows[4]).toBe('\\vdots & \\vdots & \\vdots & \\vdots & \\ddots & \\vdots');
    expect(rows[5]).toContain('{56} & {57} & {58} & {59} & \\cdots & {63}');
  });

  it('refuses values that are not numbers', () => {
    expect(() => texForValue('1' as unknown as number)).toThrow(/not a number/);
    expect(() => texForValue([1, 'x'] as unknown as number[])).toThrow();
  });
});

describe('substitute', () => {
  const tex = '\\htmlClass{term term-f}{f_t} = \\sigma({{z}}) = {{f}}';

  it('replaces each placeholder with a classed value', () => {
    const out = substitute(tex, { z: 0.1, f: [0.525, 0.4] }, 2);
    expect(out).toBe(
      '\\htmlClass{term term-f}{f_t} = \\sigma(\\htmlClass{value value-z}{{0.10}}) = ' +
        '\\htmlClass{value value-f}{\\begin{bmatrix}{0.53} & {0.40}\\end{bmatrix}}',
    );
    expect(out).not.toContain('{{z}}');
  });

  it('leaves the symbolic form when no values are given', () => {
    expect(substitute(tex)).toBe(tex);
  });

  it('throws on a placeholder without a value (a programming error)', () => {
    expect(() => substitute(tex, { z: 1 })).toThrow(/\{\{f\}\}/);
  });

  it('lists placeholder names once each', () => {
    expect(placeholderNames('{{a}} + {{b}} - {{a}}')).toEqual(['a', 'b']);
  });
});

describe('titleForValue', () => {
  it('gives full precision for scalars, vectors and matrices', () => {
    expect(titleForValue(0.123456789)).toBe('0.123456789');
    expect(titleForValue([1 / 3, NaN])).toBe('[0.3333333333333333, NaN]');
    expect(
      titleForValue([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[1, 2; 3, 4]');
  });

  it('caps very long tooltips', () => {
    expect(titleForValue(Array.from({ length: 100 }, () => 1))).toMatch(/… \(100\)\]$/);
  });
});

describe('KaTeX trust', () => {
  it('trusts exactly \\htmlClass and \\htmlId', () => {
    const trusted = [
      '\\htmlClass',
      '\\htmlId',
      '\\href',
      '\\url',
      '\\includegraphics',
      '\\htmlStyle',
      '\\htmlData',
    ].filter((command) => KATEX_TRUST({ command }));
    expect(trusted).toEqual(['\\htmlClass', '\\htmlId']);
  });

  it.each([
    ['\\href{javascript:alert(1)}{x}', '<a'],
    ['\\url{https://example.com}', '<a'],
    ['\\includegraphics{x.png}', '<img'],
    ['\\htmlStyle{color:red}{x}', 'color:red'],
    ['\\htmlData{foo=bar}{x}', 'data-foo'],
  ])('renders %s as untrusted error text', (tex, forbidden) => {
    // The MathML annotation repeats the source as text; only the rendered markup matters.
    const html = renderTex(tex, false).replace(/<annotation[\s\S]*?<\/annotation>/, '');
    expect(html).not.toContain(forbidden);
    expect(html).toContain('color:#cc0000');
  });

  it('keeps the class hooks', () => {
    const html = renderTex('\\htmlClass{term term-f}{f_t}', true);
    expect(html).toContain('class="enclosing term term-f"');
    expect(html).toContain('katex-display');
  });
});
