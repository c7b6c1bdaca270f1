import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOT_DIR,
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
} from '../support/browser';

// Every chart and diagram has an "Export" control: SVG and PNG of what is on screen now.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const LABELS = {
  ko: { toggle: '내보내기', svg: 'SVG (벡터)', png: 'PNG (2배 해상도)' },
  en: { toggle: 'Export', svg: 'SVG (vector)', png: 'PNG (2× resolution)' },
} as const;

/** Opens the figure's export control and saves one format; returns the file's bytes. */
async function download(
  page: Page,
  tools: Locator,
  lang: 'ko' | 'en',
  format: 'svg' | 'png',
): Promise<{ name: string; bytes: Buffer }> {
  const t = LABELS[lang];
  const toggle = tools.getByRole('button', { name: t.toggle, exact: true });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    tools.getByRole('button', { name: format === 'svg' ? t.svg : t.png }).click(),
  ]);
  const path = await file.path();
  expect(path).toBeTruthy();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  return { name: file.suggestedFilename(), bytes: readFileSync(path!) };
}

interface ParsedSvg {
  ok: boolean;
  root: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  texts: string[];
  styled: number;
  fontFaces: number;
}

/**
 * Parses SVG text with DOMParser in a blank page of its own (about:blank, no CSP of ours),
 * so that parsing here never counts against the book's pages.
 */
async function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        ok: doc.getElementsByTagName('parsererror').length === 0,
        root: `${root.namespaceURI} ${root.localName}`,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        title: root.querySelector(':scope > title')?.textContent ?? '',
        desc: root.querySelector(':scope > desc')?.textContent ?? '',
        texts: [...root.querySelectorAll('text')].map((el) => el.textContent ?? ''),
        styled: root.querySelectorAll('[style*="fill:"]').length,
        fontFaces: (root.querySelector('style')?.textContent?.match(/@font-face/g) ?? []).length,
      };
    }, text);
  } finally {
    await blank.close();
  }
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectPngOf(page: Page, tools: Locator, lang: 'ko' | 'en', svg: ParsedSvg) {
  const png = await download(page, tools, lang, 'png');
  expect(png.name).toMatch(/^gatebook-.+\.png$/);
  const size = pngSize(png.bytes);
  expect(size).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  // A real picture, not an empty canvas: far more than a blank PNG's few hundred bytes.
  expect(png.bytes.length).toBeGreaterThan(5_000);
  // Kept next to the screenshots, to look at.
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(path.join(SCREENSHOT_DIR, `export-${png.name}`), png.bytes);
}

