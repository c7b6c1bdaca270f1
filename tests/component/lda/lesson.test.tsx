import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { findLesson, loadLesson, type LessonModule } from '../../../src/lessons/registry';
import { renderLessonContent } from '../../support/renderLesson';

const CONTENT = {} as Record<Lang, LessonModule['default']>;
beforeAll(async () => {
  for (const lang of ['ko', 'en'] as const)
    CONTENT[lang] = (await loadLesson('lda', lang))!.default;
});

describe('the LDA lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: title, typeset math and both widgets`, async () => {
      const { container } = renderLessonContent('lda', lang, CONTENT[lang]);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        findLesson('lda')!.lesson.title[lang],
      );
      expect(container.querySelectorAll('.prose .katex').length).toBeGreaterThan(20);
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(
        await screen.findByTestId('lda-story-theta', {}, { timeout: 30_000 }),
      ).toBeInTheDocument();
      expect(
        await screen.findByRole(
          'button',
          { name: lang === 'ko' ? '학습 시작' : 'Train' },
          { timeout: 30_000 },
        ),
      ).toBeInTheDocument();
      // The lazy widgets and KaTeX take a while to load on a busy machine.
    }, 40_000);
  }
});
