import { useLayoutEffect, useMemo, useRef, type PointerEvent } from 'react';
import { renderTex, substitute, titleForValue, type EquationValues } from './equation';
import './ui-kit.css';

export interface EquationProps {
  /** Our own TeX, with `\htmlClass{term term-NAME}{…}` hooks and `{{name}}` placeholders. */
  tex: string;
  /** Live values for the placeholders; without them the equation is shown symbolically. */
  values?: EquationValues;
  /** Term names (the part after `term-`) to highlight. */
  highlight?: readonly string[];
  /** Called with a term's name when the pointer enters it, and `null` when it leaves. */
  onTermHover?: (name: string | null) => void;
  /** Block (display) math instead of inline. */
  display?: boolean;
  /** Rounding of substituted values. */
  digits?: number;
  /** Accessible name of the equation as a whole. */
  label?: string;
  className?: string;
}

const TERM_PREFIX = 'term-';

function termName(element: Element | null): string | null {
  if (!element) return null;
  for (const name of element.classList) {
    if (name.startsWith(TERM_PREFIX)) return name.slice(TERM_PREFIX.length);
  }
  return null;
}

/** The innermost named term that contains `target`, if it lies inside `root`. */
function termAt(root: HTMLElement, target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  let term = target.closest('.term');
  while (term && root.contains(term)) {
    const name = termName(term);
    if (name !== null) return name;
    term = term.parentElement?.closest('.term') ?? null;
  }
  return null;
}

/**
 * A KaTeX equation whose named terms can be highlighted and hovered, with live values
 * substituted into `{{name}}` placeholders (rounded; the tooltip gives the exact value).
 */
export function Equation({
  tex,
  values,
  highlight,
  onTermHover,
  display = false,
  digits = 3,
  label,
  className,
}: EquationProps) {
  const rootRef = useRef<HTMLElement>(null);
  const hoveredRef = useRef<string | null>(null);

  // The substituted TeX is the cache key: KaTeX runs again only when what it shows changes.
  const source = substitute(tex, values, digits);
  const html = useMemo(() => renderTex(source, display), [source, display]);

  const titles = useMemo(
    () =>
      Object.entries(values ?? {}).map(([name, value]) => [name, titleForValue(value)] as const),
    [values],
  );
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    for (const [name, title] of titles) {
      root.querySelectorAll(`.value-${name}`).forEach((el) => el.setAttribute('title', title));
    }
  }, [html, titles]);

  const highlightKey = (highlight ?? []).join(' ');
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const wanted = new Set(highlightKey.split(' ').filter(Boolean));
    root.querySelectorAll('.term').forEach((el) => {
      const name = termName(el);
      el.classList.toggle('is-highlighted', name !== null && wanted.has(name));
    });
  }, [html, highlightKey]);

  const report = (name: string | null) => {
    if (hoveredRef.current === name) return;
    hoveredRef.current = name;
    onTermHover?.(name);
  };
  const hoverHandlers = onTermHover
    ? {
        onPointerOver: (e: PointerEvent<HTMLElement>) => report(termAt(e.currentTarget, e.target)),
        onPointerLeave: () => report(null),
      }
    : {};

  const classes = ['equation', display ? 'equation-display' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  const a11y = label ? { role: 'group', 'aria-label': label } : {};
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      ref={rootRef as React.Ref<HTMLDivElement & HTMLSpanElement>}
      className={classes}
      {...a11y}
      {...hoverHandlers}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
