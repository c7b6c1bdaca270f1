import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import GenerativeStory from '../../../src/widgets/lda/GenerativeStory';
import {
  STORY_STEPS,
  STORY_TOPICS,
  drawStory,
  storyPhase,
} from '../../../src/widgets/lda/storyModel';

function renderAt(query: string, lang: Lang = 'ko') {
  window.location.hash = `#/lessons/lda${query ? `?${query}` : ''}`;
  return render(
    <LangContext value={lang}>
      <GenerativeStory />
    </LangContext>,
  );
}

describe('the generative story', () => {
  it('draws θ, then a topic and a word per slot, reproducibly for a seed', () => {
    const a = drawStory(3);
    expect(drawStory(3)).toEqual(a);
    expect(a.theta.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(a.topics.every((z) => z >= 0 && z < STORY_TOPICS.length)).toBe(true);
    expect(storyPhase(0)).toEqual({ theta: false, words: 0, pendingTopic: false });
    expect(storyPhase(2)).toEqual({ theta: true, words: 0, pendingTopic: true });
    expect(storyPhase(3)).toEqual({ theta: true, words: 1, pendingTopic: false });
    expect(storyPhase(STORY_STEPS - 1).words).toBe(8);
  });

  it('steps with the controls and shows each drawn word in its topic colour', async () => {
    const user = userEvent.setup();
    renderAt('ldaStory.seed=3&ldaStory.step=0', 'en');
    expect(screen.getByTestId('lda-story-phase')).toHaveTextContent('Nothing drawn yet');
    const next = screen.getByRole('button', { name: /next/i });
    await user.click(next);
    expect(screen.getByTestId('lda-story-phase')).toHaveTextContent('topic proportions');
    await user.click(next);
    await user.click(next);
    const draw = drawStory(3);
    const word = STORY_TOPICS[draw.topics[0]!]!.en[draw.words[0]!]!;
    expect(screen.getByTestId('lda-story-phase')).toHaveTextContent(word);
    expect(screen.getByTestId('lda-story-doc').querySelectorAll('li')).toHaveLength(1);
    expect(window.location.hash).toContain('ldaStory.step=3');
  });

  it('keeps its step across a language switch', () => {
    const view = renderAt('ldaStory.seed=2&ldaStory.step=5');
    view.unmount();
    renderAt('ldaStory.seed=2&ldaStory.step=5', 'en');
    expect(screen.getByTestId('lda-story-doc').querySelectorAll('li')).toHaveLength(2);
  });
});
