import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { findLesson, loadLesson, type LessonModule } from '../../../src/lessons/registry';
import { renderLessonContent } from '../../support/renderLesson';

// Loaded through the registry, exactly as the lesson page does (MDX + KaTeX in strict mode).
const CONTENT = {} as Record<Lang, LessonModule['default']>;
const SOURCE = {} as Record<Lang, string>;
beforeAll(async () => {
  for (const lang of ['ko', 'en'] as const) {
    CONTENT[lang] = (await loadLesson('apriori', lang))!.default;
    SOURCE[lang] = readFileSync(
      path.resolve(import.meta.dirname, `../../../lessons/apriori/${lang}.mdx`),
      'utf8',
    );
  }
});

describe('the Apriori lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: title matches the registry, math is typeset, every widget loads`, async () => {
      const { container } = renderLessonContent('apriori', lang, CONTENT[lang]);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        findLesson('apriori')!.lesson.title[lang],
      );
      expect(container.querySelectorAll('.prose .katex').length).toBeGreaterThan(10);
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(
        await screen.findByTestId('apriori-contingency', {}, { timeout: 15_000 }),
      ).toBeVisible();
      for (const cls of ['apriori-data', 'apriori-lattice', 'apriori-rules']) {
        await expect
          .poll(() => container.querySelector(`section.${cls}`), { timeout: 15_000 })
          .not.toBeNull();
      }
      // Literal braces in the prose survive MDX (they are escaped, not expressions).
      expect(container.textContent).toContain(
        lang === 'ko' ? '{시험} ⇒ {도서관}' : '{acting} ⇒ {movie}',
      );
    });
  }

  it('has the same structure and the same widgets (with the same ids) in both languages', () => {
    const outline = (lang: Lang) => {
      const { container, unmount } = renderLessonContent('apriori', lang, CONTENT[lang]);
      const shape = [
        ...container.querySelectorAll(
          ':is(.prose, .prose-section) > h1, :is(.prose, .prose-section) > h2, .katex-display, :is(.prose, .prose-section) > ol > li',
        ),
      ].map((el) => el.tagName);
      unmount();
      return shape;
    };
    expect(outline('en')).toEqual(outline('ko'));
    const widgets = (lang: Lang) =>
      [...SOURCE[lang].matchAll(/<(Apriori\w+)([^>]*)\/>/g)].map((m) => m[0]);
    expect(widgets('en')).toEqual(widgets('ko'));
    expect(widgets('ko')).toEqual([
      '<AprioriMeasures id="aprioriTable" />',
      '<AprioriData id="apriori" />',
      '<AprioriLattice id="apriori" />',
      '<AprioriRules id="apriori" />',
    ]);
  });
});
