// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { exportFilename } from '../../../src/ui/export/exportFigure';
import { fontNeed, parseUnicodeRange, weightNumber } from '../../../src/ui/export/fonts';
import {
  describedText,
  figureToSvg,
  gradientStops,
  inlineStyles,
  svgDocumentText,
  type StyleReader,
} from '../../../src/ui/export/serialize';

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.appendChild(host);
  return host;
}

/** A style reader from a table: element id → declarations; everything else empty. */
function tableReader(table: Record<string, Record<string, string>>): StyleReader {
  return (element) => ({
    getPropertyValue: (name: string) => table[element.id]?.[name] ?? '',
  });
}

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('figureToSvg', () => {
  it('makes a standalone SVG with the title, the live numbers and computed paint inline', () => {
    const style = document.createElement('style');
    style.textContent = '.gate { fill: rgb(217, 119, 6); stroke: rgb(0, 0, 0); }';
    document.head.appendChild(style);
    const host = mount(`
      <svg id="cell" viewBox="0 0 200 100" width="200" height="100" role="img"
           aria-label="LSTM cell at step 2" aria-describedby="cell-desc">
        <rect class="gate" x="10" y="10" width="40" height="20"><title>f2: 0.52541</title></rect>
        <text x="60" y="20">f₂</text>
        <g data-export-ignore=""><text>do not export me</text></g>
      </svg>
      <p id="cell-desc">f2 = [0.525, 0.731]; h2 = [0.145, -0.02]</p>`);
    const svg = host.querySelector('svg')!;
    const { element, width, height } = figureToSvg(svg);
    const text = svgDocumentText(element);
    const doc = parse(text);

    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root.querySelector(':scope > title')?.textContent).toBe('LSTM cell at step 2');
    expect(root.querySelector(':scope > desc')?.textContent).toContain('0.525, 0.731');
    expect(root.querySelector(':scope > desc')?.textContent).toContain('h2 = [0.145, -0.02]');
    // The rect got its colours from the stylesheet, written inline.
    const rect = root.querySelector('rect.gate')!;
    expect(rect.getAttribute('style')).toContain('fill:rgb(217, 119, 6)');
    expect(rect.getAttribute('style')).toContain('stroke:rgb(0, 0, 0)');
    expect(rect.querySelector('title')?.textContent).toBe('f2: 0.52541');
    expect(text).not.toContain('do not export me');
    // jsdom has no layout: the size comes from the width/height attributes.
    expect([width, height]).toEqual([200, 100]);
    expect(root.getAttribute('viewBox')).toBe('0 0 200 100');
    // The original is untouched.
    expect(svg.querySelector('[data-export-ignore]')).not.toBeNull();
    expect(svg.querySelector('rect')!.hasAttribute('style')).toBe(false);
  });

  it('writes only what differs from the parent, and keeps url() references local', () => {
    const host = mount(`
      <svg id="s"><g id="g"><path id="p" /><rect id="r" /></g></svg>`);
    const reader = tableReader({
      s: { fill: 'rgb(0, 0, 0)', 'font-family': '"Noto Sans KR", sans-serif' },
      g: { fill: 'rgb(29, 95, 184)', 'font-family': '"Noto Sans KR", sans-serif' },
      p: {
        fill: 'rgb(29, 95, 184)',
        stroke: 'url("http://127.0.0.1:4173/#hatch")',
        transform: 'matrix(1, 0, 0, 1, 12, 0)',
      },
      r: { fill: 'rgb(29, 95, 184)', opacity: '1', display: 'none' },
    });
    const copy = inlineStyles(host.querySelector('svg')!, reader);
    expect(copy.getAttribute('style')).toBe(
      'fill:rgb(0, 0, 0);font-family:"Noto Sans KR", sans-serif',
    );
    expect(copy.querySelector('#g')!.getAttribute('style')).toBe('fill:rgb(29, 95, 184)');
    expect(copy.querySelector('#p')!.getAttribute('style')).toBe(
      'stroke:url(#hatch);transform:matrix(1, 0, 0, 1, 12, 0)',
    );
    expect(copy.querySelector('#r')!.getAttribute('style')).toBe('display:none');
  });

  it('collects the description from aria-describedby, the figcaption and <desc>', () => {
    const host = mount(`
      <figure id="fig" aria-label="Loss">
        <svg aria-describedby="outside"><desc>inner 1.5</desc></svg>
        <figcaption>last value 0.0421</figcaption>
      </figure>
      <p id="outside">epoch 40 of 100</p>`);
    const text = describedText(host.querySelector('figure')!);
    expect(text).toContain('inner 1.5');
    expect(text).toContain('last value 0.0421');
    expect(text).toContain('epoch 40 of 100');
  });
});

describe('helpers', () => {
  it('reads CSS linear gradients into SVG stops', () => {
    expect(
      gradientStops('linear-gradient(to right, rgb(1, 2, 3), rgb(4, 5, 6) 25%, #fff)'),
    ).toEqual([
      { color: 'rgb(1, 2, 3)', offset: 0 },
      { color: 'rgb(4, 5, 6)', offset: 0.25 },
      { color: '#fff', offset: 1 },
    ]);
    expect(gradientStops('linear-gradient(to bottom, red, blue)')).toBeNull();
    expect(gradientStops('url(x.png)')).toBeNull();
  });

  it('parses unicode-range and weights, and finds the fonts a figure needs', () => {
    expect(parseUnicodeRange('U+AC00-D7A3, U+0041, u+3??')).toEqual([
      [0xac00, 0xd7a3],
      [0x41, 0x41],
      [0x300, 0x3ff],
    ]);
    expect(weightNumber('bold')).toBe(700);
    expect(weightNumber('600')).toBe(600);
    const host = mount(
      `<svg style="font-family:&quot;Noto Sans KR&quot;, system-ui"><text style="font-weight:700">셀 h</text></svg>`,
    );
    const need = fontNeed(host.querySelector('svg')!);
    expect([...need.families]).toEqual(['Noto Sans KR', 'system-ui']);
    expect([...need.weights].sort()).toEqual([400, 700]);
    expect(need.codePoints.has('셀'.codePointAt(0)!)).toBe(true);
  });

  it('names files after the figure, in any script', () => {
    expect(exportFilename('LSTM 셀: 2단계 (forget)', 'svg')).toBe(
      'gatebook-LSTM-셀-2단계-forget.svg',
    );
    expect(exportFilename('???', 'png')).toBe('gatebook-figure.png');
  });
});
