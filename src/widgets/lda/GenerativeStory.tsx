import { useId, useMemo } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { ParamSlider } from '../../ui/ParamSlider';
import { StepControls } from '../../ui/StepControls';
import { usePlayback } from '../../ui/usePlayback';
import { STORY_SCHEMA } from './ldaSchemas';
import { TOPIC_STROKE, TOPIC_TEXT, topicColor } from './palette';
import { STORY_ALPHA, STORY_STEPS, STORY_TOPICS, drawStory, storyPhase } from './storyModel';
import './lda.css';

const strings = defineStrings(
  'ldaStory',
  {
    title: '문서는 이렇게 만들어진다고 가정합니다',
    intro:
      'LDA는 문서를 쓰는 과정을 이렇게 상상합니다: 먼저 문서의 토픽 비율 θ를 디리클레 분포(α = {alpha})에서 뽑고, 단어 자리마다 θ에 따라 토픽 z를 하나 뽑은 뒤, 그 토픽의 단어 분포 β_z에서 단어 w를 뽑습니다.',
    seed: '시드 (다른 문서 뽑기)',
    steps: '생성 단계',
    'phase-0': '아직 아무것도 뽑지 않았습니다. 다음 단계로 가 보세요.',
    'phase-theta': '1단계: 토픽 비율 θ ~ Dirichlet(α)를 뽑았습니다.',
    'phase-topic':
      '단어 {i}: 토픽 z = {t}를 θ에서 뽑았습니다. 다음 단계에서 이 토픽의 단어를 뽑습니다.',
    'phase-word': '단어 {i}: 토픽 {t}의 분포 β에서 “{w}”를 뽑았습니다.',
    theta: '이 문서의 토픽 비율 θ',
    topic: '토픽 {t}',
    topicsHeading: '토픽 = 단어 위의 분포 β',
    doc: '만들어진 문서',
    stepLabel: '단계 {s} / {n}',
  },
  {
    title: 'How LDA imagines a document is written',
    intro:
      "LDA imagines writing a document like this: first draw the document's topic proportions θ from a Dirichlet distribution (α = {alpha}); then for every word slot draw a topic z from θ, and draw the word w from that topic's word distribution β_z.",
    seed: 'seed (draw another document)',
    steps: 'Generation steps',
    'phase-0': 'Nothing drawn yet. Step forward.',
    'phase-theta': 'Step 1: the topic proportions θ ~ Dirichlet(α) are drawn.',
    'phase-topic':
      'Word {i}: topic z = {t} drawn from θ. The next step draws a word of this topic.',
    'phase-word': 'Word {i}: “{w}” drawn from topic {t}’s distribution β.',
    theta: "This document's topic proportions θ",
    topic: 'Topic {t}',
    topicsHeading: 'Topics = distributions β over words',
    doc: 'The document so far',
    stepLabel: 'step {s} / {n}',
  },
);

export default function GenerativeStory({ id = 'ldaStory' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const [state, set] = useWidgetState(id, STORY_SCHEMA);
  const step = Math.min(state.step, STORY_STEPS - 1);
  const playback = usePlayback({
    count: STORY_STEPS,
    step,
    onStep: (s) => set({ step: s }),
    intervalMs: 900,
  });
  const draw = useMemo(() => drawStory(state.seed), [state.seed]);
  const phase = storyPhase(step);
  const shownWords = phase.words;
  const current = phase.pendingTopic ? shownWords : shownWords - 1;
  const activeTopic = phase.pendingTopic || shownWords > 0 ? draw.topics[current]! : -1;
  const wordOf = (i: number) => STORY_TOPICS[draw.topics[i]!]![lang][draw.words[i]!]!;
  let message = t['phase-0'];
  if (phase.theta && shownWords === 0 && !phase.pendingTopic) message = t['phase-theta'];
  else if (phase.pendingTopic)
    message = format(t['phase-topic'], { i: current + 1, t: draw.topics[current]! + 1 });
  else if (shownWords > 0)
    message = format(t['phase-word'], {
      i: current + 1,
      t: draw.topics[current]! + 1,
      w: wordOf(current),
    });

  return (
    <section className="widget lda-story" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{format(t.intro, { alpha: STORY_ALPHA })}</p>
      <div className="lda-sliders">
        <ParamSlider
          param={STORY_SCHEMA.seed}
          value={state.seed}
          onChange={(seed) => set({ seed, step: 0 })}
          label={t.seed}
        />
      </div>
      <StepControls
        playback={playback}
        label={t.steps}
        stepLabel={(s) => format(t.stepLabel, { s: s + 1, n: STORY_STEPS })}
      />
      <p role="status" data-testid="lda-story-phase">
        {message}
      </p>
      <figure className="lda-theta">
        <figcaption>{t.theta}</figcaption>
        <ul data-testid="lda-story-theta">
          {STORY_TOPICS.map((_, k) => (
            <li key={k}>
              <span className="lda-theta-name">{format(t.topic, { t: k + 1 })}</span>
              <span className="lda-bar-track" aria-hidden="true">
                <span
                  className="lda-bar"
                  style={{
                    width: phase.theta ? `${100 * draw.theta[k]!}%` : '0%',
                    background: topicColor(k),
                    borderColor: TOPIC_STROKE,
                  }}
                />
              </span>
              <span className="num">{phase.theta ? formatNumber(draw.theta[k]!, 2) : '–'}</span>
            </li>
          ))}
        </ul>
      </figure>
      <h4>{t.doc}</h4>
      <ol className="lda-story-doc" aria-label={t.doc} data-testid="lda-story-doc">
        {Array.from({ length: shownWords + (phase.pendingTopic ? 1 : 0) }, (_, i) => {
          const done = i < shownWords;
          return (
            <li
              key={i}
              data-current={i === current || undefined}
              style={{ background: topicColor(draw.topics[i]!), color: TOPIC_TEXT }}
            >
              {done ? wordOf(i) : '?'}{' '}
              <small>({format(t.topic, { t: draw.topics[i]! + 1 })})</small>
            </li>
          );
        })}
      </ol>
      <h4>{t.topicsHeading}</h4>
      <div className="lda-story-topics">
        {STORY_TOPICS.map((topic, k) => (
          <figure key={k} className="lda-story-topic" data-active={k === activeTopic || undefined}>
            <figcaption
              style={{
                background: topicColor(k),
                color: TOPIC_TEXT,
                padding: '0 0.4rem',
                borderRadius: 4,
              }}
            >
              {format(t.topic, { t: k + 1 })}
            </figcaption>
            <ul className="lda-theta" style={{ listStyle: 'none', padding: 0 }}>
              {topic[lang].map((w, j) => (
                <li key={w}>
                  <span className="lda-theta-name">{w}</span>
                  <span className="lda-bar-track" aria-hidden="true">
                    <span
                      className="lda-bar"
                      style={{
                        width: `${100 * topic.p[j]!}%`,
                        background: topicColor(k),
                        borderColor: TOPIC_STROKE,
                      }}
                    />
                  </span>
                  <span className="num">{topic.p[j]}</span>
                </li>
              ))}
            </ul>
          </figure>
        ))}
      </div>
    </section>
  );
}
