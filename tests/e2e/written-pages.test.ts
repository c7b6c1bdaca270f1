import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LESSONS } from '../../src/lessons/registry';
import { expectNoAxeViolations, launchChromium, openPage, screenshot } from '../support/browser';

// Every page of the book is also written out as HTML at build time (scripts/build/prerender.ts)
// and hydrated by the app: the text paints before any script, and the app takes the page over.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const folder = (lang: 'ko' | 'en', slug?: string) =>
  `${lang === 'en' ? 'en/' : ''}${slug ? `lessons/${slug}/` : ''}`;

/** Marks the page's first <h1> before the app runs; `true` later means the app kept it. */
async function markFirstHeading(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { writtenHeading: Element | null }).writtenHeading =
        document.querySelector('h1');
    });
  });
}
const appStarted = (page: Page) =>
  page.waitForSelector('.backend-badge:not(.is-pending)', { state: 'attached', timeout: 30_000 });
/** The page's cumulative layout shift so far (every shift without recent input). */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          const shifts = list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[];
          resolve(shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0));
        }).observe({ type: 'layout-shift', buffered: true });
        // No shift at all: the observer is never called.
        setTimeout(() => resolve(0), 200);
      }),
  );
const keptHeading = (page: Page) =>
  page.evaluate(() => {
    const marked = (window as unknown as { writtenHeading: Element | null }).writtenHeading;
    return marked !== null && marked === document.querySelector('h1') && marked.isConnected;
  });

describe('pages written out at build time', () => {
  it('hold each lesson’s title and opening in its language, before any script', async () => {
    const base = inject('baseURL');
    for (const lang of ['ko', 'en'] as const) {
      const home = await (await fetch(new URL(folder(lang), base))).text();
      expect(home).toContain(`<html lang="${lang}" data-routing="path"`);
      for (const lesson of LESSONS) {
        expect(home).toContain(lesson.title[lang]);
        const html = await (await fetch(new URL(folder(lang, lesson.slug), base))).text();
        expect(html).toContain(`<title>${lesson.title[lang]} — Gatebook</title>`);
        // The title, then the opening paragraphs; later sections wait as placeholders.
        const title = lesson.title[lang].replace(/[()]/g, '\\$&');
        expect(html).toMatch(new RegExp(`<div class="prose"><h1[^>]*>${title}</h1>\\s*<p>`));
        expect(html).toContain('prose-section prose-deferred');
      }
    }
  });

  it('reads without JavaScript: text, math and the book’s fonts', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('en/lessons/lstm/', inject('baseURL')).href);
    await page.getByRole('heading', { level: 1, name: 'LSTM gates' }).waitFor();
    const first = page.locator('.prose > p').first();
    expect(await first.innerText()).toContain('SimpleRNN');
    // KaTeX's stylesheet is linked by the page: the MathML copy is visually hidden.
    const mathml = first.locator('.katex-mathml').first();
    expect(await mathml.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Gatebook KR"', '게이트'))).toBe(
      true,
    );
    await screenshot(page, 'written-lstm-en-nojs');
    await context.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`are hydrated, not rebuilt, and pass axe (${lang})`, async () => {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await markFirstHeading(page);
      for (const slug of [undefined, 'lstm', 'sentiment']) {
        await page.goto(new URL(folder(lang, slug), inject('baseURL')).href);
        await appStarted(page);
        expect(await keptHeading(page)).toBe(true);
        // Nothing moves when the app takes over (a stylesheet reloaded once did, by 0.4).
        await page.waitForTimeout(300);
        expect(await layoutShift(page), slug ?? 'home').toBeLessThan(0.05);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      }
      // React reports a hydration mismatch as an error: none.
      expect(errors).toEqual([]);
      await expectNoAxeViolations(page);
      await context.close();
    });
  }

  it('keep the address in path form: links, language and state move in place', async () => {
    const { context, page, errors } = await openPage(browser, '');
    await appStarted(page);
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );
    const sameDocument = () =>
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

    await page.getByTestId('toc-lstm').click();
    await page.getByRole('heading', { level: 1, name: 'LSTM의 게이트' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/lessons/lstm/');
    expect(await sameDocument()).toBe(true);

    // A step in the cell widget is state in the query; the language is the folder.
    const cell = page.locator('section.lstm-cell');
    await cell.getByRole('button', { name: '다음 단계' }).click();
    await expect.poll(() => new URL(page.url()).search).toContain('lstm.pos=1');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'LSTM gates' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/lessons/lstm/');
    expect(url.search).toContain('lstm.pos=1');
    expect(url.hash).toBe('');
    expect(await page.locator('svg.lstm-diagram').getAttribute('data-phase')).toBe('input');
    expect(await sameDocument()).toBe(true);

    // Next lesson, then back: still the same document.
    await page.locator('a[rel="next"]').click();
    await page.getByRole('heading', { level: 1, name: 'GRU: two gates' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/en/lessons/gru/');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'LSTM gates' }).waitFor();
    expect(await sameDocument()).toBe(true);

    // A reload of a page with state in its query builds it afresh, with that state.
    await page.reload();
    await page.locator('svg.lstm-diagram[data-phase="input"]').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answer a hash address with its page, never a flash of the home page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Record whether the written-out home page was ever visible.
    await page.addInitScript(() => {
      const w = window as unknown as { homeShown: boolean };
      w.homeShown = false;
      const check = () => {
        const hero = document.querySelector('.hero');
        if (hero && hero.getBoundingClientRect().height > 0) w.homeShown = true;
        if (document.readyState !== 'complete') requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(new URL('#/lessons/gru?lang=en', inject('baseURL')).href);
    await page.getByRole('heading', { level: 1, name: 'GRU: two gates' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { homeShown: boolean }).homeShown)).toBe(
      false,
    );
    expect(await page.locator('.hero').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('open the bare address in the language the learner chose last', async () => {
    const { context, page, errors } = await openPage(browser, '');
    await appStarted(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/en/');
    await page.goto(new URL('/', page.url()).href);
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/en/');
    // An explicit Korean page stays Korean.
    await page.goto(new URL('/lessons/gru/', page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'GRU: 게이트 두 개' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('take garbage in a written-out page’s query like a hash link: defaults and a notice', async () => {
    const { context, page, errors } = await openPage(
      browser,
      'en/lessons/sequences/?lang=xx&shapes.length=%F0%9F%99%82&shapes.shape=<b>&act.x=1e999',
    );
    await page
      .getByRole('heading', { level: 1, name: 'Sequence data and recurrent networks' })
      .waitFor();
    const notice = page.getByTestId('link-notice');
    await notice.waitFor();
    for (const param of ['shapes.length', 'shapes.shape', 'act.x']) {
      await expect.poll(() => notice.innerText()).toContain(param);
    }
    // The folder says the language; the query's `lang` is dropped, the rest rewritten.
    await expect.poll(() => page.url()).not.toContain('shapes.shape');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/lessons/sequences/');
    expect(url.search).toContain('act.x=6');
    expect(url.search).not.toContain('lang=');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('send an address without its trailing slash to the folder', async () => {
    const { context, page, errors } = await openPage(browser, 'en/lessons/gru');
    await page.getByRole('heading', { level: 1, name: 'GRU: two gates' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/en/lessons/gru/');
    await appStarted(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
