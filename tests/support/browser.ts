import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../.artifacts/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing. Install Debian's Chromium: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'light' | 'dark';
}

/** A fresh context per test (clean storage); page errors fail the test. */
export async function openPage(
  browser: Browser,
  hash: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    colorScheme: options.colorScheme ?? 'light',
  });
  // Every page load acts like a learner who starts scrolling: widgets below the first screen
  // then build in idle time (src/widgets/deferredMount.ts), so a test finds them without
  // scrolling to each one.
  await context.addInitScript(() =>
    window.addEventListener('load', () => window.dispatchEvent(new Event('scroll'))),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(new URL(hash, inject('baseURL')).href);
  return { context, page, errors };
}

/**
 * Widgets below the first screen mount once the learner starts using the page
 * (src/widgets/deferredMount.ts): act like a learner who scrolls, then wait until every
 * widget frame holds its widget rather than a placeholder.
 */
export async function mountAllWidgets(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('scroll')));
  await page.waitForFunction(
    () => !document.querySelector('.widget-frame > .widget-loading'),
    null,
    {
      timeout: 30_000,
    },
  );
}

/**
 * The axe rules whose outcome depends on the viewport. A phone-sized check runs only these:
 * the same page at desktop size already runs every rule in the same test file, and a full
 * run costs several seconds of CPU on a KaTeX-heavy page.
 */
export const VIEWPORT_RULES = ['scrollable-region-focusable', 'target-size', 'meta-viewport'];

/** axe on the whole page, with every widget built (see mountAllWidgets). */
export async function expectNoAxeViolations(
  page: Page,
  options: { rules?: readonly string[] } = {},
): Promise<void> {
  await mountAllWidgets(page);
  const builder = new AxeBuilder({ page });
  if (options.rules) builder.withRules([...options.rules]);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/**
 * Screenshots are for people reviewing the pages, not assertions, and a full-page capture
 * on software rendering costs seconds: `npm test` skips them; `SCREENSHOTS=1` takes them.
 */
export const TAKE_SCREENSHOTS = process.env.SCREENSHOTS === '1';

/** The whole page, top to bottom, as tests/.artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** What is in view (a page's viewport, or one element) as tests/.artifacts/screenshots/<name>.png. */
export async function shot(target: Page | Locator, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