describe('figure exports', () => {
  it('exports the LSTM cell diagram and its heatmap with the current numbers (ko)', async () => {
    const { context, page, errors } = await openPage(browser, '#/lessons/lstm?lang=ko&lstm.pos=7');
    const diagram = page.locator('svg.lstm-diagram');
    await diagram.waitFor();
    expect(await diagram.getAttribute('data-step')).toBe('1');
    const cellTools = page.locator('section.lstm-cell .lstm-cell-left > .figure-tools');

    const svgFile = await download(page, cellTools, 'ko', 'svg');
    expect(svgFile.name).toBe('gatebook-lstm-cell-t2-update.svg');
    const svg = await parseSvg(page, svgFile.bytes.toString('utf8'));
    expect(svg.ok).toBe(true);
    expect(svg.root).toBe('http://www.w3.org/2000/svg svg');
    expect(svg.title).toBe(await diagram.getAttribute('aria-label'));
    // The live numbers the page describes the diagram with (c₂ = [...], h₂ = [...]).
    const described = await page.evaluate(
      () =>
        document.getElementById(
          document.querySelector('svg.lstm-diagram')!.getAttribute('aria-describedby')!,
        )!.textContent!,
    );
    expect(described).toMatch(/c2 = \[-?\d/);
    expect(svg.desc).toContain(described.trim());
    expect(svg.texts.join(' ')).toContain('셀');
    expect(svg.styled).toBeGreaterThan(20);
    // Korean text needs the Korean web font, embedded (only the subsets it uses).
    expect(svg.fontFaces).toBeGreaterThan(0);
    expect(svg.fontFaces).toBeLessThan(60);
    const box = (await diagram.boundingBox())!;
    expect(Math.abs(svg.width - box.width)).toBeLessThanOrEqual(1);
    await expectPngOf(page, cellTools, 'ko', svg);

    // The hidden-state heatmap: its cell values and colour-ramp numbers come along.
    const heatmap = page.locator('section.lstm-cell figure.heatmap').first();
    const heatTools = heatmap.locator('.figure-tools');
    const heat = await parseSvg(
      page,
      (await download(page, heatTools, 'ko', 'svg')).bytes.toString('utf8'),
    );
    expect(heat.ok).toBe(true);
    expect(heat.title).toBe(await heatmap.getAttribute('aria-label'));
    const caption = (await heatmap.locator('figcaption').textContent())!;
    expect(heat.desc).toContain(caption.trim());
    const shownValues = await heatmap.locator('text.cell-value').allTextContents();
    for (const value of shownValues) expect(heat.texts).toContain(value);
    const legend = await heatmap.locator('.heatmap-legend span:not(.ramp)').allTextContents();
    for (const value of legend) expect(heat.texts).toContain(value);
    await expectPngOf(page, heatTools, 'ko', heat);

    // The control is announced, keyboard-closable and passes axe while open.
    await cellTools.getByRole('button', { name: '내보내기', exact: true }).click();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    expect(await cellTools.locator('.export-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('export-toggle')),
    ).toBe(true);
    await expect.poll(() => cellTools.locator('.export-status').textContent()).toContain('.png');
    await screenshot(page, 'exports-lstm-ko');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports line charts, the GRU and RNN diagrams and the contour plot (en)', async () => {
    const { context, page, errors } = await openPage(browser, '#/lessons/bptt?lang=en');
    await page.locator('main h1').waitFor();
    // A line chart: axes, tick labels and the last values of its series. (Widgets load in any
    // order, so name the widget rather than taking the page's first chart.)
    const chart = page.locator('section.gd figure.line-chart').first();
    await chart.waitFor();
    const chartTools = chart.locator('.figure-tools');
    const lines = await parseSvg(
      page,
      (await download(page, chartTools, 'en', 'svg')).bytes.toString('utf8'),
    );
    expect(lines.ok).toBe(true);
    expect(lines.title).toBe(await chart.getAttribute('aria-label'));
    expect(lines.desc).toContain((await chart.locator('figcaption').textContent())!.trim());
    expect(lines.desc).toMatch(/last value -?\d/);
    const ticks = await chart.locator('.axis .tick text').allTextContents();
    expect(ticks.length).toBeGreaterThan(3);
    for (const tick of ticks) expect(lines.texts).toContain(tick);
    await expectPngOf(page, chartTools, 'en', lines);

    const contour = page.locator('svg.gd-contour');
    const contourTools = contour.locator('xpath=following-sibling::div[1]');
    const contourSvg = await parseSvg(
      page,
      (await download(page, contourTools, 'en', 'svg')).bytes.toString('utf8'),
    );
    expect(contourSvg.ok).toBe(true);
    expect(contourSvg.title).toBe(await contour.getAttribute('aria-label'));

    for (const [hash, selector, name] of [
      ['#/lessons/gru?lang=en', 'svg.gru-diagram', /^gatebook-gru-cell-t1-/],
      ['#/lessons/simple-rnn?lang=en', 'svg.rnn-unrolled', /^gatebook-rnn-unrolled-t1\.svg$/],
    ] as const) {
      await page.goto(new URL(hash, page.url()).href);
      const figure = page.locator(selector).first();
      await figure.waitFor();
      const tools = page
        .locator(`${selector} ~ .figure-tools, :has(> ${selector}) + .figure-tools`)
        .first();
      const file = await download(page, tools, 'en', 'svg');
      expect(file.name).toMatch(name);
      const parsed = await parseSvg(page, file.bytes.toString('utf8'));
      expect(parsed.ok).toBe(true);
      expect(parsed.title).toBe(await figure.getAttribute('aria-label'));
      expect(parsed.texts.length).toBeGreaterThan(3);
      await expectPngOf(page, tools, 'en', parsed);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
