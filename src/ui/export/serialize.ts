// Turns a figure on the page (an <svg>, or an HTML box holding SVGs and a few HTML labels)
// into one standalone SVG document: every element's computed paint and font written inline,
// so it looks the same opened in a browser, an editor or a slide, with no stylesheet.
//
// The page's live values go with it: the accessible name becomes <title>, and the accessible
// description (aria-describedby, the <figcaption>, the diagram's own <desc>) becomes <desc>,
// so the numbers on screen are in the file even where the figure shows them as bars.

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements (and their subtrees) marked with this attribute are left out of exports. */
export const EXPORT_IGNORE_ATTR = 'data-export-ignore';

/** The CSS properties that decide how SVG content looks. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;
const OWN = ['opacity', 'transform', 'display'] as const;
/** Values that need not be written for properties of the OWN list. */
const OWN_DEFAULTS: Record<(typeof OWN)[number], (value: string) => boolean> = {
  opacity: (v) => v === '' || v === '1',
  transform: (v) => v === '' || v === 'none',
  display: (v) => v !== 'none',
};

/** Elements that are never painted: no style to write. */
const UNPAINTED = new Set(['title', 'desc', 'metadata', 'style', 'script']);

export type StyleReader = (element: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'>;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SerializeOptions {
  /** Computed styles (default: getComputedStyle). */
  readStyle?: StyleReader;
  /** Overrides the title (default: the figure's accessible name). */
  title?: string;
  /** Background colour (default: the first opaque background at or above the figure). */
  background?: string;
}

export interface FigureSvg {
  /** The <svg> element, not attached to any document. */
  element: SVGSVGElement;
  width: number;
  height: number;
}

const defaultReader: StyleReader = (element) => getComputedStyle(element);

/** `url("http://host/page#id")` → `url(#id)`, so references stay inside the file. */
function localUrls(value: string): string {
  return value.replace(/url\((["']?)[^)"'#]*#([^)"']+)\1\)/g, 'url(#$2)');
}

function styleText(
  style: Pick<CSSStyleDeclaration, 'getPropertyValue'>,
  parent: Pick<CSSStyleDeclaration, 'getPropertyValue'> | null,
): string {
  const parts: string[] = [];
  for (const name of INHERITED) {
    const value = style.getPropertyValue(name).trim();
    if (!value) continue;
    if (parent && parent.getPropertyValue(name).trim() === value) continue;
    parts.push(`${name}:${localUrls(value)}`);
  }
  for (const name of OWN) {
    const value = style.getPropertyValue(name).trim();
    if (OWN_DEFAULTS[name](value)) continue;
    parts.push(`${name}:${value}`);
  }
  return parts.join(';');
}

/**
 * Clones an SVG subtree with each element's computed style written into its `style`
 * attribute (only what differs from its parent, to keep files small). Classes, event
 * handlers' traces and hit areas stay harmless; ids and data-* values are kept.
 */
export function inlineStyles(
  source: SVGElement,
  readStyle: StyleReader = defaultReader,
  context: Pick<CSSStyleDeclaration, 'getPropertyValue'> | null = null,
): SVGElement {
  const walk = (
    original: Element,
    parentStyle: Pick<CSSStyleDeclaration, 'getPropertyValue'> | null,
  ): Element => {
    const copy = original.cloneNode(false) as Element;
    const style = readStyle(original);
    const inline = UNPAINTED.has(original.localName) ? '' : styleText(style, parentStyle);
    if (inline) copy.setAttribute('style', inline);
    else copy.removeAttribute('style');
    copy.removeAttribute('tabindex');
    copy.removeAttribute('focusable');
    for (const child of Array.from(original.childNodes)) {
      if (child.nodeType === 1) {
        if ((child as Element).hasAttribute(EXPORT_IGNORE_ATTR)) continue;
        copy.appendChild(walk(child as Element, style));
      } else if (child.nodeType === 3) {
        copy.appendChild(child.cloneNode());
      }
    }
    return copy;
  };
  return walk(source, context) as SVGElement;
}

/** Text of the elements named by aria-describedby, the figcaption and the figure's <desc>s. */
export function describedText(root: Element): string {
  const doc = root.ownerDocument;
  const texts: string[] = [];
  const ids = (root.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  for (const id of ids) texts.push(doc.getElementById(id)?.textContent ?? '');
  root.querySelectorAll('figcaption, desc').forEach((el) => texts.push(el.textContent ?? ''));
  root.querySelectorAll('[aria-describedby]').forEach((el) => {
    for (const id of (el.getAttribute('aria-describedby') ?? '').split(/\s+/)) {
      const target = id ? doc.getElementById(id) : null;
      if (target && !root.contains(target)) texts.push(target.textContent ?? '');
    }
  });
  const seen = new Set<string>();
  return texts
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t && !seen.has(t) && seen.add(t))
    .join(' ');
}

