import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, mountAllWidgets, openPage } from '../support/browser';

// A 5 MB paste into the text-mining inputs never blocks the page for more than 100 ms:
// the text skips the text box and goes to a worker (Apriori has its own test in apriori.test.ts).

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Records long tasks (> 50 ms) from now on (again from an empty list on a second call). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks?: number[] };
    const watching = w.longTasks !== undefined;
    w.longTasks = [];
    if (watching) return;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks!.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

/**
 * Builds one flat 5,000,000-character string (from `line(i)`) in the page, before any long
 * task is watched: making the test's own text is not the page's work.
 */
async function make5MB(page: Page, kind: 'nsmc' | 'lines'): Promise<void> {
  await page.evaluate((kind) => {
    const line = (i: number) =>
      kind === 'nsmc'
        ? `${i}\t이 영화 정말 재미있었어요 배우들 연기도 좋고 음악도 좋았다 ${i}\t${i % 2}\n`
        : `the river bank and the money bank ${i} 강가의 은행과 돈의 은행 ${i % 97}\n`;
    let block = kind === 'nsmc' ? 'id\tdocument\tlabel\n' : '';
    for (let i = 0; i < 5000; i++) block += line(i);
    const text = block.repeat(Math.ceil(5_000_000 / block.length)).slice(0, 5_000_000);
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    (window as unknown as { clipboard5MB: DataTransfer }).clipboard5MB = transfer;
  }, kind);
}

/**
 * Dispatches the prepared paste on the textarea, as a clipboard would deliver it; returns how
 * long dispatching took, whether the page took the paste over, and what the box holds.
 */
async function paste5MB(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const area = document.querySelector<HTMLTextAreaElement>(selector)!;
    const event = new ClipboardEvent('paste', {
      clipboardData: (window as unknown as { clipboard5MB: DataTransfer }).clipboard5MB,
      bubbles: true,
      cancelable: true,
    });
    const t0 = performance.now();
    const taken = !area.dispatchEvent(event);
    return { ms: performance.now() - t0, taken, boxLength: area.value.length };
  }, selector);
}

describe('a 5 MB paste', () => {
  it('goes to the sentiment lesson’s parsing worker without blocking the page', async () => {
    const { context, page, errors } = await openPage(browser, '#/lessons/sentiment?lang=en');
    const box = page.locator('section.sent-upload textarea');
    await box.scrollIntoViewIfNeeded();
    await box.waitFor();
    // Let the lesson finish building its sections and widgets first.
    await mountAllWidgets(page);
    await make5MB(page, 'nsmc');
    await watchLongTasks(page);
    const pasted = await paste5MB(page, 'section.sent-upload textarea');
    expect(pasted).toMatchObject({ taken: true, boxLength: 0 });
    expect(pasted.ms).toBeLessThan(100);
    expect(await page.getByTestId('upload-big-paste').innerText()).toContain('4.8 MB');
    await page.getByTestId('upload-report').waitFor({ timeout: 60_000 });
    const report = await page.getByTestId('upload-report').innerText();
    // 5,000,000 characters of ~70-character rows: over 70,000 reviews, every one read.
    const rows = Number(/([\d,]+) rows/.exec(report)?.[1]?.replace(/,/g, ''));
    expect(rows).toBeGreaterThan(70_000);
    await page.waitForTimeout(500);
    const tasks = await longTasks(page);
    console.log('sentiment 5 MB paste: long tasks (ms)', tasks.map(Math.round));
    expect(Math.max(0, ...tasks)).toBeLessThanOrEqual(100);

    // Training on it: the reviews are tokenised and encoded in a worker too, then the model
    // trains in its own; the page stays free throughout.
    await page.getByRole('button', { name: /Train on this data/ }).click();
    const trainer = page.locator('section.sent-train');
    await trainer.scrollIntoViewIfNeeded();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await watchLongTasks(page);
    await trainer.getByRole('button', { name: 'Start training' }).click();
    await expect
      .poll(() => trainer.innerText(), { timeout: 60_000 })
      .toMatch(/[\d,]+ for training · [\d,]+ for validation/);
    await page.waitForTimeout(3000);
    // The reviews were prepared by the data-set worker, then trained in the training worker.
    expect(workers.some((url) => /parseWorker/.test(url))).toBe(true);
    expect(workers.some((url) => /trainWorker/.test(url))).toBe(true);
    const trainingTasks = await longTasks(page);
    console.log('sentiment training on it: long tasks (ms)', trainingTasks.map(Math.round));
    // Starting a run also draws its panel and first curves (50–80 ms tasks on a quiet machine,
    // up to ~300 ms with another browser training beside it); preparing 70,000 reviews on the
    // page took one 1.6 s task.
    expect(Math.max(0, ...trainingTasks)).toBeLessThanOrEqual(1000);
    await trainer.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stays out of the LDA corpus box, which says what it holds', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '#/lessons/lda?lang=ko&lda.corpus=custom',
    );
    const box = page.getByTestId('lda-paste');
    await box.scrollIntoViewIfNeeded();
    await mountAllWidgets(page);
    await make5MB(page, 'lines');
    await watchLongTasks(page);
    const pasted = await paste5MB(page, '[data-testid="lda-paste"]');
    expect(pasted).toMatchObject({ taken: true, boxLength: 0 });
    expect(pasted.ms).toBeLessThan(100);
    expect(await box.getAttribute('placeholder')).toContain('4.8 MB');
    expect(await page.getByTestId('lda-file-loaded').innerText()).toContain('5,000,000');
    await page.waitForTimeout(500);
    const tasks = await longTasks(page);
    console.log('LDA 5 MB paste: long tasks (ms)', tasks.map(Math.round));
    expect(Math.max(0, ...tasks)).toBeLessThanOrEqual(100);
    // Typing replaces the big text with what was typed.
    await box.fill('강가의 은행\n돈의 은행');
    expect(await box.inputValue()).toBe('강가의 은행\n돈의 은행');
    expect(await page.getByTestId('lda-file-loaded').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
