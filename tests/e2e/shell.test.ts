import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchChromium, openPage, screenshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('home page in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`shows the contents in ${lang} with no accessibility violations`, async () => {
      const { context, page, errors } = await openPage(browser, `#/?lang=${lang}`);
      const heading = lang === 'ko' ? '목차' : 'Contents';
      // index.html holds the Korean home page as written out at build time (hidden under a
      // hash address); the app's own page replaces it.
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
      await expect.poll(() => page.locator('.toc > li').count()).toBe(8);
      expect(await page.locator('.toc a').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('.toc .is-soon').count()).toBe(
        8 - (await page.locator('.toc a').count()),
      );
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expectNoAxeViolations(page);
      await screenshot(page, `home-${lang}-1280`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('remembers the language across a reload and uses the Korean web font', async () => {
    const { context, page } = await openPage(browser, '#/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    await page.goto(page.url().replace(/\?.*$/, ''));
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '목차' }).waitFor();
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      // The book's own Korean face (cut from Noto Sans KR) draws the book's Hangul.
      const bookFace = [...document.fonts].some(
        (face) => face.family.replace(/["']/g, '') === 'Gatebook KR' && face.status === 'loaded',
      );
      return bookFace && document.fonts.check('16px "Gatebook KR"', '순환 신경망');
    });
    expect(fontLoaded).toBe(true);
    await context.close();
  });

  it('opens a linked lesson with its content preloaded and only the book’s own Korean face', async () => {
    const { context, page } = await openPage(browser, '#/lessons/lstm?lang=ko');
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.woff2')) fonts.push(request.url().split('/').pop()!);
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'LSTM의 게이트' }).waitFor();
    expect(await page.locator('head script[async][src*="lesson-preload-"]').count()).toBe(1);
    // The async preload script asked for the Korean LSTM lesson's chunk before the app routed.
    const preloaded = await page
      .locator('head link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href.split('/').pop()));
    expect(preloaded.some((name) => /^ko-[\w-]+\.js$/.test(name!))).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((name) => name.startsWith('gatebook-kr-400'))).toBe(true);
    // Noto Sans KR's unicode-range slices are for text the book does not contain: none yet.
    expect(fonts.filter((name) => /^noto-sans-kr-\d+-/.test(name))).toEqual([]);
    await context.close();
  });

  it('switches to the dark theme and passes axe there too', async () => {
    const { context, page } = await openPage(browser, '#/?lang=ko');
    await page.getByRole('button', { name: '어두운 테마로 바꾸기' }).click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-ko-dark');
    await context.close();
  });

  it('works on a 390 px phone without sideways scrolling', async () => {
    const { context, page } = await openPage(browser, '#/?lang=ko', {
      viewport: { width: 390, height: 844 },
    });
    await page.locator('.toc > li').first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-ko-390');
    await context.close();
  });

  it('shows a bilingual 404 for an unknown lesson, with a way home', async () => {
    const { context, page } = await openPage(browser, '#/lessons/does-not-exist?lang=en');
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    expect(await page.getByText('페이지를 찾을 수 없습니다').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back to the contents' }).click();
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    await context.close();
  });

  it('loads a link full of garbage with defaults and a notice', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '#/lessons/sequences?lang=xx&shapes.length=%F0%9F%99%82&shapes.shape=<b>&act.x=1e999&act.alpha=-5',
    );
    const notice = page.getByTestId('link-notice');
    await notice.waitFor();
    // Widgets load lazily and report their own bad values as they mount.
    for (const param of ['lang', 'shapes.length', 'shapes.shape', 'act.x', 'act.alpha']) {
      await expect.poll(() => notice.innerText()).toContain(param);
    }
    await expect.poll(() => page.url()).not.toContain('shapes.shape');
    expect(page.url()).toContain('act.x=6');
    expect(page.url()).toContain('act.alpha=0.1');
    expect(
      await page.locator('.widget svg[role="img"]').first().getAttribute('aria-label'),
    ).toContain('4');
    expect(errors).toEqual([]);
    await context.close();
  });
});
