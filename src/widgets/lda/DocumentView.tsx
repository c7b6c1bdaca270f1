import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { formatNumber } from '../../ui/format';
import { TOPIC_STROKE, TOPIC_TEXT, topicColor } from './palette';

const strings = defineStrings(
  'ldaDocumentView',
  {
    heading: '문서 한 편: 단어마다 가장 그럴듯한 토픽의 색',
    proportions: '이 문서의 토픽 비율 θ_d',
    topic: '토픽 {t}',
    removed: '색이 칠해지지 않은 단어는 불용어나 빈도 필터로 빠진 단어입니다.',
    label: '정답 주제(데이터의 theme 열): {label}',
    tokenTitle: '{word}: 토픽 {t}',
  },
  {
    heading: 'One document: every word in the colour of its most likely topic',
    proportions: "This document's topic proportions θ_d",
    topic: 'Topic {t}',
    removed: 'Words without a colour were removed by the stop words or the frequency filters.',
    label: 'Theme given in the data (the theme column): {label}',
    tokenTitle: '{word}: topic {t}',
  },
);

export function DocumentView({
  tokens,
  topics,
  theta,
  label,
}: {
  tokens: readonly string[];
  topics: Int32Array;
  theta: ArrayLike<number>;
  label: string | null;
}) {
  const t = useStrings(strings);
  const k = theta.length;
  return (
    <div className="lda-document">
      <h4>{t.heading}</h4>
      <div className="lda-document-row">
        <p className="lda-document-text" data-testid="lda-document">
          {tokens.map((word, i) => {
            const topic = topics[i]!;
            return topic < 0 ? (
              <span key={i} className="lda-token lda-token-off">
                {word}{' '}
              </span>
            ) : (
              <span key={i}>
                <mark
                  className="lda-token"
                  data-topic={topic}
                  title={format(t.tokenTitle, { word, t: topic + 1 })}
                  style={{ background: topicColor(topic), color: TOPIC_TEXT }}
                >
                  {word}
                </mark>{' '}
              </span>
            );
          })}
        </p>
        <figure className="lda-theta">
          <figcaption>{t.proportions}</figcaption>
          <ul data-testid="lda-theta">
            {Array.from({ length: k }, (_, topic) => (
              <li key={topic}>
                <span className="lda-theta-name">{format(t.topic, { t: topic + 1 })}</span>
                <span className="lda-bar-track" aria-hidden="true">
                  <span
                    className="lda-bar"
                    style={{
                      width: `${100 * theta[topic]!}%`,
                      background: topicColor(topic),
                      borderColor: TOPIC_STROKE,
                    }}
                  />
                </span>
                <span className="num">{formatNumber(theta[topic]!, 2)}</span>
              </li>
            ))}
          </ul>
        </figure>
      </div>
      <p className="muted">{t.removed}</p>
      {label && <p className="muted">{format(t.label, { label })}</p>}
    </div>
  );
}
