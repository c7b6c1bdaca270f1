import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../../src/state/schema';
import { HOSTILE, hostileRaw, isSchema, rng } from '../unit/state/hostileValues';
import { launchChromium, openPage, screenshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Schema tables of the widgets (pure modules), and each lesson's widget ids from its file.
const schemaModules = import.meta.glob<Record<string, unknown>>(
  '../../src/widgets/**/*Schemas.ts',
  {
    eager: true,
  },
);
const SCHEMAS: Schema[] = Object.values(schemaModules).flatMap((m) =>
  Object.values(m).filter(isSchema),
);
const KEYS = [...new Set(SCHEMAS.flatMap((s) => Object.entries(s)))];
const PREFIXES: Record<string, string[]> = {
  sequences: ['shapes', 'act'],
  'simple-rnn': ['rnnCell', 'rnnTrain', 'embed'],
  lstm: ['lstm', 'lstmStep', 'lstmTrain'],
  gru: ['gru', 'gruCompare', 'gruRace', 'gruShapes'],
  bptt: ['gd', 'norms', 'clip'],
};

describe('a short hostile pass in Chromium', () => {
  it('every lesson survives hostile links and garbage typed into its inputs', async () => {
    const next = rng(2026);
    const { context, page, errors } = await openPage(browser, '#/?lang=ko');
    let values = 0;
    for (const [slug, prefixes] of Object.entries(PREFIXES)) {
      const params = new URLSearchParams({ lang: 'ko' });
      for (const prefix of prefixes) {
        for (const [key, param] of KEYS) {
          params.set(`${prefix}.${key}`, hostileRaw(param, next));
          values++;
        }
      }
      params.set('__proto__.x', '1');
      params.set('classroom', '😀');
      params.set('hide', 'x'.repeat(3000));
      await page.goto(new URL(`#/lessons/${slug}?${params.toString()}`, page.url()).href);
      await page.locator('.widget').first().waitFor();
      await expect.poll(() => page.locator('.widget-loading').count(), { timeout: 30_000 }).toBe(0);
      await page.getByTestId('link-notice').waitFor();
      expect(await page.locator('.widget-error').count(), slug).toBe(0);
      const fields = page.locator(
        '.widget input[type=text]:not([readonly]), .widget input[type=number], .widget input:not([type]), .widget textarea:not([readonly])',
      );
      const count = Math.min(await fields.count(), 12);
      for (let i = 0; i < count; i++) {
        const field = fields.nth(i);
        if (!(await field.isEditable())) continue;
        const value = HOSTILE[Math.floor(next() * HOSTILE.length)]!.slice(0, 500);
        await field.fill(value);
        await field.press('Tab');
        values++;
      }
      expect(await page.locator('.widget-error').count(), slug).toBe(0);
      await screenshot(page, `fuzz-${slug}`);
    }
    expect(values).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await context.close();
  });
});
