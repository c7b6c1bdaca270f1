import { useId, useMemo } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Heatmap } from '../../ui/Heatmap';
import { ParamSlider } from '../../ui/ParamSlider';
import {
  OOV_ID,
  PAD_ID,
  buildVocab,
  embedRow,
  embeddingTable,
  padSequences,
  paddingStats,
  toIds,
} from './padding';
import { EMBED_SCHEMA } from './simpleRnnSchemas';
import './simple-rnn.css';

const strings = defineStrings(
  'embedPadding',
  {
    title: '문장 → 번호 → 패딩 → 임베딩',
    intro:
      '아래 문장들로 어휘 사전을 만들고(0번은 패딩, 1번은 <OOV>), 각 문장을 번호 열로 바꾼 뒤 길이를 맞춰 하나의 행렬로 만듭니다. 마지막 문장의 단어 중 사전에 없는 것은 <OOV>가 됩니다.',
    train: '사전을 만든 문장',
    test: '새 문장 (사전에 없는 단어 포함)',
    vocab: '어휘 사전',
    maxLen: '최대 길이 (maxlen)',
    padding: '패딩 위치',
    truncating: '자르는 위치',
    pre: '앞 (pre)',
    post: '뒤 (post)',
    dim: '임베딩 차원',
    matrix: '패딩한 번호 행렬 ({rows} × {cols})',
    stats: '0을 {padded}개 채웠고 단어 {truncated}개를 잘라 냈습니다.',
    row: '임베딩을 볼 문장',
    sentence: '문장 {n}',
    embedding: '문장 {n}의 임베딩 (행: 차원, 열: 위치)',
    note: '임베딩 값은 학습 전의 무작위 초기값입니다(−0.05…0.05). 학습하면 비슷한 단어의 행이 서로 가까워집니다. 패딩(0번)도 하나의 행을 가지므로, 실제 모델에서는 마스킹으로 무시하게 할 수 있습니다.',
  },
  {
    title: 'Sentences → ids → padding → embedding',
    intro:
      'The sentences below build a vocabulary (id 0 is padding, id 1 is <OOV>); each sentence becomes a list of ids, and padding makes them one matrix. Words of the last sentence that are not in the vocabulary become <OOV>.',
    train: 'Sentences that built the vocabulary',
    test: 'A new sentence (with unknown words)',
    vocab: 'Vocabulary',
    maxLen: 'Maximum length (maxlen)',
    padding: 'Padding side',
    truncating: 'Truncation side',
    pre: 'front (pre)',
    post: 'back (post)',
    dim: 'Embedding size',
    matrix: 'Padded id matrix ({rows} × {cols})',
    stats: '{padded} zeros added and {truncated} words cut off.',
    row: 'Sentence to embed',
    sentence: 'Sentence {n}',
    embedding: 'Embedding of sentence {n} (rows: dimensions, columns: positions)',
    note: 'The embedding values are random initial values before training (−0.05…0.05); training moves the rows of similar words closer. Padding (id 0) has a row too, so a real model can mask it out.',
  },
);

const SENTENCES = {
  ko: {
    train: ['나는 아침에 책을 읽는다', '나는 책을 좋아한다', '그는 저녁에 영화를 아주 즐겨 본다'],
    test: '나는 저녁에 음악을 듣는다',
  },
  en: {
    train: ['I read a book', 'I like the book', 'she watches a movie every night with friends'],
    test: 'I read music at night',
  },
} as const;

const EMBED_SEED = 7;

export default function EmbeddingPadding({ id = 'embed' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const [state, set] = useWidgetState(id, EMBED_SCHEMA);
  const { train, test } = SENTENCES[lang];
  const all = useMemo(() => [...train, test], [train, test]);
  const vocab = useMemo(() => buildVocab(train), [train]);
  const ids = useMemo(() => all.map((s) => toIds(s, vocab)), [all, vocab]);
  const padded = useMemo(
    () => padSequences(ids, state.maxLen, state.padding, state.truncating),
    [ids, state.maxLen, state.padding, state.truncating],
  );
  const stats = paddingStats(ids, state.maxLen);
  const table = useMemo(
    () => embeddingTable(vocab.length, state.dim, EMBED_SEED),
    [vocab.length, state.dim],
  );
  const row = Math.min(state.row, padded.length - 1);
  const embedded = embedRow(padded[row]!, table);
  const byDim = Array.from({ length: state.dim }, (_, d) => embedded.map((v) => v[d]!));

  const sideButtons = (key: 'padding' | 'truncating') => (
    <div className="segmented" role="group" aria-label={t[key]}>
      {(['pre', 'post'] as const).map((side) => (
        <button
          key={side}
          type="button"
          aria-pressed={state[key] === side}
          onClick={() => set({ [key]: side })}
          data-side={side}
        >
          {t[side]}
        </button>
      ))}
    </div>
  );

  return (
    <section className="widget embed-padding" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <p className="muted">{t.train}</p>
      <ol className="embed-sentences">
        {train.map((s, k) => (
          <li key={k}>
            {s} <span className="muted">→ [{ids[k]!.join(', ')}]</span>
          </li>
        ))}
      </ol>
      <p className="muted">{t.test}</p>
      <p className="embed-sentences">
        {test}{' '}
        <span className="muted" data-testid="embed-test-ids">
          → [{ids[ids.length - 1]!.join(', ')}]
        </span>
      </p>
      <details>
        <summary>
          {t.vocab} ({vocab.length})
        </summary>
        <p className="embed-vocab">{vocab.map((w, k) => `${k}: ${w}`).join(' · ')}</p>
      </details>
      <div className="widget-controls embed-controls">
        <ParamSlider
          param={EMBED_SCHEMA.maxLen}
          value={state.maxLen}
          onChange={(maxLen) => set({ maxLen })}
          label={t.maxLen}
        />
        <span className="embed-side">
          <span className="muted">{t.padding}</span>
          {sideButtons('padding')}
        </span>
        <span className="embed-side">
          <span className="muted">{t.truncating}</span>
          {sideButtons('truncating')}
        </span>
      </div>
      <p>{format(t.matrix, { rows: padded.length, cols: state.maxLen })}</p>
      <div className="embed-table-wrap">
        <table className="embed-matrix" data-testid="embed-matrix">
          <tbody>
            {padded.map((r, k) => (
              <tr key={k} className={k === row ? 'is-current' : undefined}>
                <th scope="row">{format(t.sentence, { n: k + 1 })}</th>
                {r.map((v, j) => (
                  <td
                    key={j}
                    className={v === PAD_ID ? 'is-pad' : v === OOV_ID ? 'is-oov' : undefined}
                    title={vocab[v]}
                  >
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="embed-stats">{format(t.stats, stats)}</p>
      <div className="widget-controls embed-controls">
        <div className="segmented" role="group" aria-label={t.row}>
          {padded.map((_, k) => (
            <button key={k} type="button" aria-pressed={row === k} onClick={() => set({ row: k })}>
              {format(t.sentence, { n: k + 1 })}
            </button>
          ))}
        </div>
        <ParamSlider
          param={EMBED_SCHEMA.dim}
          value={state.dim}
          onChange={(dim) => set({ dim })}
          label={t.dim}
        />
      </div>
      <Heatmap
        values={byDim}
        rowLabels={Array.from({ length: state.dim }, (_, d) => `e${d + 1}`)}
        colLabels={padded[row]!.map((v) => vocab[v] ?? String(v))}
        domain={[-0.05, 0.05]}
        ariaLabel={format(t.embedding, { n: row + 1 })}
      />
      <p className="muted">{t.note}</p>
    </section>
  );
}
