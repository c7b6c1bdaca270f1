import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { findLesson, loadLesson, type LessonModule } from '../../../src/lessons/registry';
import { renderLessonContent } from '../../support/renderLesson';
import { useCpuRuntime } from '../lstm/setup';

// Loaded through the registry, exactly as the lesson page does (MDX + KaTeX in strict mode).
const CONTENT = {} as Record<Lang, LessonModule['default']>;
const SOURCE = {} as Record<Lang, string>;
beforeAll(async () => {
  await useCpuRuntime();
  for (const lang of ['ko', 'en'] as const) {
    CONTENT[lang] = (await loadLesson('gru', lang))!.default;
    SOURCE[lang] = readFileSync(
      path.resolve(import.meta.dirname, `../../../lessons/gru/${lang}.mdx`),
      'utf8',
    );
  }
});

function renderLesson(lang: Lang) {
  return renderLessonContent('gru', lang, CONTENT[lang]);
}

describe('the GRU lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: title matches the registry, math is typeset, every widget loads`, async () => {
      const { container } = renderLesson(lang);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        findLesson('gru')!.lesson.title[lang],
      );
      expect(SOURCE[lang].split('\n')[0]).toBe(
        lang === 'ko' ? '# GRU: 게이트 두 개' : '# GRU: two gates',
      );
      expect(container.querySelectorAll('.prose .katex').length).toBeGreaterThan(30);
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(await screen.findByRole('img', { name: /GRU/ }, { timeout: 30_000 })).toBeVisible();
      expect(await screen.findByTestId('gru-compare', {}, { timeout: 30_000 })).toBeVisible();
      expect(await screen.findByTestId('gru-tensors', {}, { timeout: 30_000 })).toBeVisible();
      expect(await screen.findByTestId('gru-race-table', {}, { timeout: 30_000 })).toBeVisible();
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
      [...SOURCE[lang].matchAll(/<(Gru\w+)([^>]*)\/>/g)].map((m) => m[0]);
    expect(widgets('en')).toEqual(widgets('ko'));
    expect(widgets('ko')).toEqual([
      '<GruCell id="gru" />',
      '<GruCompare id="gruCompare" />',
      '<GruRace id="gruRace" />',
      '<GruShapes id="gruShapes" />',
    ]);
  });
});
