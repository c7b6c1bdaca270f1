import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  VIEWPORT_RULES,
  mountAllWidgets,
} from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const TEXT = {
  ko: {
    title: '시퀀스 데이터와 순환 신경망',
    oneToMany: '일대다',
    oneToOne: '일대일',
    length: '시퀀스 길이 T',
    next: '다음 단계',
    tanh: 'tanh',
    sigmoid: '시그모이드',
    probe: '확인할 점 x',
    other: 'English',
  },
  en: {
    title: 'Sequence data and recurrent networks',
    oneToMany: 'one-to-many',
    oneToOne: 'one-to-one',
    length: 'Sequence length T',
    next: 'Next step',
    tanh: 'tanh',
    sigmoid: 'sigmoid',
    probe: 'Probe point x',
    other: '한국어',
  },
} as const;

/** Shape buttons read "일대다 one-to-many" in Korean (the English term in small type). */
const shapeButton = (page: Page, label: string) =>
  page.getByRole('button', { name: new RegExp(`^${label}( |$)`) });

const diagram = (page: Page) => page.locator('.widget svg[role="img"]').first();

async function setNumber(page: Page, name: string, value: string) {
  const field = page.getByRole('textbox', { name, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

describe('opening lesson in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`renders the lesson and drives both widgets (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/sequences?lang=${lang}`);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await mountAllWidgets(page);
      expect(await page.locator('.prose .katex').count()).toBeGreaterThan(10);
      expect(await page.locator('.katex-error').count()).toBe(0);

      // The four shapes: switch, and the unrolled diagram follows.
      await diagram(page).waitFor();
      await shapeButton(page, t.oneToMany).click();
      expect(page.url()).toContain('shapes.shape=one-to-many');
      await setNumber(page, t.length, '7');
      await expect.poll(() => diagram(page).getAttribute('aria-label')).toContain('7');
      const before = await page.getByTestId('rnn-step-summary').innerText();
      await page.getByRole('button', { name: t.next }).first().click();
      await expect.poll(() => page.getByTestId('rnn-step-summary').innerText()).not.toBe(before);
      expect(page.url()).toContain('shapes.step=1');
      // Keyboard stepping inside the widget.
      await page.getByRole('button', { name: t.next }).first().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.url()).toContain('shapes.step=2');
      await shapeButton(page, t.oneToOne).click();
      expect(await page.getByRole('slider', { name: t.length }).isDisabled()).toBe(true);
      await shapeButton(page, t.oneToMany).click();

      // The activation explorer: tanh' (0) = 1, sigmoid' (0) = 0.25.
      await page.getByRole('button', { name: t.tanh, exact: true }).click();
      await setNumber(page, t.probe, '0');
      await expect.poll(() => page.getByTestId('act-dfx').innerText()).toBe('1.000');
      await page.getByRole('button', { name: t.sigmoid, exact: true }).click();
      await expect.poll(() => page.getByTestId('act-dfx').innerText()).toBe('0.250');
      await setNumber(page, t.probe, '4');
      await expect.poll(() => page.getByTestId('act-dfx').innerText()).toBe('0.018');

      await expectNoAxeViolations(page);
      await screenshot(page, `sequences-${lang}-1280`);

      // Switching language keeps every widget's state.
      await page.getByRole('button', { name: t.other }).click();
      const o = TEXT[lang === 'ko' ? 'en' : 'ko'];
      await page.getByRole('heading', { level: 1, name: o.title }).waitFor();
      expect(await shapeButton(page, o.oneToMany).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('textbox', { name: o.length, exact: true }).inputValue()).toBe(
        '7',
      );
      expect(await page.getByTestId('act-dfx').innerText()).toBe('0.018');

      // The link reproduces the state in a fresh browser context.
      const link = page.url();
      await context.close();
      const again = await openPage(browser, link.slice(link.indexOf('#')));
      await again.page.getByRole('heading', { level: 1, name: o.title }).waitFor();
      await expect.poll(() => again.page.getByTestId('act-dfx').innerText()).toBe('0.018');
      expect(await diagram(again.page).getAttribute('aria-label')).toContain('7');
      expect([...errors, ...again.errors]).toEqual([]);
      await again.context.close();
    });

    it(`fits a 390 px phone (${lang})`, async () => {
      const { context, page } = await openPage(browser, `#/lessons/sequences?lang=${lang}`, {
        viewport: { width: 390, height: 844 },
      });
      await diagram(page).waitFor();
      await page.getByTestId('act-dfx').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `sequences-${lang}-390`);
      await context.close();
    });
  }

  it('fills a 1920×1080 projector with large type', async () => {
    const { context, page } = await openPage(browser, '#/lessons/sequences?lang=ko', {
      viewport: { width: 1920, height: 1080 },
    });
    await diagram(page).waitFor();
    const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'sequences-ko-1920');
    await context.close();
  });

  it('passes axe in the dark theme', async () => {
    const { context, page } = await openPage(browser, '#/lessons/sequences?lang=ko', {
      colorScheme: 'dark',
    });
    await diagram(page).waitFor();
    await page.getByTestId('act-dfx').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expectNoAxeViolations(page);
    await screenshot(page, 'sequences-ko-dark');
    await context.close();
  });

  for (const motion of ['reduce', 'no-preference'] as const) {
    it(`animates new cells ${motion === 'reduce' ? 'instantly under reduced motion' : 'normally otherwise'}`, async () => {
      const { context, page } = await openPage(browser, '#/lessons/sequences?lang=en', {
        reducedMotion: motion,
      });
      await diagram(page).waitFor();
      // Watch every frame from before the change for 4 s: are any cells part-way faded in?
      // (Sampling in the page, so a slow test machine cannot step over a short fade.)
      await page.evaluate(() => {
        const w = window as unknown as { fadingFrames: number; sampled: boolean };
        w.fadingFrames = 0;
        w.sampled = false;
        const started = performance.now();
        const tick = () => {
          const nodes = document.querySelectorAll('.widget svg[role="img"] [data-node]');
          if ([...nodes].some((el) => Number(getComputedStyle(el).opacity) < 1)) w.fadingFrames++;
          if (performance.now() - started < 4000) requestAnimationFrame(tick);
          else w.sampled = true;
        };
        requestAnimationFrame(tick);
      });
      await setNumber(page, 'Sequence length T', '9');
      await page.waitForFunction(() => (window as unknown as { sampled: boolean }).sampled);
      expect(await page.locator('.widget svg[role="img"] [data-node]').count()).toBeGreaterThan(9);
      const fadingFrames = await page.evaluate(
        () => (window as unknown as { fadingFrames: number }).fadingFrames,
      );
      // Under reduced motion new cells appear whole; otherwise they fade in over some frames.
      if (motion === 'reduce') expect(fadingFrames).toBe(0);
      else expect(fadingFrames).toBeGreaterThan(1);
      const cssAnimations = await page.evaluate(() => document.getAnimations().length);
      if (motion === 'reduce') expect(cssAnimations).toBe(0);
      await context.close();
    });
  }
});
