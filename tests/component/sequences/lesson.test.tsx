import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { findLesson, loadLesson, type LessonModule } from '../../../src/lessons/registry';
import { renderLessonContent } from '../../support/renderLesson';

// Loaded through the registry, exactly as the lesson page does (MDX + KaTeX in strict mode).
const CONTENT = {} as Record<Lang, LessonModule['default']>;
beforeAll(async () => {
  for (const lang of ['ko', 'en'] as const) {
    CONTENT[lang] = (await loadLesson('sequences', lang))!.default;
  }
});

function renderLesson(lang: Lang) {
  return renderLessonContent('sequences', lang, CONTENT[lang]);
}

describe('the opening lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: title matches the registry, math is typeset, both widgets load`, async () => {
      const { container } = renderLesson(lang);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        findLesson('sequences')!.lesson.title[lang],
      );
      expect(container.querySelectorAll('.katex').length).toBeGreaterThan(30);
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(await screen.findByRole('img', {}, { timeout: 30_000 })).toHaveAttribute(
        'aria-label',
        expect.stringContaining(lang === 'ko' ? '다대일' : 'many-to-one'),
      );
      expect(await screen.findByTestId('act-dfx', {}, { timeout: 30_000 })).toBeInTheDocument();
      expect(container.querySelectorAll(':is(.prose, .prose-section) > dl > dt')).toHaveLength(4);
    }, 60_000);
  }

  it('has the same structure in both languages', () => {
    const outline = (lang: Lang) => {
      const { container, unmount } = renderLesson(lang);
      const shape = [
        ...container.querySelectorAll(
          ':is(.prose, .prose-section) > h1, :is(.prose, .prose-section) > h2, :is(.prose, .prose-section) > dl > dt, .katex-display',
        ),
      ].map((el) => el.tagName);
      unmount();
      return shape;
    };
    expect(outline('en')).toEqual(outline('ko'));
  });
});
