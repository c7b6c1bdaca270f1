import { render } from '@testing-library/react';
import type { Lang } from '../../src/i18n/lang';
import { LangContext } from '../../src/i18n/useLang';
import type { LessonModule } from '../../src/lessons/registry';
import { lessonComponents, proseComponents } from '../../src/widgets';

/** Renders a lesson file as the lesson page does: in its language, with the real widgets. */
export function renderLessonContent(slug: string, lang: Lang, Content: LessonModule['default']) {
  window.location.hash = `#/lessons/${slug}`;
  return render(
    <LangContext value={lang}>
      <div className="prose">
        <Content components={{ ...lessonComponents, ...proseComponents }} />
      </div>
    </LangContext>,
  );
}
