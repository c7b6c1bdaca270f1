import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
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

const TEXT = {
  ko: {
    title: 'Apriori 연관 규칙',
    xOnly: 'X만 있는 문장 수',
    next: '다음 단계',
    minSupport: '최소 지지도',
    minConfidence: '최소 신뢰도',
    killed: /부분집합 \{.+\}이\(가\) 빈발하지 않음/,
    custom: '직접 넣기',
    baskets: '장바구니 (쉼표로 구분)',
    upload: /파일 올리기/,
    paste: '데이터 붙여 넣기',
    mine: '이 글로 마이닝',
    limit: /단계에서 .*마이닝을 멈췄습니다/,
    sortSupport: '지지도 기준으로 정렬',
    filter: '아이템으로 거르기',
    grocery: '장바구니 (합성)',
    switchTo: 'English',
  },
  en: {
    title: 'Apriori association rules',
    xOnly: 'sentences with X only',
    next: 'Next step',
    minSupport: 'minimum support',
    minConfidence: 'minimum confidence',
    killed: /its subset \{.+\} is not frequent/,
    custom: 'Your own',
    baskets: 'Baskets (comma-separated)',
    upload: /Upload a file/,
    paste: 'Paste your data',
    mine: 'Mine this text',
    limit: /Mining stopped at level \d/,
    sortSupport: 'Sort by support',
    filter: 'Filter by item',
    grocery: 'Baskets (synthetic)',
    switchTo: '한국어',
  },
} as const;

const data = (page: Page) => page.locator('section.apriori-data');
const lattice = (page: Page) => page.locator('section.apriori-lattice');
const rules = (page: Page) => page.locator('section.apriori-rules');
const status = (section: Locator) => section.locator('.apriori-status').getAttribute('data-status');
const svgState = (page: Page) =>
  page.evaluate(() => {
    const svg = document.querySelector('svg.apriori-lattice-svg');
    return svg ? `${svg.getAttribute('data-level')}:${svg.getAttribute('data-phase')}` : null;
  });
const ruleRows = (page: Page) => rules(page).locator('[data-testid="apriori-rules"] tbody tr');

async function setNumber(section: Locator, label: string, value: string) {
  const box = section.getByRole('textbox', { name: label, exact: true });
  await box.fill(value);
  await box.press('Enter');
}

