import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  shot,
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
    title: 'SimpleRNN: 은닉 상태 하나로 기억하기',
    next: '다음 단계',
    train: '학습 시작',
    accuracy: '정확도 6/6',
    word: '학습할 단어',
    useWord: '이 단어 사용',
    tooShort: '2글자 이상 20글자 이하',
    padding: '패딩 위치',
  },
  en: {
    title: 'SimpleRNN: remembering with one hidden state',
    next: 'Next step',
    train: 'Start training',
    accuracy: 'accuracy 6/6',
    word: 'Word to learn',
    useWord: 'Use this word',
    tooShort: '2 to 20 characters',
    padding: 'Padding side',
  },
} as const;

describe('SimpleRNN lesson in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`steps the unrolled cell, trains hihello to 6/6 and pads sentences (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/simple-rnn?lang=${lang}`,
      );
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      const cell = page.locator('section.rnn-cell');
      await cell.locator('svg.rnn-unrolled').waitFor();
      expect(await page.locator('.katex-error').count()).toBe(0);
      await mountAllWidgets(page);
      expect(await page.locator('.prose .katex').count()).toBeGreaterThan(10);
      const next = cell.getByRole('button', { name: t.next });
      for (let k = 0; k < 5; k++) await next.click();
      expect(await cell.locator('svg.rnn-unrolled').getAttribute('data-step')).toBe('5');
      expect(page.url()).toContain('rnnCell.t=5');

      const train = page.locator('section.rnn-train');
      const started = Date.now();
      await train.getByRole('button', { name: t.train }).click();
      await expect
        .poll(() => train.getAttribute('data-status'), { timeout: 60_000 })
        .toBe('completed');
      console.log(`hihello (${lang}) trained in ${Date.now() - started} ms (50 epochs)`);
      expect(await page.getByTestId('rnn-accuracy').innerText()).toContain(t.accuracy);
      expect(await train.locator('td.is-right').count()).toBe(6);
      expect(await train.locator('path.series').getAttribute('d')).toMatch(/^M.+L.+/);

      const input = page.getByLabel(t.word);
      await input.fill('x');
      await train.getByRole('button', { name: t.useWord }).click();
      await expect.poll(() => train.getByRole('alert').innerText()).toContain(t.tooShort);
      await input.fill('hello');
      await train.getByRole('button', { name: t.useWord }).click();
      await expect.poll(() => page.getByTestId('rnn-vocab').innerText()).toContain('h, e, l, o');
      // The word is part of the link: a reload (or a shared link) brings it back.
      expect(new URL(page.url()).hash).toContain('rnnTrain.word=hello');
      await page.reload();
      await expect.poll(() => page.getByLabel(t.word).inputValue()).toBe('hello');
      await expect.poll(() => page.getByTestId('rnn-vocab').innerText()).toContain('h, e, l, o');

      const embed = page.locator('section.embed-padding');
      await embed.getByRole('group', { name: t.padding }).locator('[data-side="post"]').click();
      expect(page.url()).toContain('embed.padding=post');
      const lastCell = embed.locator('[data-testid="embed-matrix"] tr').nth(1).locator('td').last();
      expect(await lastCell.innerText()).toBe('0');

      await expectNoAxeViolations(page);
      await screenshot(page, `simple-rnn-${lang}-1280`);
      await shot(page, `simple-rnn-${lang}-1280-view`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`fits a 390 px phone (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/simple-rnn?lang=${lang}`,
        { viewport: { width: 390, height: 844 } },
      );
      await page.locator('svg.rnn-unrolled').waitFor();
      await page.locator('section.embed-padding').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `simple-rnn-${lang}-390`);
      await page.locator('section.rnn-cell').scrollIntoViewIfNeeded();
      await shot(page, `simple-rnn-${lang}-390-view`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
