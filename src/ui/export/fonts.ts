// Web fonts inside an exported SVG. A standalone file (and the <img> the PNG is drawn from)
// cannot use the page's fonts, so the @font-face files that the figure's text needs — the
// families it names, the weights it uses, and only the unicode-range subsets that cover its
// characters (Noto Sans KR comes in ~100 small subsets) — are embedded as data URLs.

/** Embedded fonts stop here; the rest falls back to the viewer's fonts. */
const MAX_FONT_BYTES = 3 * 1024 * 1024;

export interface FontNeed {
  families: Set<string>;
  weights: Set<number>;
  codePoints: Set<number>;
}

export function unquote(family: string): string {
  return family.trim().replace(/^["']|["']$/g, '');
}

export function weightNumber(weight: string): number {
  if (weight === 'bold' || weight === 'bolder') return 700;
  if (weight === 'normal' || weight === '' || weight === 'lighter') return 400;
  return Number(weight) || 400;
}

/** `U+0-FF, U+AC00-D7A3, U+3??` → inclusive ranges. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^u\+/i, ''))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes('?')) {
        return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'F'), 16)];
      }
      const [lo = '0', hi] = part.split('-');
      return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
    });
}

/** What fonts an SVG's text asks for (from its inline styles) and which characters it has. */
export function fontNeed(svg: Element): FontNeed {
  const need: FontNeed = { families: new Set(), weights: new Set([400]), codePoints: new Set() };
  const all = [svg, ...Array.from(svg.querySelectorAll('*'))];
  for (const el of all) {
    const style = el.getAttribute('style') ?? '';
    const family = /font-family:([^;]+)/.exec(style)?.[1];
    if (family) family.split(',').forEach((f) => need.families.add(unquote(f)));
    const weight = /font-weight:([^;]+)/.exec(style)?.[1];
    if (weight) need.weights.add(weightNumber(weight.trim()));
  }
  // Only drawn text counts (not <title>/<desc>, which carry long descriptions).
  for (const text of Array.from(svg.querySelectorAll('text'))) {
    for (const ch of text.textContent ?? '') need.codePoints.add(ch.codePointAt(0)!);
  }
  return need;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fontFaceRules(doc: Document): CSSFontFaceRule[] {
  const rules: CSSFontFaceRule[] = [];
  const visit = (list: CSSRuleList) => {
    for (const rule of Array.from(list)) {
      if (rule.constructor.name === 'CSSFontFaceRule' || rule.type === 5) {
        rules.push(rule as CSSFontFaceRule);
      } else if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) {
        visit((rule as CSSGroupingRule).cssRules);
      }
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      // A cross-origin sheet cannot be read; we ship none.
    }
  }
  return rules;
}

/** The first woff2 (else any) url() of a @font-face src, resolved against its stylesheet. */
function fontUrl(rule: CSSFontFaceRule, doc: Document): string | null {
  const src = rule.style.getPropertyValue('src');
  const urls = [...src.matchAll(/url\((["']?)([^)"']+)\1\)\s*(?:format\((["']?)([\w-]+)\3\))?/g)];
  const best = urls.find((m) => m[4] === 'woff2') ?? urls[0];
  if (!best?.[2]) return null;
  return new URL(best[2], rule.parentStyleSheet?.href ?? doc.baseURI).href;
}

/** @font-face rules, with the font files inlined, for what `svg` needs. */
export async function embeddedFontCss(svg: Element): Promise<string> {
  const doc = svg.ownerDocument;
  const need = fontNeed(svg);
  const faces: string[] = [];
  let bytes = 0;
  for (const rule of fontFaceRules(doc)) {
    const family = unquote(rule.style.getPropertyValue('font-family'));
    if (!need.families.has(family)) continue;
    const weight = weightNumber(rule.style.getPropertyValue('font-weight').trim());
    if (!need.weights.has(weight)) continue;
    const range = rule.style.getPropertyValue('unicode-range').trim();
    if (range) {
      const ranges = parseUnicodeRange(range);
      const used = [...need.codePoints].some((cp) =>
        ranges.some(([lo, hi]) => cp >= lo && cp <= hi),
      );
      if (!used) continue;
    }
    const url = fontUrl(rule, doc);
    if (!url || url.startsWith('data:')) continue;
    try {
      const response = await fetch(url);
      if (!response.ok) continue;
      const buffer = await response.arrayBuffer();
      if (bytes + buffer.byteLength > MAX_FONT_BYTES) break;
      bytes += buffer.byteLength;
      const format = url.endsWith('.woff2') ? 'woff2' : url.endsWith('.woff') ? 'woff' : 'truetype';
      const mime = format === 'truetype' ? 'font/ttf' : `font/${format}`;
      faces.push(
        `@font-face{font-family:"${family}";font-weight:${weight};` +
          `font-style:${rule.style.getPropertyValue('font-style') || 'normal'};` +
          `src:url(data:${mime};base64,${toBase64(buffer)}) format("${format}")` +
          (range ? `;unicode-range:${range}` : '') +
          // Never invisible text: if a face is not decoded yet, a fallback font draws it.
          ';font-display:swap' +
          '}',
      );
    } catch {
      // Offline without the file cached, or blocked: the viewer's own fonts take over.
    }
  }
  return faces.join('\n');
}
