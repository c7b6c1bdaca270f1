import type { Browser, Page } from 'playwright-core';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRU_PRESETS, stepOf, traceCell, withGruConvention } from '../../src/core';
import { formatNumber } from '../../src/ui/format';
import { EXAMPLE_INPUTS, exampleCell } from '../../src/widgets/gru/gruModel';
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
  await tf.setBackend('cpu');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const TEXT = {
  ko: {
    title: 'GRU: 게이트 두 개',
    next: '다음 단계',
    presets: '이름 붙은 관례',
    preset: { course: /^강의/, cho2014: /^Cho 2014/, pytorch: /^PyTorch/ },
    updateGroup: '업데이트 게이트가 무엇에 곱해지나',
    updateCourse: /^\(1 − z\)가/,
    hidden: '은닉 크기 H',
    race: '경주 시작',
    input: '입력 크기 D',
  },
  en: {
    title: 'GRU: two gates',
    next: 'Next step',
    presets: 'Named conventions',
    preset: { course: /^Course/, cho2014: /^Cho 2014/, pytorch: /^PyTorch/ },
    updateGroup: 'Which side the update gate weighs',
    updateCourse: /^\(1 − z\) on/,
    hidden: 'hidden size H',
    race: 'Start the race',
    input: 'input size D',
  },
} as const;

const PHASES = ['reset', 'update', 'candidate', 'interpolate'];
const EQ = ['r', 'z', 'cand', 'h'];

function coreH(convention: { updateGate: 'course' | 'keras'; resetAfter: boolean }, t: number) {
  const cell = withGruConvention(exampleCell(7), convention);
  const trace = traceCell(
    cell,
    EXAMPLE_INPUTS.map((r) => [...r]),
    { h0: [0, 0] },
  );
  return `[${Array.from(stepOf(trace.h, trace, t), (v) => formatNumber(v, 3)).join(', ')}]`;
}

const cell = (page: Page) => page.locator('section.gru-cell');
const shownH = (page: Page) => page.getByTestId('gru-h').locator('output').innerText();

async function where(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.gru-diagram')!;
    return {
      step: Number(svg.getAttribute('data-step')),
      phase: svg.getAttribute('data-phase'),
      current: document.querySelector<HTMLElement>('.gru-cell .lstm-equations li.is-current')
        ?.dataset.eq,
    };
  });
}

describe('GRU lesson in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];

    it(`steps, switches conventions, counts parameters (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/gru?lang=${lang}&gruRace.epochs=2&gruRace.hidden=4`,
      );
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await page.locator('svg.gru-diagram').waitFor();
      await page.getByTestId('gru-compare').waitFor();
      await page.getByTestId('gru-tensors').waitFor();
      expect(await page.locator('.katex-error').count()).toBe(0);

      const next = cell(page).getByRole('button', { name: t.next });
      for (let index = 0; index < 8; index++) {
        expect(await where(page)).toEqual({
          step: Math.floor(index / 4),
          phase: PHASES[index % 4],
          current: EQ[index % 4],
        });
        if (index < 7) await next.click();
      }
      expect(page.url()).toContain('gru.pos=7');
      expect(await shownH(page)).toBe(coreH(GRU_PRESETS.course, 1));

      const presets = cell(page).getByRole('group', { name: t.presets });
      for (const name of ['cho2014', 'pytorch', 'course'] as const) {
        await presets.getByRole('button', { name: t.preset[name] }).click();
        await expect.poll(() => shownH(page)).toBe(coreH(GRU_PRESETS[name], 1));
      }
      // The fourth combination by the axes, from PyTorch's preset.
      await presets.getByRole('button', { name: t.preset.pytorch }).click();
      await cell(page)
        .getByRole('group', { name: t.updateGroup })
        .getByRole('button', { name: t.updateCourse })
        .click();
      await expect
        .poll(() => shownH(page))
        .toBe(coreH({ updateGate: 'course', resetAfter: true }, 1));
      expect(await page.locator('.gru-cell .lstm-equations .gru-changed').count()).toBeGreaterThan(
        0,
      );
      await expect.poll(() => page.locator('.gru-flip-equal').count()).toBe(1);

      // The table for two sizes.
      const table = page.getByTestId('gru-compare');
      for (const [D, H] of [
        [10, 20],
        [32, 64],
      ] as const) {
        const input = page.getByRole('textbox', { name: t.input, exact: true });
        const hidden = page.getByRole('textbox', { name: t.hidden, exact: true });
        await input.fill(String(D));
        await input.press('Enter');
        await hidden.fill(String(H));
        await hidden.press('Enter');
        await expect
          .poll(() =>
            table.locator('tr[data-row="keras"] td[data-gru-v1]').getAttribute('data-gru-v1'),
          )
          .toBe(String(3 * H * (D + H + 1)));
        expect(
          await table.locator('tr[data-row="keras"] td[data-gru]').getAttribute('data-gru'),
        ).toBe(String(3 * H * (D + H + 2)));
        expect(
          await table.locator('tr[data-row="pytorch"] td[data-lstm]').getAttribute('data-lstm'),
        ).toBe(String(4 * H * (D + H + 2)));
      }

      // A short race to the end: two curves, both parameter counts, a time per epoch.
      const race = page.locator('section.gru-race');
      await race.getByRole('button', { name: t.race }).click();
      await expect
        .poll(() => race.getAttribute('data-status'), { timeout: 60_000 })
        .toBe('completed');
      expect(await page.getByTestId('gru-race-progress').innerText()).toContain('4 / 4');
      expect(await race.locator('path.series').count()).toBe(2);
      expect(
        await race.locator('tr[data-arch="gru"] td[data-params]').getAttribute('data-params'),
      ).toBe(String(3 * 4 * (2 + 4 + 2) + 5));

      await expectNoAxeViolations(page);
      await screenshot(page, `gru-${lang}-1280`);
      await page.locator('svg.gru-diagram').scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-1280-diagram`);
      await race.scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-1280-race`);
      await page.locator('section.gru-cell').scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-1280-cell`);
      await page.getByTestId('gru-compare').scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-1280-table`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`fits a 390 px phone (${lang})`, async () => {
      const { context, page, errors } = await openPage(browser, `#/lessons/gru?lang=${lang}`, {
        viewport: { width: 390, height: 844 },
      });
      await page.locator('svg.gru-diagram').waitFor();
      await page.getByTestId('gru-tensors').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `gru-${lang}-390`);
      await page.locator('svg.gru-diagram').scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-390-cell`);
      await page.locator('.gru-cell .lstm-equations').scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-390-eq`);
      await page.getByTestId('gru-tensors').scrollIntoViewIfNeeded();
      await shot(page, `gru-${lang}-390-shapes`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('passes axe in the dark theme, with the changed terms shaded', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '#/lessons/gru?lang=ko&gru.update=keras&gru.resetAfter=1&gru.pos=3',
      { colorScheme: 'dark' },
    );
    await page.locator('svg.gru-diagram').waitFor();
    await page.getByTestId('gru-tensors').waitFor();
    expect(await page.locator('.gru-cell .lstm-equations .gru-changed').count()).toBe(3);
    expect(await shownH(page)).toBe(coreH(GRU_PRESETS.pytorch, 0));
    await expectNoAxeViolations(page);
    await screenshot(page, 'gru-ko-dark');
    await page.locator('svg.gru-diagram').scrollIntoViewIfNeeded();
    await shot(page, 'gru-ko-dark-diagram');
    expect(errors).toEqual([]);
    await context.close();
  });
});