/** A basket file: planted pasta ⇒ tomato sauce, and noise. */
function basketFile(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    const basket = [`item${i % 7}`, `item${(i * 3) % 11}`];
    if (i % 3 === 0) basket.push('pasta', 'tomato sauce');
    if (i % 5 === 0) basket.push('milk');
    lines.push(basket.join(', '));
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

describe('Apriori lesson in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`measures, lattice stepping, sliders, rules, scatter, upload, limit (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/apriori?lang=${lang}`);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      expect(await page.locator('.katex-error').count()).toBe(0);

      // The contingency table: X only = 0 makes confidence 1 and conviction ∞.
      const measures = page.locator('section.apriori-measures');
      await measures.getByTestId('apriori-measures').waitFor();
      expect(await measures.locator('[data-measure="lift"]').innerText()).toBe('1.500');
      await setNumber(measures, t.xOnly, '0');
      await expect
        .poll(() => measures.locator('[data-measure="conviction"]').innerText())
        .toBe('∞');
      expect(await measures.locator('[data-measure="confidence"]').innerText()).toBe('1.000');
      expect(page.url()).toContain('aprioriTable.xOnly=0');

      // The default data (Korean sentences, particles stripped) is mined in the worker.
      await expect.poll(() => status(data(page)), { timeout: 30_000 }).toBe('done');
      await lattice(page).locator('svg.apriori-lattice-svg').waitFor();
      expect(await svgState(page)).toBe('1:joined');

      // Stepping with the button, then with the keyboard inside the widget.
      const next = lattice(page).getByRole('button', { name: t.next, exact: true });
      for (const phase of ['pruned', 'counted', 'kept']) {
        await next.click();
        expect(await svgState(page)).toBe(`1:${phase}`);
      }
      await next.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => svgState(page)).toBe('2:joined');
      expect(page.url()).toContain('apriori.step=4');
      expect(await lattice(page).locator('line.apriori-link-parent').count()).toBeGreaterThan(0);
      // Level 3 prunes a candidate and names its infrequent subset.
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => svgState(page)).toBe('3:pruned');
      expect(await lattice(page).locator('g.apriori-node.is-pruned').count()).toBeGreaterThan(0);
      expect(await lattice(page).getByTestId('apriori-pruned').innerText()).toMatch(t.killed);
      expect(await lattice(page).locator('line.apriori-link-killer').count()).toBeGreaterThan(0);
      await lattice(page).scrollIntoViewIfNeeded();
      await screenshot(page, `apriori-${lang}-1280-lattice`);
      await shot(page, `apriori-${lang}-lattice-view`);

      // Sliders: a higher support leaves fewer levels and rules; confidence trims rules.
      const before = await ruleRows(page).count();
      await setNumber(lattice(page), t.minSupport, '0.05');
      await expect.poll(() => page.url()).toContain('apriori.minSupport=0.05');
      await expect.poll(() => status(data(page))).toBe('done');
      await expect.poll(() => ruleRows(page).count()).toBeLessThan(before);
      // At 0.05 the third level joins nothing: the lattice redraws with an empty level 3.
      await expect
        .poll(() => lattice(page).locator('g.apriori-node[data-current="true"]').count())
        .toBe(0);
      const atHalf = await ruleRows(page).count();
      await setNumber(rules(page), t.minConfidence, '0.9');
      await expect.poll(() => page.url()).toContain('apriori.minConfidence=0.9');
      await expect.poll(() => ruleRows(page).count()).toBeLessThan(atHalf);
      await setNumber(rules(page), t.minConfidence, '0.5');
      await expect.poll(() => ruleRows(page).count()).toBe(atHalf);

      // Sorting and filtering the table.
      const table = rules(page).getByTestId('apriori-rules');
      await table.getByRole('button', { name: t.sortSupport }).click();
      expect(await table.locator('th[aria-sort="descending"] [data-sort="support"]').count()).toBe(
        1,
      );
      const supports = await table
        .locator('tbody td[data-measure="support"]')
        .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('title'))));
      expect(supports).toEqual([...supports].sort((a, b) => b - a));
      // The whole sorted table as CSV, every measure at full precision.
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        rules(page).getByTestId('apriori-rules-csv').click(),
      ]);
      const csvLines = readFileSync((await csv.path())!, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(csvLines[0]).toBe('lhs,rhs,count,support,confidence,lift,leverage,conviction');
      const total = Number(
        (await rules(page).getByTestId('apriori-rules-csv').innerText()).replace(/\D/g, ''),
      );
      expect(csvLines.length - 1).toBe(total);
      expect(total).toBeGreaterThanOrEqual(await ruleRows(page).count());
      expect(Number(csvLines[1]!.split(',')[3])).toBeCloseTo(supports[0]!, 6);
      const filter = rules(page).getByRole('searchbox', { name: t.filter });
      await filter.fill('시험');
      // The table filters a moment after typing: wait until every row left holds the word.
      await expect
        .poll(() =>
          ruleRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule'))),
        )
        .toSatisfy(
          (texts: (string | null)[]) => texts.length > 0 && texts.every((x) => x?.includes('시험')),
        );
      await filter.fill('');
      await expect.poll(() => ruleRows(page).count()).toBe(atHalf);
      await expect.poll(() => rules(page).locator('circle.apriori-point').count()).toBe(atHalf);

      // A click on a scatter point highlights the sentences holding the rule.
      // The last point is drawn on top (two rules of one pair can share a spot).
      const point = rules(page).locator('circle.apriori-point').last();
      const ruleText = (await point.getAttribute('data-rule'))!;
      await point.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await point.click();
      await expect
        .poll(() => rules(page).getByTestId('apriori-match-summary').innerText())
        .toContain(ruleText);
      expect(await rules(page).locator('.apriori-match-list li').count()).toBeGreaterThan(0);
      expect(
        await rules(page).locator('.apriori-match-list mark.apriori-lhs').count(),
      ).toBeGreaterThan(0);
      expect(
        await rules(page).locator('.apriori-match-list mark.apriori-rhs').count(),
      ).toBeGreaterThan(0);
      expect(await point.getAttribute('aria-pressed')).toBe('true');
      // Enter on the next point (arrow keys walk the points) selects that one.
      await point.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => rules(page).locator('circle.apriori-point[aria-pressed="true"]').count())
        .toBe(1);
      expect(await point.getAttribute('aria-pressed')).toBe('false');
      await rules(page).scrollIntoViewIfNeeded();
      await shot(page, `apriori-${lang}-rules-view`);

      await expectNoAxeViolations(page);
      await screenshot(page, `apriori-${lang}-1280`);

      // Upload a basket file.
      await data(page).getByRole('button', { name: t.custom }).click();
      await data(page).getByRole('button', { name: t.baskets }).click();
      await data(page)
        .getByLabel(t.upload)
        .setInputFiles({ name: 'baskets.csv', mimeType: 'text/csv', buffer: basketFile() });
      await expect.poll(() => status(data(page)), { timeout: 30_000 }).toBe('done');
      await expect
        .poll(() =>
          ruleRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule'))),
        )
        .toContain('{pasta} ⇒ {tomato sauce}');
      expect(await data(page).getByTestId('apriori-current').innerText()).toContain('baskets.csv');

      // A pathological input: 3,000 distinct words, minimum support 0.001.
      const words = Array.from({ length: 250 }, (_, s) =>
        Array.from({ length: 12 }, (_, w) => `w${s * 12 + w}`).join(', '),
      ).join('\n');
      await data(page).getByRole('textbox', { name: t.paste }).fill(words);
      await setNumber(lattice(page), t.minSupport, '0.001');
      await data(page).getByRole('button', { name: t.mine }).click();
      await expect.poll(() => status(data(page)), { timeout: 30_000 }).toBe('error');
      expect(await data(page).locator('.apriori-error').innerText()).toMatch(t.limit);
      expect(await data(page).locator('.apriori-error').getAttribute('data-limit')).toBe('true');
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`fits a 390 px phone (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/apriori?lang=${lang}&apriori.example=grocery&apriori.minSupport=0.02&apriori.step=9`,
        { viewport: { width: 390, height: 844 } },
      );
      await expect.poll(() => status(data(page)), { timeout: 30_000 }).toBe('done');
      await lattice(page).locator('svg.apriori-lattice-svg').waitFor();
      expect(await svgState(page)).toBe('3:pruned');
      await rules(page).locator('circle.apriori-point').first().waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `apriori-${lang}-390`);
      await lattice(page).scrollIntoViewIfNeeded();
      await shot(page, `apriori-${lang}-390-lattice`);
      await rules(page).locator('svg').first().scrollIntoViewIfNeeded();
      await shot(page, `apriori-${lang}-390-rules`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps the state across a language switch and a 5 MB paste never blocks the page', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '#/lessons/apriori?lang=ko&apriori.example=grocery&apriori.minSupport=0.02&apriori.step=6',
    );
    await expect.poll(() => status(data(page)), { timeout: 30_000 }).toBe('done');
    const first = rules(page).locator('circle.apriori-point').last();
    await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await first.click();
    await page.getByRole('button', { name: TEXT.ko.switchTo }).click();
    await page.getByRole('heading', { level: 1, name: TEXT.en.title }).waitFor();
    await lattice(page).locator('svg.apriori-lattice-svg').waitFor();
    expect(await svgState(page)).toBe('2:counted');
    expect(
      await data(page).getByRole('button', { name: TEXT.en.grocery }).getAttribute('aria-pressed'),
    ).toBe('true');
    // The selected rule and its baskets survive the remount.
    await expect
      .poll(() => rules(page).locator('.apriori-match-list li').count())
      .toBeGreaterThan(0);

    // 5 MB pasted into the box: it goes to the worker, and no task on the page runs > 100 ms.
    await data(page).getByRole('button', { name: TEXT.en.custom }).click();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: [number, number][]; readAt: number | null };
      w.longTasks = [];
      w.readAt = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: false });
      // When the worker starts mining, the whole text has arrived there.
      const status = document.querySelector('.apriori-data .apriori-status')!;
      new MutationObserver(() => {
        if (w.readAt === null && status.getAttribute('data-status') !== 'reading') {
          w.readAt = performance.now();
        }
      }).observe(status, { attributes: true });
    });
    const dispatched = await page.evaluate(() => {
      // One flat 5 MB string, like a real clipboard (no array of lines left for the GC).
      const words = ['bread', 'milk', 'eggs', 'beer', 'diapers', 'coffee', 'tea', 'jam'];
      let block = '';
      for (let i = 0; i < 5000; i++) {
        block += `${words[i % 8]}, ${words[(i * 3) % 8]}, ${words[(i * 5 + 1) % 8]}, product ${i}\n`;
      }
      const text = block.repeat(Math.ceil(5_000_000 / block.length)).slice(0, 5_000_000);
      const area = document.querySelector<HTMLTextAreaElement>('.apriori-custom textarea')!;
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      const event = new ClipboardEvent('paste', {
        clipboardData: transfer,
        bubbles: true,
        cancelable: true,
      });
      const t0 = performance.now();
      (window as unknown as { t0: number }).t0 = t0;
      area.dispatchEvent(event);
      return { ms: performance.now() - t0, boxLength: area.value.length };
    });
    expect(dispatched.boxLength).toBe(0);
    expect(dispatched.ms).toBeLessThan(100);
    await expect.poll(() => status(data(page)), { timeout: 60_000 }).toBe('done');
    const { tasks, t0, readAt } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: [number, number][]; readAt: number; t0: number };
      return { tasks: w.longTasks, t0: w.t0, readAt: w.readAt };
    });
    // From the paste until the text is in the worker (the part a paste costs the page).
    const during = tasks.filter(([start]) => start >= t0 && start <= readAt).map(([, d]) => d);
    console.log(
      `5 MB paste: handler ${dispatched.ms.toFixed(1)} ms, in the worker after ${(readAt - t0).toFixed(0)} ms; ` +
        `long tasks meanwhile ${JSON.stringify(during.map(Math.round))}, ` +
        `all until done ${JSON.stringify(tasks.map(([s, d]) => [Math.round(s - t0), Math.round(d)]))}`,
    );
    expect(Math.max(0, ...during)).toBeLessThan(100);
    expect(await data(page).getByTestId('apriori-note').innerText()).toMatch(/MB/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
