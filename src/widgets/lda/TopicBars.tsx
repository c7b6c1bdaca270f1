import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { formatNumber } from '../../ui/format';
import { TOPIC_STROKE, TOPIC_TEXT, topicColor } from './palette';
import type { TopicBar } from './ldaView';

const strings = defineStrings(
  'ldaTopicBars',
  {
    heading: '토픽별 상위 단어 (막대: p(단어 | 토픽))',
    topic: '토픽 {t}',
    coherence: 'UMass 일관성 {c}',
    list: '토픽 {t}의 상위 단어',
  },
  {
    heading: 'Top words per topic (bars: p(word | topic))',
    topic: 'Topic {t}',
    coherence: 'UMass coherence {c}',
    list: 'Top words of topic {t}',
  },
);

export function TopicBars({
  bars,
  coherence,
  selected,
  onSelect,
}: {
  bars: TopicBar[][];
  coherence: ArrayLike<number>;
  selected: number;
  onSelect: (t: number) => void;
}) {
  const t = useStrings(strings);
  const max = Math.max(1e-9, ...bars.flat().map((b) => b.p));
  return (
    <div className="lda-topics">
      <h4>{t.heading}</h4>
      <div className="lda-topic-grid" data-testid="lda-topics">
        {bars.map((words, k) => (
          <figure
            key={k}
            className="lda-topic"
            data-topic={k}
            data-selected={k === selected || undefined}
          >
            <figcaption>
              <button
                type="button"
                className="lda-topic-name"
                aria-pressed={k === selected}
                onClick={() => onSelect(k)}
                style={{ background: topicColor(k), color: TOPIC_TEXT, borderColor: TOPIC_STROKE }}
              >
                {format(t.topic, { t: k + 1 })}
              </button>
              <span className="muted lda-coherence">
                {format(t.coherence, { c: formatNumber(coherence[k] ?? NaN, 1) })}
              </span>
            </figcaption>
            <ol aria-label={format(t.list, { t: k + 1 })}>
              {words.map((w) => (
                <li key={w.term} title={`p = ${w.p}`}>
                  <span className="lda-bar-term">{w.term}</span>
                  <span className="lda-bar-track" aria-hidden="true">
                    <span
                      className="lda-bar"
                      style={{
                        width: `${(100 * w.p) / max}%`,
                        background: topicColor(k),
                        borderColor: TOPIC_STROKE,
                      }}
                    />
                  </span>
                  <span className="lda-bar-value num">{formatNumber(w.p, 3)}</span>
                </li>
              ))}
            </ol>
          </figure>
        ))}
      </div>
    </div>
  );
}
