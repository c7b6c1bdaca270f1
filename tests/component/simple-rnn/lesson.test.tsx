import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { findLesson, loadLesson, type LessonModule } from '../../../src/lessons/registry';
import { lessonComponents } from '../../../src/widgets';
import { renderLessonContent } from '../../support/renderLesson';
import { useCpuRuntime } from '../lstm/setup';

/** The two new lessons, loaded through the registry as the lesson page does (KaTeX strict). */
const LESSONS = [
  { slug: 'simple-rnn', widgets: ['RnnCell', 'RnnTraining', 'EmbeddingPadding', 'Exercises'] },
  {
    slug: 'bptt',
    widgets: ['GradientDescent', 'BpttNorms', 'GradientClipping', 'SequenceRace', 'Exercises'],
  },
] as const;

const CONTENT = {} as Record<string, LessonModule['default']>;
const SOURCE = {} as Record<string, string>;
beforeAll(async () => {
  await useCpuRuntime();
  for (const { slug } of LESSONS) {
    for (const lang of ['ko', 'en'] as const) {
      CONTENT[`${slug}/${lang}`] = (await loadLesson(slug, lang))!.default;
      SOURCE[`${slug}/${lang}`] = readFileSync(
        path.resolve(import.meta.dirname, `../../../lessons/${slug}/${lang}.mdx`),
        'utf8',
      );
    }
  }
});

function renderLesson(slug: string, lang: Lang) {
  return renderLessonContent(slug, lang, CONTENT[`${slug}/${lang}`]!);
}

for (const { slug, widgets } of LESSONS) {
  describe(`the ${slug} lesson`, () => {
    for (const lang of ['ko', 'en'] as const) {
      it(`${lang}: title matches the registry, math is typeset, widgets are used`, () => {
        const { container, unmount } = renderLesson(slug, lang);
        const title = findLesson(slug)!.lesson.title[lang];
        expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title);
        expect(SOURCE[`${slug}/${lang}`]!.split('\n')[0]).toBe(`# ${title}`);
        expect(container.querySelectorAll('.prose .katex').length).toBeGreaterThan(8);
        expect(container.querySelector('.katex-error')).toBeNull();
        unmount();
      });
    }

    it('has the same structure and the same widgets (with the same ids) in both languages', () => {
      const outline = (lang: Lang) => {
        const { container, unmount } = renderLesson(slug, lang);
        const shape = [
          ...container.querySelectorAll(
            ':is(.prose, .prose-section) > h1, :is(.prose, .prose-section) > h2, :is(.prose, .prose-section) > p > .katex-display, :is(.prose, .prose-section) > ul > li',
          ),
        ].map((el) => el.tagName);
        unmount();
        return shape;
      };
      expect(outline('en')).toEqual(outline('ko'));
      const used = (lang: Lang) =>
        [...SOURCE[`${slug}/${lang}`]!.matchAll(/<([A-Z]\w+)([^>]*)\/>/g)].map((m) => m[0]);
      expect(used('en')).toEqual(used('ko'));
      expect(used('ko').map((w) => w.match(/^<(\w+)/)![1])).toEqual(widgets);
      for (const name of widgets) expect(lessonComponents[name]).toBeDefined();
    });
  });
}
