import { fireEvent, render } from '@testing-library/react';
import katex from 'katex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Equation } from '../../../src/ui/Equation';

const FORGET_GATE =
  '\\htmlClass{term term-f}{f_t} = \\sigma(\\htmlClass{term term-W}{W_f} {{x}} + \\htmlClass{term term-b}{b_f}) = {{f}}';

afterEach(() => vi.restoreAllMocks());

function rootOf(container: HTMLElement): HTMLElement {
  const root = container.querySelector<HTMLElement>('.equation');
  if (!root) throw new Error('no .equation root');
  return root;
}

describe('Equation', () => {
  it('renders KaTeX with the term hooks inside an .equation root', () => {
    const { container } = render(<Equation tex={FORGET_GATE} display label="망각 게이트 식" />);
    const root = rootOf(container);
    expect(root.tagName).toBe('DIV');
    expect(root).toHaveAttribute('role', 'group');
    expect(root).toHaveAttribute('aria-label', '망각 게이트 식');
    expect(root.querySelector('.katex-display')).not.toBeNull();
    expect(root.querySelectorAll('.term')).toHaveLength(3);
    expect(root.querySelector('.term-W')).not.toBeNull();
  });

  it('is inline by default', () => {
    const { container } = render(<Equation tex="x^2" />);
    expect(rootOf(container).tagName).toBe('SPAN');
    expect(container.querySelector('.katex-display')).toBeNull();
  });

  it('substitutes values, rounded, with the exact value as the title', () => {
    const { container } = render(
      <Equation tex={FORGET_GATE} values={{ x: 0.123456, f: [0.52512, 0.4] }} digits={2} />,
    );
    const x = container.querySelector('.value-x');
    expect(x).toHaveTextContent('0.12');
    expect(x).toHaveAttribute('title', '0.123456');
    const f = container.querySelector('.value-f');
    expect(f?.textContent).toContain('0.53');
    expect(f?.textContent).toContain('0.40');
    expect(f).toHaveAttribute('title', '[0.52512, 0.4]');
    expect(container.querySelector('.katex-html')?.textContent).not.toMatch(/[{}]/);
  });

  it('shows NaN and infinity by name', () => {
    const { container } = render(<Equation tex="{{a}}, {{b}}" values={{ a: NaN, b: -Infinity }} />);
    expect(container.querySelector('.value-a')).toHaveTextContent('NaN');
    expect(container.querySelector('.value-b')?.textContent).toContain('∞');
  });

  it('throws in development on a placeholder without a value', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Equation tex="{{a}} + {{b}}" values={{ a: 1 }} />)).toThrow(/\{\{b\}\}/);
  });

  it('highlights the named terms and moves the highlight when the prop changes', () => {
    const { container, rerender } = render(<Equation tex={FORGET_GATE} highlight={['f']} />);
    const highlighted = () =>
      Array.from(container.querySelectorAll('.is-highlighted'), (el) =>
        Array.from(el.classList).find((c) => c.startsWith('term-')),
      );
    expect(highlighted()).toEqual(['term-f']);
    rerender(<Equation tex={FORGET_GATE} highlight={['W', 'b']} />);
    expect(highlighted()).toEqual(['term-W', 'term-b']);
    rerender(<Equation tex={FORGET_GATE} />);
    expect(highlighted()).toEqual([]);
  });

  it('keeps the highlight when new values re-render the TeX', () => {
    const { container, rerender } = render(
      <Equation tex={FORGET_GATE} values={{ x: 1, f: 0.5 }} highlight={['b']} />,
    );
    rerender(<Equation tex={FORGET_GATE} values={{ x: 2, f: 0.6 }} highlight={['b']} />);
    expect(container.querySelector('.term-b')).toHaveClass('is-highlighted');
    expect(container.querySelector('.value-x')).toHaveTextContent('2.000');
  });

  it('reports the hovered term, and null on leaving', () => {
    const onTermHover = vi.fn();
    const { container } = render(<Equation tex={FORGET_GATE} onTermHover={onTermHover} />);
    const root = rootOf(container);
    const innerOfW = root.querySelector('.term-W .mord') ?? root.querySelector('.term-W');
    fireEvent.pointerOver(innerOfW!);
    expect(onTermHover).toHaveBeenLastCalledWith('W');
    fireEvent.pointerOver(root.querySelector('.term-f')!);
    expect(onTermHover).toHaveBeenLastCalledWith('f');
    fireEvent.pointerOver(root.querySelector('.term-f')!);
    expect(onTermHover).toHaveBeenCalledTimes(2);
    fireEvent.pointerLeave(root);
    expect(onTermHover).toHaveBeenLastCalledWith(null);
  });

  it.each([
    ['\\href{javascript:alert(1)}{click}', 'a'],
    ['\\url{https://example.com}', 'a'],
    ['\\includegraphics{https://example.com/x.png}', 'img'],
    ['\\htmlStyle{color: red}{x}', '[style*="red"]'],
    ['\\htmlData{foo=bar}{x}', '[data-foo]'],
  ])('does not trust %s', (tex, selector) => {
    const { container } = render(<Equation tex={tex} />);
    expect(container.querySelector(selector)).toBeNull();
    expect(container.querySelector('.katex-html')?.textContent).toMatch(/^\\/);
  });

  it('runs KaTeX again only when what it shows changes', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const { rerender } = render(<Equation tex={FORGET_GATE} values={{ x: 1, f: 2 }} />);
    expect(spy).toHaveBeenCalledTimes(1);
    rerender(<Equation tex={FORGET_GATE} values={{ x: 1, f: 2 }} highlight={['f']} />);
    expect(spy).toHaveBeenCalledTimes(1);
    rerender(<Equation tex={FORGET_GATE} values={{ x: 3, f: 2 }} highlight={['f']} />);
    expect(spy).toHaveBeenCalledTimes(2);
    rerender(<Equation tex={FORGET_GATE} values={{ x: 3, f: 2 }} display />);
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