/** The accessible name: aria-label on the figure or its first labelled SVG. */
export function titleText(root: Element): string {
  const own = root.getAttribute('aria-label');
  if (own) return own;
  const svg = root.querySelector('svg[aria-label]');
  return svg?.getAttribute('aria-label') ?? '';
}

function isTransparent(color: string): boolean {
  return !color || color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color);
}

function backgroundOf(root: Element, readStyle: StyleReader): string {
  for (let el: Element | null = root; el; el = el.parentElement) {
    const color = readStyle(el).getPropertyValue('background-color').trim();
    if (!isTransparent(color)) return color;
  }
  return '#ffffff';
}

/** Where an element sits inside `root`, as laid out without any scrolling. */
function placeIn(root: Element, element: Element, box: DOMRect): Box {
  const origin = root.getBoundingClientRect();
  let x = box.left - origin.left;
  let y = box.top - origin.top;
  for (let el: Element | null = element.parentElement; el; el = el.parentElement) {
    x += el.scrollLeft;
    y += el.scrollTop;
    if (el === root) break;
  }
  return { x, y, width: box.width, height: box.height };
}

function visible(element: Element, readStyle: StyleReader): boolean {
  const box = element.getBoundingClientRect();
  if (box.width * box.height <= 1) return false;
  const style = readStyle(element);
  return style.getPropertyValue('visibility') !== 'hidden';
}

function ignored(element: Element, root: Element): boolean {
  const marked = element.closest(`[${EXPORT_IGNORE_ATTR}]`);
  return marked !== null && root.contains(marked);
}

/** Splits CSS on commas that are not inside parentheses. */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts;
}

/** `linear-gradient(to right, a, b 40%, c)` → SVG stops, or null for other images. */
export function gradientStops(image: string): { color: string; offset: number }[] | null {
  const match = /^linear-gradient\((.*)\)$/.exec(image.trim());
  if (!match?.[1]) return null;
  const parts = splitTopLevel(match[1]);
  if (parts[0]?.startsWith('to ') || /deg$/.test(parts[0] ?? '')) {
    if (parts[0] !== 'to right' && parts[0] !== '90deg') return null;
    parts.shift();
  }
  if (parts.length < 2) return null;
  return parts.map((part, k) => {
    const stop = /^(.*?)(?:\s+(-?[\d.]+)%)?$/.exec(part)!;
    const offset = stop[2] !== undefined ? Number(stop[2]) / 100 : k / (parts.length - 1);
    return { color: stop[1]!.trim(), offset };
  });
}

/**
 * HTML around the SVGs that belongs to the figure (axis-like labels, legends, colour ramps):
 * text becomes <text>, top borders (legend swatches) become lines, backgrounds become rects.
 */
function htmlChrome(
  root: Element,
  readStyle: StyleReader,
  out: SVGElement,
  idPrefix: string,
): Box[] {
  const doc = root.ownerDocument;
  const boxes: Box[] = [];
  let gradients = 0;
  const candidates = Array.from(root.querySelectorAll('*')).filter(
    (el) =>
      !(el instanceof doc.defaultView!.SVGElement) &&
      el.closest('svg') === null &&
      !ignored(el, root) &&
      el.closest('figcaption') === null,
  );
  for (const el of candidates) {
    if (!visible(el, readStyle)) continue;
    const style = readStyle(el);
    const box = placeIn(root, el, el.getBoundingClientRect());
    const background = style.getPropertyValue('background-color').trim();
    const image = style.getPropertyValue('background-image').trim();
    const stops = image && image !== 'none' ? gradientStops(image) : null;
    if (stops) {
      const id = `${idPrefix}-g${gradients++}`;
      const gradient = doc.createElementNS(SVG_NS, 'linearGradient');
      gradient.setAttribute('id', id);
      for (const stop of stops) {
        const s = doc.createElementNS(SVG_NS, 'stop');
        s.setAttribute('offset', String(stop.offset));
        s.setAttribute('stop-color', stop.color);
        gradient.appendChild(s);
      }
      out.appendChild(gradient);
      out.appendChild(rectAt(doc, box, `url(#${id})`));
      boxes.push(box);
    } else if (!isTransparent(background) && el.tagName !== 'BUTTON') {
      out.appendChild(rectAt(doc, box, background));
      boxes.push(box);
    }
    const border = parseFloat(style.getPropertyValue('border-top-width')) || 0;
    const borderStyle = style.getPropertyValue('border-top-style');
    if (border > 0 && borderStyle !== 'none' && box.height <= border + 0.5) {
      const line = doc.createElementNS(SVG_NS, 'line');
      line.setAttribute('x1', String(box.x));
      line.setAttribute('x2', String(box.x + box.width));
      line.setAttribute('y1', String(box.y + border / 2));
      line.setAttribute('y2', String(box.y + border / 2));
      line.setAttribute(
        'style',
        `stroke:${style.getPropertyValue('border-top-color')};stroke-width:${border}` +
          (borderStyle === 'dashed' ? ';stroke-dasharray:6 4' : ''),
      );
      out.appendChild(line);
      boxes.push(box);
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 3 || !node.textContent?.trim()) continue;
      const range = doc.createRange();
      range.selectNodeContents(node);
      const textBox = placeIn(root, el, range.getBoundingClientRect());
      if (textBox.width * textBox.height <= 1) continue;
      const text = doc.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', String(textBox.x));
      // A baseline about four fifths down the line box is close for Latin and Hangul alike.
      text.setAttribute('y', String(textBox.y + textBox.height * 0.78));
      const font = ['font-family', 'font-size', 'font-weight', 'font-style']
        .map((name) => `${name}:${style.getPropertyValue(name)}`)
        .join(';');
      text.setAttribute('style', `${font};fill:${style.getPropertyValue('color')}`);
      text.textContent = node.textContent.replace(/\s+/g, ' ').trim();
      out.appendChild(text);
      boxes.push(textBox);
    }
  }
  return boxes;
}

