import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { findLesson, loadLesson, type LessonModule } from '../../../src/lessons/registry';
import { renderLessonContent } from '../../support/renderLesson';
import { useCpuRuntime } from './setup';

// Loaded through the registry, exactly as the lesson page does (MDX + KaTeX in strict mode).
const CONTENT = {} as Record<Lang, LessonModule['default']>;
const SOURCE = {} as Record<Lang, string>;
beforeAll(async () => {
  await useCpuRuntime();
  for (const lang of ['ko', 'en'] as const) {
    CONTENT[lang] = (await loadLesson('lstm', lang))!.default;
  }
  for (const lang of ['ko', 'en'] as const) {
    SOURCE[lang] = readFileSync(
      path.resolve(import.meta.dirname, `../../../lessons/lstm/${lang}.mdx`),
      'utf8',
    );
  }
});

function renderLesson(lang: Lang) {
  return renderLessonContent('lstm', lang, CONTENT[lang]);
}

describe('the LSTM lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: title matches the registry, math is typeset, every widget loads`, async () => {
      const { container } = renderLesson(lang);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        findLesson('lstm')!.lesson.title[lang],
      );
      expect(SOURCE[lang].split('\n')[0]).toBe(lang === 'ko' ? '# LSTM의 게이트' : '# LSTM gates');
      expect(container.querySelectorAll('.prose .katex').length).toBeGreaterThan(40);
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(
        await screen.findByRole('img', { name: /LSTM/ }, { timeout: 30_000 }),
      ).toBeInTheDocument();
      expect(await screen.findByTestId('lstm-step-table', {}, { timeout: 30_000 })).toBeVisible();
      expect(await screen.findByTestId('lstm-predictions', {}, { timeout: 30_000 })).toBeVisible();
      expect(
        await screen.findByRole(
          'heading',
          { level: 3, name: lang === 'ko' ? '스스로 확인하기' : 'Check yourself' },
          { timeout: 30_000 },
        ),
      ).toBeVisible();
    }, 60_000);
  }

  it('has the same structure and the same widgets (with the same ids) in both languages', () => {
    const outline = (lang: Lang) => {
      const { container, unmount } = renderLesson(lang);
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
      [...SOURCE[lang].matchAll(/<(Lstm\w+)([^>]*)\/>/g)].map((m) => m[0]);
    expect(widgets('en')).toEqual(widgets('ko'));
    expect(widgets('ko')).toHaveLength(4);
  });
});
