import type { Browser } from 'playwright-core';
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
    copy: '링크 복사',
    copied: '링크를 복사했습니다.',
    embed: '임베드 코드',
    code: '이 위젯만 보여 주는 iframe 코드',
  },
  en: {
    copy: 'Copy link',
    copied: 'Link copied.',
    embed: 'Embed code',
    code: 'iframe code showing only this widget',
  },
} as const;

describe('share and embed in Chromium', () => {
  for (const lang of ['ko', 'en'] as const) {
    const t = TEXT[lang];
    it(`copies a widget link that reopens the widget as it was, and embeds it alone (${lang})`, async () => {
      const { context, page, errors } = await openPage(
        browser,
        `#/lessons/gru?lang=${lang}&gruCompare.input=12&gruCompare.hidden=24&gru.pos=3`,
      );
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const frame = page.locator('#w-GruCompare-gruCompare');
      await frame.locator('.widget').waitFor();
      await frame.getByRole('button', { name: t.copy }).click();
      await expect
        .poll(() => frame.getByTestId('share-bar').getByRole('status').innerText())
        .toBe(t.copied);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toContain(`lang=${lang}`);
      expect(link).toContain('gruCompare.input=12');
      expect(link).toContain('at=w-GruCompare-gruCompare');
      expect(link).not.toContain('gru.pos');

      // The link lands on the widget in a fresh tab, with its state.
      const other = await context.newPage();
      await other.goto(link);
      const landed = other.locator('#w-GruCompare-gruCompare');
      await landed.locator('.widget').waitFor();
      await expect
        .poll(() =>
          landed.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight / 2;
          }),
        )
        .toBe(true);
      await expect.poll(() => other.url()).not.toContain('at=');
      expect(other.url()).toContain('gruCompare.hidden=24');

      // Embed code: an iframe of this widget alone.
      await frame.getByRole('button', { name: t.embed }).click();
      const code = await frame.getByLabel(t.code).inputValue();
      const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
      expect(src).toContain(`#/embed/gru/GruCompare/gruCompare?lang=${lang}`);
      await expectNoAxeViolations(page);
      await shot(frame, `share-${lang}-frame`);

      const embed = await context.newPage();
      await embed.goto(src);
      await embed.locator('.widget').first().waitFor();
      expect(await embed.locator('header, footer, .lesson-nav, .share-bar').count()).toBe(0);
      expect(await embed.locator('.widget-frame').count()).toBe(1);
      expect(await embed.locator('.widget').first().innerText()).toContain('H = 24');
      await expectNoAxeViolations(embed);
      await screenshot(embed, `embed-${lang}-desktop`);
      await embed.setViewportSize({ width: 390, height: 844 });
      await screenshot(embed, `embed-${lang}-390`);

      // Inside an LMS-like host page.
      const host = await context.newPage();
      await host.setContent(
        `<!doctype html><html lang="en"><title>LMS</title><body><h1>Week 3</h1>${code}</body></html>`,
      );
      const inner = host.frameLocator('iframe');
      await inner.locator('.widget').first().waitFor();
      await inner.locator('body').evaluate(() => document.fonts.ready);
      expect(await inner.locator('h1').boundingBox()).toMatchObject({ width: 1, height: 1 });
      await screenshot(host, `embed-${lang}-iframe`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('embeds a stepping widget whose keys work inside the frame', async () => {
    const { context, page, errors } = await openPage(
      browser,
      '#/embed/sequences/RnnShapes?lang=ko&shapes.shape=many-to-many&shapes.step=1',
      { viewport: { width: 390, height: 844 } },
    );
    const diagram = page.locator('.widget svg[role="img"]').first();
    await diagram.waitFor();
    expect(await diagram.getAttribute('aria-label')).toContain('t = 2');
    await page
      .locator('.widget')
      .first()
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => diagram.getAttribute('aria-label')).toContain('t = 3');
    await expectNoAxeViolations(page);
    await screenshot(page, 'embed-ko-rnnshapes-390');
    expect(errors).toEqual([]);
    await context.close();
  });
});
