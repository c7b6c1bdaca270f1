import type { Browser, Page } from 'playwright-core';
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

      // Drag the start: along the curve's chart (x₀), then on the contour map ((x₀, y₀)).
      const plot = gd.locator('.gd-drag rect.hover-target');
      await plot.scrollIntoViewIfNeeded();
      let box = (await plot.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      const x0 = Number(new URL(page.url().replace('#/', '/')).searchParams.get('gd.x0'));
      expect(x0).toBeLessThan(0);
      await expect
        .poll(() => gd.getByTestId('gd-readout').innerText())
        .toContain(`x_k = ${x0.toFixed(4).replace('-', '−')},`);
      const contour = gd.locator('svg.gd-contour');
      await contour.scrollIntoViewIfNeeded();
      box = (await contour.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await page.mouse.down();
      // Up and to the left of the centre: x < 0, y > 0 (the map's y axis points up).
      await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.2, { steps: 4 });
      await page.mouse.up();
      const params = new URL(page.url().replace('#/', '/')).searchParams;
      expect(Number(params.get('gd.sx'))).toBeLessThan(-1);
      expect(Number(params.get('gd.sy'))).toBeGreaterThan(0.5);
      expect(await contour.getAttribute('data-start')).toBe(
        `${params.get('gd.sx')},${params.get('gd.sy')}`,
      );

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
      await shot(page, `bptt-${lang}-1280-view`);
      await page.locator('svg.gd-contour').scrollIntoViewIfNeeded();
      await shot(page, `bptt-gd-${lang}-1280`);
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
      await expectNoAxeViolations(page, { rules: VIEWPORT_RULES });
      await screenshot(page, `bptt-${lang}-390`);
      await page.locator('section.bptt-norms').scrollIntoViewIfNeeded();
      await shot(page, `bptt-${lang}-390-view`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('races SimpleRNN against LSTM in workers: pause, resume, language switch, cancel', async () => {
    // Long enough that the race is still running after a pause and a resume (the fused LSTM
    // finished a 300 × 10 × 6 race before the language switch below could see it move).
    const small = 'race.samples=1000&race.steps=20&race.epochs=8&race.batch=32';
    const { context, page, errors } = await openPage(browser, `#/lessons/bptt?lang=ko&${small}`);
    const race = page.locator('section.seq-race');
    await race.scrollIntoViewIfNeeded();
    const bar = race.getByRole('progressbar', { name: '경주 진행' });
    const value = async () => Number(await bar.getAttribute('value'));
    const points = async (id: string) => {
      const d = await race.locator(`path.series[data-series="${id}"]`).getAttribute('d');
      return d ? (d.match(/[ML]/g) ?? []).length : 0;
    };
    await race.getByRole('button', { name: '경주 시작' }).click();
    await expect.poll(() => race.getAttribute('data-status'), { timeout: 60_000 }).toBe('running');
    await expect.poll(value, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => race.getByTestId('race-time').innerText(), { timeout: 60_000 })
      .toContain('계산 장치: 웹어셈블리');
    await expect.poll(() => points('lstm-val'), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);

    await race.getByRole('button', { name: '일시 정지' }).click();
    expect(await race.getAttribute('data-status')).toBe('paused');
    await page.waitForTimeout(1000); // a step under way may still report
    const held = await value();
    await page.waitForTimeout(1500);
    expect(await value()).toBe(held);
    await race.getByRole('button', { name: '계속' }).click();
    await expect.poll(value, { timeout: 30_000 }).toBeGreaterThan(held);

    // Switch language mid-run: the lesson remounts, the race carries on.
    const before = await value();
    expect(before).toBeLessThan(1000);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: TEXT.en.title }).waitFor();
    const raceEn = page.locator('section.seq-race');
    expect(['running', 'completed']).toContain(await raceEn.getAttribute('data-status'));
    await expect
      .poll(async () => Number(await raceEn.getByRole('progressbar').getAttribute('value')), {
        timeout: 30_000,
      })
      .toBeGreaterThan(before);
    await expect
      .poll(() => raceEn.getAttribute('data-status'), { timeout: 120_000 })
      .toBe('completed');
    for (const id of ['simpleRNN-loss', 'simpleRNN-val', 'lstm-loss', 'lstm-val']) {
      expect(await points(id)).toBe(8);
    }
    expect(await points('baseline')).toBe(2);
    expect(Number(await raceEn.getByRole('progressbar').getAttribute('value'))).toBe(1000);
    console.log('race (small):', await raceEn.getByTestId('race-table').innerText());
    await expectNoAxeViolations(page);
    await raceEn.scrollIntoViewIfNeeded();
    await shot(page, 'bptt-race-en-1280');

    // Again, then cancel: the curves so far stay.
    await raceEn.getByRole('button', { name: 'Race again' }).click();
    await expect
      .poll(() => raceEn.getAttribute('data-status'), { timeout: 60_000 })
      .toBe('running');
    await raceEn.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => raceEn.getAttribute('data-status'), { timeout: 30_000 })
      .toBe('cancelled');
    expect(await raceEn.getByRole('status').innerText()).toContain('The race was cancelled.');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('shows the race on a 390 px phone without overflow', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '#/lessons/bptt?lang=ko&race.samples=200&race.steps=10&race.epochs=2&race.batch=64',
      { viewport: { width: 390, height: 844 } },
    );
    const race = page.locator('section.seq-race');
    await race.scrollIntoViewIfNeeded();
    await race.getByRole('button', { name: '경주 시작' }).click();
    await expect
      .poll(() => race.getAttribute('data-status'), { timeout: 120_000 })
      .toBe('completed');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await race.scrollIntoViewIfNeeded();
    await shot(page, 'bptt-race-ko-390');
    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);
});
