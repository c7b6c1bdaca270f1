import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  shot,
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
    answer: '내 답',
    check: '확인',
    correct: '정답입니다.',
    notQuite: '아쉽지만 아닙니다.',
    solved: (n: number) => `${n} / 5 해결`,
    card: (n: number) => `연습 문제 ${n}/5`,
    export: '진도 내보내기 (JSON)',
    import: '진도 가져오기',
    reset: '진도 초기화',
    yes: '예, 모두 지웁니다',
    imported: '문제 2개의 기록을 가져왔습니다.',
  },
  en: {
    answer: 'Your answer',
    check: 'Check',
    correct: 'Correct.',
    notQuite: 'Not quite.',
    solved: (n: number) => `${n} / 5 solved`,
    card: (n: number) => `Exercises ${n}/5`,
    export: 'Export progress (JSON)',
    import: 'Import progress',
    reset: 'Reset progress',
    yes: 'Yes, erase it all',
    imported: 'Imported the records of 2 exercises.',
  },
} as const;

const exercise = (page: Page, id: string) => page.locator(`li.exercise[data-exercise="${id}"]`);

describe('exercises and progress in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];
    it(`solves LSTM exercises from the keyboard, sees progress at home, exports, resets, imports (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/lstm?lang=${lang}`);
      const section = page.locator('section.exercises');
      await section.waitFor();
      await section.scrollIntoViewIfNeeded();

      // A typical slip gets its own explanation; then the right answer, typed with Enter.
      const params = exercise(page, 'keras-params');
      await params.getByLabel(t.answer).fill('70000');
      await params.getByRole('button', { name: t.check }).click();
      await expect.poll(() => params.getByRole('status').innerText()).toContain(t.notQuite);
      await params.getByLabel(t.answer).fill('70,200');
      await params.getByLabel(t.answer).press('Enter');
      await expect.poll(() => params.getByRole('status').innerText()).toContain(t.correct);

      // Multiple choice with arrow keys inside the radio group.
      const belt = exercise(page, 'belt-gradient');
      await belt.getByRole('radio').nth(1).focus();
      await page.keyboard.press('ArrowUp');
      expect(await belt.getByRole('radio').first().isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => belt.getByRole('status').innerText()).toContain(t.correct);
      await expect.poll(() => section.getByText(t.solved(2)).count()).toBe(1);
      expect(await page.locator('.katex-error').count()).toBe(0);
      await expectNoAxeViolations(page);
      await shot(section, `exercises-${lang}-section`);

      // Home: the card shows 2/5. (Let the lesson's tensor backend finish starting first:
      // leaving while it starts can trip a memory poll in src/core/runtime/status.ts.)
      await expect
        .poll(() => page.locator('.lstm-placeholder').count(), { timeout: 30_000 })
        .toBe(0);
      await page.goto(new URL(`#/?lang=${lang}`, page.url()).href);
      const card = page.getByTestId('progress-lstm');
      await expect.poll(() => card.innerText()).toContain(t.card(2));
      await expectNoAxeViolations(page);
      await screenshot(page, `exercises-home-${lang}`);

      // Export, reset (with confirmation), import the exported file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t.export }).click(),
      ]);
      const file = await download.path();
      const exported = JSON.parse(readFileSync(file, 'utf8'));
      expect(exported).toMatchObject({ app: 'gatebook', kind: 'progress', version: 1 });
      await page.getByRole('button', { name: t.reset }).click();
      await page.getByRole('button', { name: t.yes }).click();
      await expect.poll(() => card.innerText()).toContain(t.card(0));
      await page.locator('input[type=file]').setInputFiles(file);
      await expect.poll(() => page.getByText(t.imported).count()).toBe(1);
      await expect.poll(() => card.innerText()).toContain(t.card(2));
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('fits a 390 px phone', async () => {
    const { context, page, errors } = await openPage(browser, '#/lessons/gru?lang=ko', {
      viewport: { width: 390, height: 844 },
    });
    const section = page.locator('section.exercises');
    await section.waitFor();
    const mix = exercise(page, 'mix-course');
    await mix.getByLabel('내 답').fill('-0.1');
    await mix.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => mix.getByRole('status').innerText()).toContain('Keras');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await mix.scrollIntoViewIfNeeded();
    await shot(page, 'exercises-ko-390');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
