import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  shot,
  VIEWPORT_RULES,
} from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('classroom mode in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`opens a lesson from a class link at a given step (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/sequences?lang=${lang}&classroom=1&shapes.shape=many-to-many&shapes.step=2`,
        { viewport: { width: 1920, height: 1080 } },
      );
      const diagram = page.locator('.widget svg[role="img"]').first();
      await diagram.waitFor();
      expect(await page.locator('html').getAttribute('class')).toContain('classroom');
      expect(await diagram.getAttribute('aria-label')).toContain('t = 3');
      const fontSize = await page.evaluate(() =>
        parseFloat(getComputedStyle(document.documentElement).fontSize),
      );
      expect(fontSize).toBeGreaterThanOrEqual(24);
      // No clutter: no backend badge, no theme switch, no footer.
      expect(await page.getByTestId('backend-badge').count()).toBe(0);
      expect(await page.locator('footer').count()).toBe(0);
      // Stepping from the keyboard anywhere on the page.
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => diagram.getAttribute('aria-label')).toContain('t = 4');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => diagram.getAttribute('aria-label')).toContain('t = 2');
      await expectNoAxeViolations(page);
      await screenshot(page, `classroom-${lang}-1920`);
      // Esc leaves classroom mode and keeps the lesson where it was.
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('html').getAttribute('class'))
        .not.toContain('classroom');
      expect(page.url()).toContain('shapes.step=1');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  const STEPPING = ['sequences', 'simple-rnn', 'lstm', 'gru', 'bptt'];
  for (const lang of ['ko', 'en'] as const) {
    it(`opens every lesson in classroom mode with its own stepping and the ? keyboard map (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/?lang=${lang}`, {
        viewport: { width: 1920, height: 1080 },
      });
      for (const slug of STEPPING) {
        await page.goto(new URL(`#/lessons/${slug}?lang=${lang}&classroom=1`, page.url()).href);
        const readout = page.locator('.step-controls .step-readout').first();
        await readout.waitFor();
        expect(await page.locator('html').getAttribute('class')).toContain('classroom');
        expect(await page.locator('.share-bar:visible').count()).toBe(0);
        // Wait for the widget to settle (its read-out may fill in as its model loads).
        const step = () => readout.innerText();
        let before = await step();
        for (let tries = 0; tries < 20; tries++) {
          await page.waitForTimeout(400);
          const now = await step();
          if (now === before) break;
          before = now;
        }
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press('ArrowRight');
        await expect.poll(step, { message: slug }).not.toBe(before);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(step, { message: slug }).toBe(before);
      }
      // The lesson remote: ? opens it, Esc closes only it.
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('button').evaluate((b) => b === document.activeElement)).toBe(
        true,
      );
      await expectNoAxeViolations(page);
      await shot(page, `classroom-${lang}-keyboard-map-1920`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.locator('html').getAttribute('class')).toContain('classroom');
      // Also from the button, on a phone, outside classroom mode.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(new URL(`#/lessons/gru?lang=${lang}`, page.url()).href);
      await page.getByTestId('keyboard-help-open').click();
      await dialog.waitFor();
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await shot(page, `keyboard-map-${lang}-390`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
