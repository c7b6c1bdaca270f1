import type { Browser, Page } from 'playwright-core';
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
    title: 'LSTM의 게이트',
    next: '다음 단계',
    prev: '이전 단계',
    weight: 'W_f 1행 1열',
    reset: '강의 숫자로 되돌리기',
    notANumber: '숫자가 아니라서 적용하지 않았습니다',
    train: /학습 시작|다시 학습/,
    accuracy: /정확도 \d\/6/,
    showTrained: '위의 셀 그림에서 학습한 셀 보기',
    other: 'English',
    course: '강의 예제 (저는 아침에 책을…)',
    words: ['저는', '아침에', '책을'],
  },
  en: {
    title: 'LSTM gates',
    next: 'Next step',
    prev: 'Previous step',
    weight: 'W_f row 1, column 1',
    reset: 'Reset to the course’s numbers',
    notANumber: 'is not a number, so it was not applied',
    train: /Start training|Train again/,
    accuracy: /accuracy \d\/6/,
    showTrained: 'Step through the trained cell in the diagram above',
    other: '한국어',
    course: 'Course example (“I read a book in the morning”)',
    words: ['I', 'in the morning', 'a book'],
  },
} as const;

const PHASES = ['forget', 'input', 'update', 'output', 'emit'];
const CURRENT_EQUATIONS = [['f'], ['i', 'cand'], ['c'], ['o'], ['h']];

const diagram = (page: Page) => page.locator('svg.lstm-diagram');
const cellWidget = (page: Page) => page.locator('section.lstm-cell');
const numbersOf = (page: Page, eq: string) =>
  // One line on a wide screen (a phone gets the same numbers in rows, hidden here).
  page.locator(`.lstm-equations li[data-eq="${eq}"] .is-wide .lstm-eq-numbers`);

async function where(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.lstm-diagram')!;
    return {
      step: Number(svg.getAttribute('data-step')),
      phase: svg.getAttribute('data-phase'),
      current: [...document.querySelectorAll<HTMLElement>('.lstm-equations li.is-current')].map(
        (li) => li.dataset.eq,
      ),
    };
  });
}