function rectAt(doc: Document, box: Box, fill: string): SVGRectElement {
  const rect = doc.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('x', String(box.x));
  rect.setAttribute('y', String(box.y));
  rect.setAttribute('width', String(box.width));
  rect.setAttribute('height', String(box.height));
  rect.setAttribute('style', `fill:${fill}`);
  return rect;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One standalone <svg> for a figure: `root` may be an <svg> itself or an element that holds
 * SVGs and HTML labels, placed as laid out on screen (without the scroll offsets).
 */
export function figureToSvg(root: Element, options: SerializeOptions = {}): FigureSvg {
  const readStyle = options.readStyle ?? defaultReader;
  const doc = root.ownerDocument;
  const out = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  out.setAttribute('role', 'img');

  const title = options.title ?? titleText(root);
  const description = describedText(root);
  if (title) {
    const el = doc.createElementNS(SVG_NS, 'title');
    el.textContent = title;
    out.appendChild(el);
  }
  if (description) {
    const el = doc.createElementNS(SVG_NS, 'desc');
    el.textContent = description;
    out.appendChild(el);
  }
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('style', `fill:${options.background ?? backgroundOf(root, readStyle)}`);
  out.appendChild(background);

  const rootBox = root.getBoundingClientRect();
  const boxes: Box[] = [{ x: 0, y: 0, width: rootBox.width, height: rootBox.height }];
  const svgs =
    root instanceof doc.defaultView!.SVGSVGElement
      ? [root]
      : Array.from(root.querySelectorAll('svg')).filter(
          (svg) => svg.parentElement?.closest('svg') === null && !ignored(svg, root),
        );
  const content = doc.createElementNS(SVG_NS, 'g');
  // Fonts and colours that SVG text inherits from the page around it.
  const rootStyle = readStyle(root);
  content.setAttribute('style', styleText(rootStyle, null));
  for (const svg of svgs) {
    const rect = svg.getBoundingClientRect();
    const box =
      svg === root
        ? { x: 0, y: 0, width: rect.width, height: rect.height }
        : placeIn(root, svg, rect);
    const copy = inlineStyles(svg, readStyle, rootStyle);
    const width = box.width || Number(svg.getAttribute('width')) || 0;
    const height = box.height || Number(svg.getAttribute('height')) || 0;
    copy.setAttribute('x', String(round(box.x)));
    copy.setAttribute('y', String(round(box.y)));
    copy.setAttribute('width', String(round(width)));
    copy.setAttribute('height', String(round(height)));
    copy.removeAttribute('class');
    copy.removeAttribute('aria-hidden');
    copy.removeAttribute('role');
    copy.removeAttribute('aria-label');
    copy.removeAttribute('aria-describedby');
    if (!copy.getAttribute('viewBox') && width && height) {
      copy.setAttribute('viewBox', `0 0 ${round(width)} ${round(height)}`);
    }
    content.appendChild(copy);
    boxes.push({ ...box, width, height });
  }
  if (!(root instanceof doc.defaultView!.SVGSVGElement)) {
    const idPrefix = `export-${Math.random().toString(36).slice(2, 8)}`;
    boxes.push(...htmlChrome(root, readStyle, content, idPrefix));
  }
  out.appendChild(content);

  const width = Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)));
  const height = Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)));
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { element: out, width, height };
}

/** The SVG as a standalone file's text. */
export function svgDocumentText(svg: SVGSVGElement): string {
  const text = new XMLSerializer().serializeToString(svg);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}
