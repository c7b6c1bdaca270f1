import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchChromium, openPage, screenshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const TEXT = {
  ko: {
    title: '시간 역전파와 기울기 소실·폭발',
    next: '다음 단계',
    blowup: '발산 (μ = 1.1)',
    vanishing: '소실 재현',
    exploding: '폭발 재현',
    chart: '타임 스텝별 ‖∂L/∂h_t‖ (로그 축)',
    off: '끄기',
    perTensor: '텐서별 (clipnorm, 강의 방식)',
    train: '학습 시작',
    nanAdvice: '기울기 클리핑을 켜거나',
  },
  en: {
    title: 'BPTT, vanishing and exploding gradients',
    next: 'Next step',
    blowup: 'diverge (μ = 1.1)',
    vanishing: 'Reproduce vanishing',
    exploding: 'Reproduce exploding',
    chart: '‖∂L/∂h_t‖ by time step (log axis)',
    off: 'off',
    perTensor: 'per tensor (clipnorm, the course’s)',
    train: 'Start training',
    nanAdvice: 'turn on gradient clipping',
  },
} as const;

/** The plotted SimpleRNN series' y pixels, first and last (SVG y grows downwards). */
async function plottedEnds(page: Page, chart: string): Promise<[number, number]> {
  const d = await page
    .getByRole('figure', { name: chart })
    .locator('path.series')
    .first()
    .getAttribute('d');
  const ys = [...d!.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));
  return [ys[0]!, ys[ys.length - 1]!];
}

describe('BPTT lesson in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`descends, reproduces vanishing and exploding, clips (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/bptt?lang=${lang}`);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      const gd = page.locator('section.gd');
      await gd.waitFor();
      expect(await page.locator('.katex-error').count()).toBe(0);
      await gd.getByRole('button', { name: t.next }).click();
      expect(page.url()).toContain('gd.k=1');
      expect(await gd.getAttribute('data-outcome')).toBe('converging');
      await gd.getByRole('button', { name: t.blowup }).click();
      expect(await gd.getAttribute('data-outcome')).toBe('diverging');

      const norms = page.locator('section.bptt-norms');
      await norms.getByRole('button', { name: t.vanishing }).click();
      await expect
        .poll(() => norms.getAttribute('data-trend-rnn'), { timeout: 30_000 })
        .toBe('vanishing');
      await expect.poll(() => norms.getAttribute('data-ready')).toBe('true');
      let [first, last] = await plottedEnds(page, t.chart);
      expect(first).toBeGreaterThan(last); // lower on screen at t = 1: smaller norm
      await norms.getByRole('button', { name: t.exploding }).click();
      await expect
        .poll(() => norms.getAttribute('data-trend-rnn'), { timeout: 30_000 })
        .toBe('exploding');
      await expect.poll(() => norms.getAttribute('data-ready')).toBe('true');
      [first, last] = await plottedEnds(page, t.chart);
      expect(first).toBeLessThan(last);
      console.log(`norms (${lang}):`, await page.getByTestId('norms-summary').innerText());

      const clip = page.locator('section.clip');
      await clip.getByRole('button', { name: t.off, exact: true }).click();
      await clip.getByRole('button', { name: t.train }).click();
      await expect
        .poll(() => clip.getAttribute('data-status'), { timeout: 60_000 })
        .toBe('diverged');
      expect(await clip.getByRole('alert').innerText()).toContain(t.nanAdvice);
      await clip.getByRole('button', { name: t.perTensor }).click();
      await clip.getByRole('button', { name: t.train }).click();
      await expect
        .poll(() => clip.getAttribute('data-status'), { timeout: 60_000 })
        .toBe('completed');
      console.log(`clip (${lang}):`, await clip.getByTestId('clip-result').innerText());
      expect(await clip.getByRole('alert').count()).toBe(0);

      await expectNoAxeViolations(page);
      await screenshot(page, `bptt-${lang}-1280`);
      await norms.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/bptt-${lang}-1280.png` });
      await page.locator('svg.gd-contour').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/bptt-gd-${lang}-1280.png` });
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`fits a 390 px phone (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/bptt?lang=${lang}`, {
        viewport: { width: 390, height: 844 },
      });
      await page.locator('section.bptt-norms[data-ready="true"]').waitFor({ timeout: 30_000 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `bptt-${lang}-390`);
      await page.locator('section.bptt-norms').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/bptt-${lang}-390.png` });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
