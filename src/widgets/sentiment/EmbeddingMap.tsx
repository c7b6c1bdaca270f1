import { useId, useMemo, useState } from 'react';
import { textToWords, tokenId } from '../../core/text';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { formatNumber } from '../../ui/format';
import { wordMap } from './training/readings';
import { getTrained, useTrainView } from './training/trainingStore';
import './sentiment.css';

const strings = defineStrings(
  'embeddingMap',
  {
    title: '학습한 단어 벡터의 지도 (PCA 2차원)',
    intro:
      '학습한 임베딩 행렬에서 가장 자주 나온 단어 {n}개의 행을 주성분 분석(PCA)으로 두 축에 투영했습니다. 점의 색은 그 단어 하나만 넣었을 때 모델의 긍정 확률입니다(파랑 긍정, 주황 부정). 감성 분석으로 학습한 임베딩은 뜻보다 “좋다/나쁘다” 방향으로 갈라지는 경우가 많습니다.',
    noModel: '먼저 위에서 모델을 학습하거나 저장한 모델을 불러오세요.',
    words: '강조할 단어 (띄어쓰기로 구분)',
    axes: '가로: 제1 주성분 (분산의 {a}%), 세로: 제2 주성분 ({b}%)',
    chart: '단어 벡터의 2차원 지도',
    point: '{word}: 긍정 확률 {p}',
    missing: '사전에 없는 단어: {words}',
    hover: '가리킨 단어: {word} (긍정 확률 {p})',
  },
  {
    title: 'A map of the learned word vectors (2-D PCA)',
    intro:
      'The rows of the trained embedding matrix for the {n} most frequent words, projected on two axes by principal component analysis (PCA). A point’s colour is the model’s positive probability for a review of just that word (blue positive, orange negative). Embeddings trained for sentiment often split along “good/bad” rather than meaning.',
    noModel: 'Train a model above first, or import a saved one.',
    words: 'Words to highlight (separated by spaces)',
    axes: 'Horizontal: first principal component ({a} % of the variance); vertical: second ({b} %)',
    chart: '2-D map of the word vectors',
    point: '{word}: positive probability {p}',
    missing: 'Not in the vocabulary: {words}',
    hover: 'Pointed word: {word} (positive probability {p})',
  },
);

const W = 640;
const H = 400;
const PAD = 24;
let keptWords = 'great bad boring wonderful waste best worst 최고 지루 재미있 실망 감동';

function colour(p: number): string {
  return p >= 0.5
    ? `color-mix(in srgb, var(--pos) ${Math.round(30 + (p - 0.5) * 140)}%, transparent)`
    : `color-mix(in srgb, var(--neg) ${Math.round(30 + (0.5 - p) * 140)}%, transparent)`;
}

export default function EmbeddingMap() {
  const t = useStrings(strings);
  const titleId = useId();
  const inputId = useId();
  const view = useTrainView();
  const [text, setText] = useState(keptWords);
  const [hover, setHover] = useState<number | null>(null);
  const trained = getTrained();
  const wanted = useMemo(
    () => (trained ? [...new Set(textToWords(text, trained.pipeline))] : []),
    [trained, text],
  );
  const wantedIds = useMemo(
    () => (trained ? wanted.map((w) => tokenId(trained.vocabulary, w)) : []),
    [trained, wanted],
  );
  const wantedKey = wantedIds.join(',');
  const version = view.modelVersion;
  const map = useMemo(
    () =>
      trained && version >= 0
        ? wordMap(trained, 300, wantedKey ? wantedKey.split(',').map(Number) : [])
        : null,
    [trained, version, wantedKey],
  );
  const geometry = useMemo(() => {
    if (!map) return null;
    const xs = map.words.map((_, k) => map.pca.coords[k * 2]!);
    const ys = map.words.map((_, k) => map.pca.coords[k * 2 + 1]!);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
    const sy = (y: number) => H - PAD - ((y - y0) / (y1 - y0 || 1)) * (H - 2 * PAD);
    return map.words.map((word, k) => ({
      word,
      x: sx(xs[k]!),
      y: sy(ys[k]!),
      p: map.alone[k]!,
      id: map.ids[k]!,
    }));
  }, [map]);
  const highlighted = new Set(wantedIds.filter((id) => id > 1));
  const missing = trained ? wanted.filter((_, k) => wantedIds[k] === 1) : [];

  return (
    <section className="widget sent-map" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{format(t.intro, { n: 300 })}</p>
      <label htmlFor={inputId} className="sent-label">
        {t.words}
      </label>
      <input
        id={inputId}
        className="sent-textarea"
        value={text}
        onChange={(e) => {
          keptWords = e.target.value;
          setText(keptWords);
        }}
      />
      {!trained || !map || !geometry ? (
        <p className="muted">{t.noModel}</p>
      ) : (
        <>
          <p className="muted">
            {format(t.axes, {
              a: formatNumber(map.pca.explained[0] * 100, 1),
              b: formatNumber(map.pca.explained[1] * 100, 1),
            })}
          </p>
          {missing.length > 0 ? (
            <p className="muted">{format(t.missing, { words: missing.join(', ') })}</p>
          ) : null}
          <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t.chart} data-testid="map-svg">
            {geometry
              .filter((g) => !highlighted.has(g.id))
              .map((g) => (
                <circle
                  key={g.id}
                  cx={g.x}
                  cy={g.y}
                  r={3}
                  fill={colour(g.p)}
                  onPointerEnter={() => setHover(g.id)}
                  onPointerLeave={() => setHover(null)}
                >
                  <title>{format(t.point, { word: g.word, p: formatNumber(g.p, 3) })}</title>
                </circle>
              ))}
            {geometry
              .filter((g) => highlighted.has(g.id))
              .map((g) => (
                <g key={g.id}>
                  <circle
                    cx={g.x}
                    cy={g.y}
                    r={7}
                    fill={colour(g.p)}
                    stroke="var(--text)"
                    strokeWidth={1.5}
                    tabIndex={0}
                    role="img"
                    aria-label={format(t.point, { word: g.word, p: formatNumber(g.p, 3) })}
                    onFocus={() => setHover(g.id)}
                    onBlur={() => setHover(null)}
                    onPointerEnter={() => setHover(g.id)}
                    onPointerLeave={() => setHover(null)}
                  />
                  <text x={g.x + 9} y={g.y + 4} aria-hidden="true">
                    {g.word}
                  </text>
                </g>
              ))}
          </svg>
          <p aria-live="polite" data-testid="map-hover">
            {hover !== null
              ? (() => {
                  const g = geometry.find((x) => x.id === hover);
                  return g ? format(t.hover, { word: g.word, p: formatNumber(g.p, 3) }) : '';
                })()
              : ' '}
          </p>
        </>
      )}
    </section>
  );
}