describe('LSTM lesson in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`steps through every phase, edits weights and trains hihello (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/lstm?lang=${lang}&lstmTrain.epochs=20`,
      );
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await diagram(page).waitFor();
      await mountAllWidgets(page);
      expect(await page.locator('.prose .katex').count()).toBeGreaterThan(40);
      expect(await page.locator('.katex-error').count()).toBe(0);
      for (const word of t.words) {
        const exact = new RegExp(`^${word}$`);
        expect(
          await cellWidget(page).locator('.heatmap-columns button', { hasText: exact }).count(),
        ).toBe(2);
      }
      expect(await numbersOf(page, 'f').innerText()).toContain('0.525');

      // Forward through 3 time steps × 5 phases, then all the way back.
      const next = cellWidget(page).getByRole('button', { name: t.next });
      const prev = cellWidget(page).getByRole('button', { name: t.prev });
      for (let index = 0; index < 15; index++) {
        expect(await where(page)).toEqual({
          step: Math.floor(index / 5),
          phase: PHASES[index % 5],
          current: CURRENT_EQUATIONS[index % 5],
        });
        if (index < 14) await next.click();
      }
      expect(page.url()).toContain('lstm.pos=14');
      expect(await numbersOf(page, 'h').innerText()).toContain('0.145');
      for (let index = 14; index > 0; index--) await prev.click();
      expect(await where(page)).toEqual({ step: 0, phase: 'forget', current: ['f'] });

      // Edit a weight: the equation's numbers follow; garbage is refused; reset brings 0.525 back.
      const field = page.getByRole('textbox', { name: t.weight, exact: true });
      await field.fill('0.7');
      await expect.poll(() => numbersOf(page, 'f').innerText()).toContain('0.668');
      await field.fill('abc');
      await field.press('Enter');
      await expect
        .poll(() => page.getByTestId('lstm-weight-error').innerText())
        .toContain(t.notANumber);
      expect(await field.inputValue()).toBe('0.7');
      expect(await numbersOf(page, 'f').innerText()).toContain('0.668');
      await page.getByRole('button', { name: t.reset }).click();
      await expect.poll(() => numbersOf(page, 'f').innerText()).toContain('0.525');

      // Train a few epochs: the loss curve, the accuracy, then the trained cell in the diagram.
      const train = page.locator('section.lstm-train');
      await train.getByRole('button', { name: t.train }).click();
      await expect
        .poll(() => train.getAttribute('data-status'), { timeout: 60_000 })
        .toBe('completed');
      expect(await page.getByTestId('lstm-accuracy').innerText()).toMatch(t.accuracy);
      expect(await page.getByTestId('lstm-train-progress').innerText()).toContain('20 / 20');
      expect(await train.locator('path.series').getAttribute('d')).toMatch(/^M.+L.+/);
      expect(await train.locator('td.is-right, td.is-wrong').count()).toBe(6);
      await train.getByRole('button', { name: t.showTrained }).click();
      await expect.poll(() => cellWidget(page).getAttribute('data-source')).toBe('trained');
      expect(page.url()).toContain('lstm.source=trained');
      // Focus moved to the cell: the arrow keys step through the trained cell at once.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => where(page).then((w) => w.phase)).toBe('input');
      expect(await cellWidget(page).locator('.heatmap-columns button').count()).toBe(12);

      await expectNoAxeViolations(page);
      await screenshot(page, `lstm-${lang}-1280`);

      // Edited weights survive a language switch (the lesson's widgets remount).
      await cellWidget(page).getByRole('button', { name: t.course }).click();
      await field.fill('-5');
      await expect.poll(() => numbersOf(page, 'f').innerText()).toContain('0.007');
      await page.getByRole('button', { name: t.other }).click();
      const o = TEXT[lang === 'ko' ? 'en' : 'ko'];
      await page.getByRole('heading', { level: 1, name: o.title }).waitFor();
      await expect
        .poll(() => page.getByRole('textbox', { name: o.weight, exact: true }).inputValue())
        .toBe('-5');
      expect(await numbersOf(page, 'f').innerText()).toContain('0.007');
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`fits a 390 px phone (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/lstm?lang=${lang}`, {
        viewport: { width: 390, height: 844 },
      });
      await diagram(page).waitFor();
      await page.getByTestId('lstm-step-table').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // The diagram scrolls inside its own box, which the keyboard can reach.
      expect(await page.locator('.lstm-diagram-scroll').getAttribute('tabindex')).toBe('0');
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `lstm-${lang}-390`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('steps with the keyboard alone', async () => {
    const { context, page } = await openPage(browser, '#/lessons/lstm?lang=en');
    await diagram(page).waitFor();
    // Tab until focus is inside the cell widget.
    for (let k = 0; k < 80; k++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(
        () => !!document.activeElement?.closest('section.lstm-cell'),
      );
      if (inside) break;
    }
    expect(await page.evaluate(() => !!document.activeElement?.closest('section.lstm-cell'))).toBe(
      true,
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await where(page)).phase).toBe('output');
    await page.keyboard.press('ArrowLeft');
    expect((await where(page)).phase).toBe('update');
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    expect(await where(page)).toMatchObject({ step: 1, phase: 'update' });
    await page.keyboard.press('Home');
    expect(await where(page)).toMatchObject({ step: 0, phase: 'forget' });
    // The strip's step buttons work with Enter.
    const column = cellWidget(page)
      .getByRole('button', { name: /t = 3 \(a book\)/ })
      .first();
    await column.focus();
    await page.keyboard.press('Enter');
    expect(await where(page)).toMatchObject({ step: 2, phase: 'forget' });
    await context.close();
  });

  for (const motion of ['reduce', 'no-preference'] as const) {
    it(`moves the bars ${motion === 'reduce' ? 'instantly under reduced motion' : 'smoothly otherwise'}`, async () => {
      const { context, page } = await openPage(browser, '#/lessons/lstm?lang=en&lstm.pos=4', {
        reducedMotion: motion,
      });
      await diagram(page).waitFor();
      const bar = page.locator('rect[data-bar="f-0"]');
      const final = async () => Number(await bar.getAttribute('height'));
      const before = await final();
      // Click and sample the bar on each of the next frames inside the page, so that a busy
      // test machine's round trips cannot hide the transition.
      const next = await cellWidget(page)
        .getByRole('button', { name: 'Next step' })
        .elementHandle();
      const frames = await page.evaluate(async (button) => {
        const height = () =>
          Number(document.querySelector('rect[data-bar="f-0"]')!.getAttribute('height'));
        (button as HTMLButtonElement).click();
        const heights: number[] = [];
        let pulsing = false;
        for (let i = 0; i < 30; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          heights.push(height());
          pulsing ||= [...document.querySelectorAll('path.lstm-pulse')].some(
            (p) => Number(getComputedStyle(p).opacity) > 0,
          );
        }
        return { heights, pulsing };
      }, next);
      await page.waitForTimeout(1200);
      const settled = await final();
      expect(settled).not.toBe(before);
      if (motion === 'reduce') {
        // From the second frame on, everything is where it ends.
        expect(frames.heights.slice(2).every((h) => h === settled)).toBe(true);
        expect(frames.pulsing).toBe(false);
        expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
      } else {
        expect(frames.heights.some((h) => h !== before && h !== settled)).toBe(true);
        expect(frames.pulsing).toBe(true);
      }
      await context.close();
    });
  }

  it('projects at 1920×1080 in classroom mode, with parts hidden and document-wide keys', async () => {
    const { context, page } = await openPage(
      browser,
      '#/lessons/lstm?lang=ko&classroom=1&hide=editor,training',
      { viewport: { width: 1920, height: 1080 } },
    );
    await diagram(page).waitFor();
    expect(await page.locator('.lstm-editor').count()).toBe(0);
    expect(await page.locator('section.lstm-train').count()).toBe(0);
    await page.locator('body').press('ArrowRight');
    expect((await where(page)).phase).toBe('input');
    await cellWidget(page).scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const top = document.querySelector('section.lstm-cell')!.getBoundingClientRect().top;
      window.scrollBy(0, top - 70);
    });
    await shot(page, 'lstm-ko-1920-classroom');
    await context.close();
  });

  it('passes axe in the dark theme', async () => {
    const { context, page } = await openPage(browser, '#/lessons/lstm?lang=ko&lstm.pos=7', {
      colorScheme: 'dark',
    });
    await diagram(page).waitFor();
    await page.getByTestId('lstm-step-table').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'lstm-ko-dark');
    await context.close();
  });
});
