import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PAGE_GUARD_SCRIPT, PAGE_GUARD_SOURCE } from '../../src/pwa/csp';
import { launchChromium, mountAllWidgets } from '../support/browser';

const root = path.resolve(import.meta.dirname, '../..');
const site = path.join(root, 'tests/.artifacts/site');

/** Lessons that are written in both languages (the others are "coming soon"). */
const LESSONS = readdirSync(path.join(root, 'lessons')).filter((slug) =>
  ['ko', 'en'].every((lang) => existsSync(path.join(root, 'lessons', slug, `${lang}.mdx`))),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/**
 * A context whose pages record every CSP violation (the DOM event) and every console error
 * (Chromium logs "Refused to …" there too, including for workers' own requests).
 */
async function watchedContext(backend?: 'webgl' | 'wasm') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((choice) => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
    if (choice && location.protocol.startsWith('http')) {
      localStorage.setItem('gatebook.backend', choice);
    }
  }, backend);
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  };
  context.on('page', watch);
  return { context, problems };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations);
}

async function openLesson(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL(hash, inject('baseURL')).href);
  await page.locator('main h1').waitFor();
  // Every widget on the page has loaded (no spinner left) and none failed.
  await mountAllWidgets(page);
  await expect.poll(() => page.locator('.widget-loading').count()).toBe(0);
  expect(await page.locator('.widget-error').count()).toBe(0);
  return page;
}

describe('Content-Security-Policy', () => {
  it('is sent by the preview server and written into the built pages, without unsafe-eval', async () => {
    const response = await fetch(inject('baseURL'));
    const header = response.headers.get('content-security-policy');
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(
      header!.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    for (const values of directives.values()) expect(values).not.toContain("'unsafe-eval'");
    // Our files, wasm compilation, and the one inline script of the written-out pages by hash.
    expect(directives.get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      PAGE_GUARD_SOURCE,
    ]);
    expect(directives.get('style-src-elem')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);

    const written = readdirSync(site, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('index.html'));
    expect(written.length).toBe(2 + 2 * LESSONS.length);
    for (const page of [...written, 'lab.html']) {
      const html = readFileSync(path.join(site, page), 'utf8');
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
      expect(meta?.[1], page).toBe(CONTENT_SECURITY_POLICY);
      // It must come before anything it governs.
      expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(
        html.indexOf('<script'),
      );
      // No inline script but the guard (written-out pages only).
      const withoutGuard = html.replace(`<script>${PAGE_GUARD_SCRIPT}</script>`, '');
      expect(withoutGuard, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it(`reports no violation on the home page and every lesson (${LESSONS.join(', ')})`, async () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    const { context, problems } = await watchedContext();
    for (const lang of ['ko', 'en'] as const) {
      const home = await context.newPage();
      await home.goto(new URL(`#/?lang=${lang}`, inject('baseURL')).href);
      await home.locator('.toc a').first().waitFor();
      expect(await violations(home), `home ${lang}`).toEqual([]);
      await home.close();
      // The written-out pages (path form) run the guard script and hydrate.
      const prefix = lang === 'en' ? 'en/' : '';
      for (const address of [prefix, `${prefix}lessons/lstm/`]) {
        const page = await openLesson(context, address);
        expect(await violations(page), address).toEqual([]);
        await page.close();
      }
      for (const slug of LESSONS) {
        const page = await openLesson(context, `#/lessons/${slug}?lang=${lang}`);
        expect(await page.locator('.katex').count(), slug).toBeGreaterThan(0);
        await page.evaluate(() => document.fonts.ready);
        expect(await violations(page), `${slug} ${lang}`).toEqual([]);
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const backend of ['wasm', 'webgl'] as const) {
    it(`lets tfjs start on ${backend} and train in a worker without a violation`, async () => {
      const { context, problems } = await watchedContext(backend);
      const page = await openLesson(context, '#/lessons/lstm?lang=en&lstmTrain.epochs=10');
      const cell = page.locator('section.lstm-cell');
      await cell.getByRole('button', { name: 'Next step' }).click();
      await expect
        .poll(() => page.getByTestId('backend-badge').getAttribute('data-backend'))
        .toBe(backend);
      const train = page.locator('section.lstm-train');
      await train.getByRole('button', { name: /Start training|Train again/ }).click();
      await expect
        .poll(() => train.getAttribute('data-status'), { timeout: 60_000 })
        .toBe('completed');
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
