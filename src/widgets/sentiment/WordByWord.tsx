import { useId, useMemo, useState } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { wordByWord } from './training/readings';
import { getTrained, useTrainView } from './training/trainingStore';
import './sentiment.css';

const strings = defineStrings(
  'wordByWord',
  {
    title: '단어 하나씩 읽으며 바뀌는 예측',
    intro:
      '강의의 실험처럼 문장의 앞부분(“재미있을”, “재미있을 줄”, …)을 하나씩 늘려 가며 학습한 모델에 넣고, 긍정 확률을 단어마다 그립니다. 단어 색은 그 단어가 확률을 얼마나 올렸는지(파랑) 또는 내렸는지(주황)를 나타냅니다. 좋고 나쁨이 섞인 리뷰에서는 곡선이 출렁입니다.',
    noModel: '먼저 위에서 모델을 학습하거나 저장한 모델을 불러오세요.',
    review: '리뷰',
    example: '예문',
    chart: '단어마다의 긍정 확률',
    wordAxis: '읽은 단어 수',
    probAxis: '긍정 확률',
    prob: '긍정 확률',
    half: '0.5 (경계)',
    table: '단어별 확률 변화',
    word: '단어',
    after: '읽은 뒤 확률',
    change: '변화',
    oov: '(사전에 없음: <OOV>)',
    final: '마지막 예측: 긍정 확률 {p} → {label}',
    pos: '긍정',
    neg: '부정',
    empty: '단어가 없습니다.',
  },
  {
    title: 'Reading word by word: how the prediction moves',
    intro:
      'As in the course’s experiment, the growing beginning of the review (“this”, “this movie”, …) goes into the trained model, and the positive probability after each word is plotted. Word colours show how much a word raised (blue) or lowered (orange) it. Mixed reviews make the curve swing.',
    noModel: 'Train a model above first, or import a saved one.',
    review: 'Review',
    example: 'Example',
    chart: 'Positive probability after each word',
    wordAxis: 'words read',
    probAxis: 'positive probability',
    prob: 'positive probability',
    half: '0.5 (boundary)',
    table: 'Change of probability by word',
    word: 'word',
    after: 'probability after',
    change: 'change',
    oov: '(not in the vocabulary: <OOV>)',
    final: 'Final prediction: positive probability {p} → {label}',
    pos: 'positive',
    neg: 'negative',
    empty: 'No words.',
  },
);

const EXAMPLES = [
  'The story was slow and boring at first, but the acting was brilliant and the ending was wonderful.',
  'I expected a great film with a wonderful cast, but it was a complete waste of time.',
  '재미있을 줄 알았는데 지루하고 실망스러웠다',
  '처음엔 지루했지만 배우들의 연기가 좋아서 결말은 정말 감동적이었다',
];

let kept = EXAMPLES[0]!;

function colour(delta: number): string {
  const a = Math.min(1, Math.abs(delta) / 0.25);
  const pct = Math.round(10 + a * 50);
  return delta >= 0
    ? `color-mix(in srgb, var(--pos) ${pct}%, transparent)`
    : `color-mix(in srgb, var(--neg) ${pct}%, transparent)`;
}

export default function WordByWord() {
  const t = useStrings(strings);
  const titleId = useId();
  const inputId = useId();
  const view = useTrainView();
  const [text, setText] = useState(kept);
  const trained = getTrained();
  const reading = useMemo(
    () => (trained && text.trim() ? wordByWord(trained, text) : null),
    // modelVersion changes whenever the trained model does
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trained, view.modelVersion, text],
  );
  const series = useMemo<ChartSeries[]>(() => {
    if (!reading) return [];
    return [
      { id: 'p', label: t.prob, points: reading.probabilities.map((y, k) => ({ x: k, y })) },
      {
        id: 'half',
        label: t.half,
        points: [
          { x: 0, y: 0.5 },
          { x: Math.max(1, reading.words.length), y: 0.5 },
        ],
        dashed: true,
        color: 'var(--muted)',
      },
    ];
  }, [reading, t]);
  const last = reading?.probabilities.at(-1) ?? null;

  return (
    <section className="widget sent-wbw" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <label htmlFor={inputId} className="sent-label">
        {t.review}
      </label>
      <textarea
        id={inputId}
        className="sent-textarea"
        rows={2}
        value={text}
        data-testid="wbw-input"
        onChange={(e) => {
          kept = e.target.value;
          setText(kept);
        }}
      />
      <div className="sent-row">
        {EXAMPLES.map((ex, k) => (
          <button
            key={k}
            type="button"
            className="button"
            onClick={() => {
              kept = ex;
              setText(ex);
            }}
          >
            {t.example} {k + 1}
          </button>
        ))}
      </div>
      {!trained ? (
        <p className="muted" data-testid="wbw-none">
          {t.noModel}
        </p>
      ) : reading && reading.words.length > 0 ? (
        <>
          <LineChart
            series={series}
            xLabel={t.wordAxis}
            yLabel={t.probAxis}
            xDomain={[0, Math.max(1, reading.words.length)]}
            yDomain={[0, 1]}
            height={220}
            ariaLabel={t.chart}
          />
          <ol className="sent-words" data-testid="wbw-words" aria-label={t.table}>
            {reading.words.map((w, k) => (
              <li
                key={k}
                style={{ background: colour(reading.deltas[k]!) }}
                title={`${formatNumber(reading.probabilities[k]!, 3)} → ${formatNumber(reading.probabilities[k + 1]!, 3)}`}
              >
                {w}
                <span className="sr-only">
                  {' '}
                  {t.after} {formatNumber(reading.probabilities[k + 1]!, 3)}, {t.change}{' '}
                  {formatNumber(reading.deltas[k]!, 3)}
                  {reading.ids[k] === 1 ? ` ${t.oov}` : ''}
                </span>
              </li>
            ))}
          </ol>
          {last !== null ? (
            <p data-testid="wbw-final" data-p={last}>
              {format(t.final, { p: formatNumber(last, 3), label: last > 0.5 ? t.pos : t.neg })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t.empty}</p>
      )}
    </section>
  );
}
