import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  mountAllWidgets,
} from '../support/browser';

// The service worker precaches the whole built book; this proves it by cutting the network.
const site = path.resolve(import.meta.dirname, '../.artifacts/site');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Files of the build a learner may need offline (the lab page and font fallbacks aside). */
function filesThatMustBeCached(): string[] {
  const all = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
  return all
    .filter(
      (file) =>
        /\.(js|css|html|svg|woff2|wasm)$/.test(file) || /^data\/.+\.(tsv|txt|csv|json)$/.test(file),
    )
    .filter(
      (file) =>
        !file.startsWith('.vite/') &&
        file !== 'lab.html' &&
        !/^assets\/lab-/.test(file) &&
        file !== 'sw.js' &&
        !/^workbox-.*\.js$/.test(file),
    );
}

/** Paths (relative to the site) of everything in the page's Cache Storage. */
function cachedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const base = new URL('.', location.href).href;
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        url.search = '';
        urls.push(url.href.slice(base.length));
      }
    }
    return urls;
  });
}

describe('offline use (service worker)', () => {
  it('caches the whole book, then reloads and runs a lesson with the network cut', async () => {
    const { context, page, errors } = await openPage(browser, '#/?lang=ko');
    const status = page.locator('.offline-status');

    // First visit: the worker installs, precaches everything and takes control.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 90_000,
    });
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await status.innerText()).toContain('오프라인 사용 가능');

    const cached = new Set(await cachedFiles(page));
    const expected = filesThatMustBeCached();
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.filter((file) => file.endsWith('.wasm'))).toHaveLength(3);
    expect(expected.filter((file) => !cached.has(file))).toEqual([]);

    // Cut the network and reload: the page, its fonts and the lessons come from the cache.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '목차' }).waitFor();
    await expect.poll(() => status.getAttribute('data-state')).toBe('offline');
    expect(await status.innerText()).toContain('오프라인');
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      // The book's own Korean face (cut from Noto Sans KR) draws the book's Hangul.
      const bookFace = [...document.fonts].some(
        (face) => face.family.replace(/["']/g, '') === 'Gatebook KR' && face.status === 'loaded',
      );
      return bookFace && document.fonts.check('16px "Gatebook KR"', '순환 신경망');
    });
    expect(fontLoaded).toBe(true);

    await page.locator('.toc a[href*="lessons/lstm"]').click();
    await page.getByRole('heading', { level: 1, name: 'LSTM의 게이트' }).waitFor();
    const cell = page.locator('section.lstm-cell');
    const diagram = page.locator('svg.lstm-diagram');
    await diagram.waitFor();
    await mountAllWidgets(page);
    expect(await page.locator('.prose .katex').count()).toBeGreaterThan(40);
    await cell.getByRole('button', { name: '다음 단계' }).click();
    await cell.getByRole('button', { name: '다음 단계' }).click();
    await expect.poll(() => diagram.getAttribute('data-phase')).toBe('update');

    // Training runs in a worker on the WebAssembly backend: the worker script and the wasm
    // binary come from the cache too.
    await page.goto(page.url().replace(/\?.*$/, '?lang=ko&lstmTrain.epochs=10'));
    const train = page.locator('section.lstm-train');
    await train.getByRole('button', { name: /학습 시작|다시 학습/ }).click();
    await expect
      .poll(() => train.getAttribute('data-status'), { timeout: 60_000 })
      .toBe('completed');
    expect(await page.getByTestId('lstm-train-progress').innerText()).toContain('10 / 10');

    await expectNoAxeViolations(page);
    await screenshot(page, 'offline-lstm-ko');

    // The pages written out as HTML are precached too: one as written, and one with state in
    // its query (the cache ignores the query; the app reads it).
    await page.goto(new URL('en/lessons/gru/', inject('baseURL')).href);
    await page.getByRole('heading', { level: 1, name: 'GRU: two gates' }).waitFor();
    await page.waitForSelector('.backend-badge:not(.is-pending)', { state: 'attached' });
    await page.goto(new URL('lessons/lstm/?lstm.pos=2', inject('baseURL')).href);
    await page.locator('svg.lstm-diagram[data-phase="update"]').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so in English, and stays out of sight in classroom mode', async () => {
    const { context, page, errors } = await openPage(browser, '#/?lang=en');
    const status = page.locator('.offline-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    expect(await status.locator('.offline-status-text').innerText()).toBe('Available offline');
    expect(await status.getAttribute('aria-live')).toBe('polite');

    await page.goto(page.url().replace(/#.*$/, '#/lessons/lstm?lang=en&classroom=1'));
    await page.locator('svg.lstm-diagram').waitFor();
    await expect.poll(() => status.getAttribute('class')).toContain('is-quiet');
    const box = await status.boundingBox();
    expect((box?.width ?? 0) * (box?.height ?? 0)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
