import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchChromium,
  openPage,
  screenshot,
  VIEWPORT_RULES,
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
    title: 'LDA 토픽 모델링',
    train: '학습 시작',
    again: '다시 학습',
    finished: '학습을 마쳤습니다.',
    k: '토픽 수 K',
    topicList: /토픽 \d+의 상위 단어/,
    custom: '직접 넣기',
    en: '영어 영화 리뷰 (IMDB 800편)',
    empty: '말뭉치에 남은 단어가 없습니다',
    oneWord: '서로 다른 단어가 하나뿐입니다',
    next: '다음 단계',
    circle: /^토픽 \d+, 비율/,
    method: '학습 방식 (learning_method)',
    online: '온라인',
    onlineHint: '온라인 변분 베이즈',
    batchSize: '미니배치 크기 (batch_size)',
  },
  en: {
    title: 'LDA topic modelling',
    train: 'Train',
    again: 'Train again',
    finished: 'Training finished.',
    k: 'number of topics K',
    topicList: /Top words of topic \d+/,
    custom: 'Your own',
    en: 'English film reviews (800 from IMDB)',
    empty: 'No words are left in the corpus',
    oneWord: 'only one distinct word',
    next: 'Next step',
    circle: /^Topic \d+, share/,
    method: 'learning method (learning_method)',
    online: 'online',
    onlineHint: 'Online variational Bayes',
    batchSize: 'mini-batch size (batch_size)',
  },
} as const;

const status = (page: Page) => page.getByTestId('lda-status');

async function trainAndWait(page: Page, label: string, finished: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect
    .poll(() => status(page).innerText(), { timeout: 150_000, interval: 500 })
    .toBe(finished);
}

describe('LDA lesson in the browser', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`trains on the Korean corpus, changes K, colours a document, uses the map (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/lda?lang=${lang}&lda.corpus=ko&lda.k=4&lda.iters=6`,
      );
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(t.title);
      // The generative story steps.
      await page.getByRole('button', { name: t.next }).first().click();
      await page.getByRole('button', { name: t.next }).first().click();
      await expect.poll(() => page.getByTestId('lda-story-doc').locator('li').count()).toBe(1);

      await trainAndWait(page, t.train, t.finished);
      expect(await page.getByRole('list', { name: t.topicList }).count()).toBe(4);
      expect(
        await page.getByTestId('lda-document').locator('mark[data-topic]').count(),
      ).toBeGreaterThan(0);
      expect(await page.getByTestId('lda-backend').innerText()).toMatch(/wasm|cpu/);
      const circles = page.getByRole('radio', { name: t.circle });
      expect(await circles.count()).toBe(4);
      // Topic 1 is selected; the arrow key moves the selection (and the focus) to topic 2.
      await page.locator('[data-testid="lda-map"] [role="radio"][aria-checked="true"]').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/lda\.topic=1/);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-topic'))).toBe(
        '1',
      );

      // Change K, switch to online VB with mini-batches of 64, and train again.
      const k = page.getByRole('textbox', { name: t.k });
      await k.fill('3');
      await k.press('Enter');
      await page
        .getByRole('group', { name: t.method })
        .getByRole('button', { name: t.online, exact: true })
        .click();
      expect(await page.getByTestId('lda-method-hint').innerText()).toContain(t.onlineHint);
      const batch = page.getByRole('textbox', { name: t.batchSize });
      expect(await batch.inputValue()).toBe('128');
      await batch.fill('64');
      await batch.press('Enter');
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toMatch(/lda\.method=online.*lda\.batchSize=64|lda\.batchSize=64.*lda\.method=online/);
      // The status still reads "finished" from the first run: wait for the second run's row.
      await page.getByRole('button', { name: t.again, exact: true }).click();
      const runs = page.getByTestId('lda-runs').locator('tbody tr');
      await expect.poll(() => runs.count(), { timeout: 150_000, interval: 500 }).toBe(2);
      await expect.poll(() => status(page).innerText()).toBe(t.finished);
      await expect.poll(() => page.getByRole('list', { name: t.topicList }).count()).toBe(3);
      expect(await runs.nth(1).innerText()).toContain(t.online);
      // The result as CSV: 20 words for each of the 3 topics; θ of every document sums to 1.
      const csvOf = async (testId: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId(testId).click(),
        ]);
        return readFileSync((await file.path())!, 'utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
      };
      const words = await csvOf('lda-csv-words');
      expect(words[0]).toBe('topic,rank,term,p_term_given_topic');
      expect(words.length - 1).toBe(60);
      const docs = await csvOf('lda-csv-docs');
      expect(docs[0]).toBe('document,topic_1,topic_2,topic_3');
      const theta = docs[1]!.split(',').slice(1).map(Number);
      expect(theta.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      await expectNoAxeViolations(page);
      await screenshot(page, `lda-${lang}-1280`);
      expect(errors).toEqual([]);
      await context.close();
    }, 400_000);

    it(`uploads a file and refuses empty and one-word corpora (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/lda?lang=${lang}&lda.corpus=custom&lda.k=2&lda.iters=3&lda.minDf=1&lda.maxDf=1`,
      );
      await page.getByTestId('lda-paste').waitFor();
      await page.getByTestId('lda-paste').fill('rain rain\nrain');
      await page.getByRole('button', { name: t.train, exact: true }).click();
      await expect.poll(() => status(page).innerText(), { timeout: 60_000 }).toContain(t.oneWord);
      await page.getByTestId('lda-paste').fill('');
      await page.getByRole('button', { name: t.again, exact: true }).click();
      await expect.poll(() => status(page).innerText(), { timeout: 60_000 }).toContain(t.empty);

      const lines = Array.from({ length: 24 }, (_, i) =>
        i % 2 ? 'goal match player coach league' : 'rain wind cloud storm weather',
      ).join('\n');
      await page.getByTestId('lda-file').setInputFiles({
        name: 'my-docs.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(lines),
      });
      await expect
        .poll(() => page.getByTestId('lda-file-loaded').innerText())
        .toContain('my-docs.txt');
      await trainAndWait(page, t.again, t.finished);
      expect(await page.getByRole('list', { name: t.topicList }).count()).toBe(2);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
      await context.close();
    }, 200_000);

    it(`fits a 390 px phone after training on the English reviews (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/lda?lang=${lang}&lda.corpus=en&lda.k=5&lda.iters=3&lda.minDf=5`,
        { viewport: { width: 390, height: 844 } },
      );
      await trainAndWait(page, t.train, t.finished);
      expect(await page.getByRole('list', { name: t.topicList }).count()).toBe(5);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `lda-${lang}-390`);
      expect(errors).toEqual([]);
      await context.close();
    }, 300_000);
  }
});
