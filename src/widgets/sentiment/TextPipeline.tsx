import { useId, useMemo, useState } from 'react';
import { CLEANING_RULES, OOV_ID, PAD_ID, type CleaningRuleId } from '../../core/text';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { ParamSlider } from '../../ui/ParamSlider';
import { PIPELINE_SCHEMA } from './pipelineSchema';
import { runPipeline } from './pipelineModel';
import { SAMPLE_IDS, SAMPLES, type SampleId } from './samples';
import './sentiment.css';

const strings = defineStrings(
  'textPipeline',
  {
    title: '문장이 숫자가 되기까지: 텍스트 파이프라인',
    intro:
      '문장을 고르거나 직접 입력하면 정제 → 토큰화 → (조사 제거·자르기) → 어휘 사전 → 번호 → 패딩 → 임베딩의 모든 단계가 바로 바뀝니다. 어휘 사전은 아래 말뭉치(한국어·영어 짧은 리뷰 16개)로 만듭니다.',
    sample: '예문',
    own: '직접 입력',
    text: '문장',
    s1: '정제 (정규 표현식)',
    s1Help: '켜진 규칙만 위에서부터 차례로 적용합니다.',
    after: '적용 뒤',
    unchanged: '(바뀐 것 없음)',
    s2: '토큰화와 단어 다듬기',
    josa: '조사 떼기 (영화가 → 영화)',
    josaHelp:
      '목록에 있는 조사를 단어 끝에서 하나만 뗍니다. 받침에 맞는 조사만(책을, 영화를) 떼고, 에·의·도·만처럼 아무 데나 붙는 조사는 두 음절 이상 남을 때만 떼므로 정도, 회의 같은 단어는 그대로 둡니다.',
    trunc: '단어 자르기 (글자 수, 0 = 끄기)',
    truncHelp:
      '강의에서는 한국어 단어를 앞 5글자만 남겨 “재미있었어요”와 “재미있었다”를 같은 단어로 봅니다.',
    stop: '불용어 빼기 (stopwords-iso)',
    stopHelp:
      '영어 목록에는 good, great, like도 들어 있어 감성 분석에는 해가 됩니다. 부정어(not, 안, 못)는 남깁니다.',
    token: '토큰',
    stem: '조사 뗀 뒤',
    word: '최종 단어',
    removed: '불용어로 빠짐',
    noTokens: '남은 토큰이 없습니다.',
    s3: '어휘 사전 (가장 자주 나온 단어 N개)',
    vocabSize: '어휘 크기 N (0번 <PAD>, 1번 <OOV> 포함)',
    vocabNote: '말뭉치의 단어 {all}개 중 번호 {size}개(0…{max})만 씁니다. 나머지는 <OOV>가 됩니다.',
    count: '{n}번',
    s4: '번호로 바꾸기',
    oovNote: '사전에 없는 단어 {n}개가 <OOV>(1번)가 되었습니다.',
    s5: '패딩과 자르기',
    maxlen: '길이 (maxlen)',
    padSide: '패딩 위치',
    cutSide: '자르는 위치',
    pre: '앞 (pre)',
    post: '뒤 (post)',
    padded: '길이 {n}로 맞춘 번호',
    s6: '임베딩: 번호마다 행렬의 한 행',
    dim: '임베딩 차원',
    embedNote:
      '임베딩 행렬은 (어휘 크기 × 차원)입니다. 번호 k는 k번째 행을 꺼내 올 뿐이며, 값은 학습 전 무작위 초기값(−0.05…0.05)입니다.',
    position: '위치',
    id: '번호',
  },
  {
    title: 'From a sentence to numbers: the text pipeline',
    intro:
      'Pick or type a sentence and every stage updates at once: cleaning → tokens → (particle stripping, truncation) → vocabulary → ids → padding → embedding. The vocabulary is built from the small corpus below (16 short reviews in Korean and English).',
    sample: 'Example',
    own: 'my own',
    text: 'Sentence',
    s1: 'Cleaning (regular expressions)',
    s1Help: 'Only the rules that are on run, top to bottom.',
    after: 'after',
    unchanged: '(nothing changed)',
    s2: 'Tokens and word shaping',
    josa: 'Strip Korean particles (josa)',
    josaHelp:
      'Strips one listed particle from the end of a word, and only the form that fits the final consonant; particles that fit after any syllable only go when two syllables stay, so nouns that merely end like a particle are kept.',
    trunc: 'Cut words to N characters (0 = off)',
    truncHelp:
      'The course keeps the first 5 characters of each Korean word, so two endings of one verb become the same word.',
    stop: 'Remove stop words (stopwords-iso)',
    stopHelp:
      'The English list also holds good, great and like, which hurts sentiment analysis. Negations (not, no, never and their Korean counterparts) are kept.',
    token: 'token',
    stem: 'without particle',
    word: 'final word',
    removed: 'removed as a stop word',
    noTokens: 'No tokens left.',
    s3: 'Vocabulary (the N most frequent words)',
    vocabSize: 'Vocabulary size N (with <PAD> 0 and <OOV> 1)',
    vocabNote:
      'Of the corpus’s {all} words only ids 0…{max} ({size}) are used; the rest become <OOV>.',
    count: '×{n}',
    s4: 'Words to ids',
    oovNote: '{n} words not in the vocabulary became <OOV> (id 1).',
    s5: 'Padding and truncation',
    maxlen: 'Length (maxlen)',
    padSide: 'Padding side',
    cutSide: 'Truncation side',
    pre: 'front (pre)',
    post: 'back (post)',
    padded: 'Ids at length {n}',
    s6: 'Embedding: one matrix row per id',
    dim: 'Embedding size',
    embedNote:
      'The embedding matrix is (vocabulary size × dimensions). Id k just fetches row k; the values are the random initial values before training (−0.05…0.05).',
    position: 'position',
    id: 'id',
  },
);

const RULE_KEYS: Record<CleaningRuleId, 'html' | 'url' | 'keepChars' | 'lowercase' | 'spaces'> = {
  html: 'html',
  url: 'url',
  keepChars: 'keepChars',
  lowercase: 'lowercase',
  spaces: 'spaces',
};

/** The typed sentence lives in page memory (the URL schema holds choices and numbers). */
let ownText = '';

function shade(value: number): string {
  const a = Math.min(1, Math.abs(value) / 0.05);
  return value >= 0
    ? `color-mix(in srgb, var(--pos) ${Math.round(a * 45)}%, transparent)`
    : `color-mix(in srgb, var(--neg) ${Math.round(a * 45)}%, transparent)`;
}

export default function TextPipeline({ id = 'pipe' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const textId = useId();
  const sampleId = useId();
  const [state, set] = useWidgetState(id, PIPELINE_SCHEMA);
  const [typed, setTyped] = useState(ownText);
  const text = state.sample === 'own' ? typed : SAMPLES[state.sample];
  const cleaningKey = CLEANING_RULES.filter((r) => state[RULE_KEYS[r.id]])
    .map((r) => r.id)
    .join(',');
  const view = useMemo(
    () =>
      runPipeline(text, {
        cleaning: cleaningKey ? (cleaningKey.split(',') as CleaningRuleId[]) : [],
        josa: state.josa,
        truncate: state.trunc,
        stopwords: state.stop,
        vocab: state.vocab,
        maxlen: state.maxlen,
        padding: state.pad,
        truncating: state.cut,
        dim: state.dim,
      }),
    [text, cleaningKey, state],
  );
  const oovCount = view.ids.filter((i) => i === OOV_ID).length;

  return (
    <section className="widget sent-pipe" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <div className="sent-row">
        <label htmlFor={sampleId}>{t.sample}</label>
        <select
          id={sampleId}
          value={state.sample}
          onChange={(e) => {
            const sample = e.target.value as SampleId | 'own';
            if (sample === 'own' && !ownText && state.sample !== 'own') {
              ownText = SAMPLES[state.sample];
              setTyped(ownText);
            }
            set({ sample });
          }}
        >
          {SAMPLE_IDS.map((s) => (
            <option key={s} value={s}>
              {SAMPLES[s].slice(0, 40)}
            </option>
          ))}
          <option value="own">{t.own}</option>
        </select>
      </div>
      <label htmlFor={textId} className="sent-label">
        {t.text}
      </label>
      <textarea
        id={textId}
        className="sent-textarea"
        rows={2}
        value={text}
        data-testid="pipe-input"
        onChange={(e) => {
          ownText = e.target.value;
          setTyped(ownText);
          if (state.sample !== 'own') set({ sample: 'own' });
        }}
      />

      <h4>1. {t.s1}</h4>
      <p className="muted">{t.s1Help}</p>
      <ol className="sent-rules">
        {CLEANING_RULES.map((rule) => {
          const on = state[RULE_KEYS[rule.id]];
          const step = view.stages.cleaning.find((s) => s.id === rule.id);
          return (
            <li key={rule.id} className={on ? 'is-on' : 'is-off'}>
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => set({ [RULE_KEYS[rule.id]]: e.target.checked })}
                />{' '}
                <code>{rule.source}</code>
                {rule.replacement === ' ' ? <code> → ' '</code> : null}
              </label>
              <span className="sent-rule-desc">{rule.description[lang]}</span>
              {step ? (
                <span className="sent-after" data-testid={`pipe-after-${rule.id}`}>
                  {t.after}: <q>{step.text}</q> {step.changed ? null : <em>{t.unchanged}</em>}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="sent-cleaned" data-testid="pipe-cleaned">
        <q>{view.stages.cleaned}</q>
      </p>

      <h4>2. {t.s2}</h4>
      <div className="widget-controls sent-controls">
        <label>
          <input
            type="checkbox"
            checked={state.josa}
            onChange={(e) => set({ josa: e.target.checked })}
          />{' '}
          {t.josa}
        </label>
        <ParamSlider
          param={PIPELINE_SCHEMA.trunc}
          value={state.trunc}
          onChange={(trunc) => set({ trunc })}
          label={t.trunc}
        />
        <label>
          <input
            type="checkbox"
            checked={state.stop}
            onChange={(e) => set({ stop: e.target.checked })}
          />{' '}
          {t.stop}
        </label>
      </div>
      <p className="muted">
        {t.josaHelp} {t.truncHelp} {t.stopHelp}
      </p>
      <div className="sent-scroll" tabIndex={0} role="region" aria-label={t.s2}>
        {view.stages.tokens.length === 0 ? (
          <p>{t.noTokens}</p>
        ) : (
          <table className="sent-table" data-testid="pipe-tokens">
            <thead>
              <tr>
                <th scope="col">{t.token}</th>
                <th scope="col">{t.stem}</th>
                <th scope="col">{t.word}</th>
              </tr>
            </thead>
            <tbody>
              {view.stages.tokens.map((tok, k) => (
                <tr key={k} className={tok.stopword ? 'is-stop' : undefined}>
                  <td>{tok.raw}</td>
                  <td>
                    {tok.stem}
                    {tok.josa ? <span className="sent-josa"> +{tok.josa}</span> : null}
                  </td>
                  <td>
                    {tok.stopword ? <s>{tok.word}</s> : tok.word}
                    {tok.stopword ? <span className="sr-only"> ({t.removed})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <h4>3. {t.s3}</h4>
      <ParamSlider
        param={PIPELINE_SCHEMA.vocab}
        value={state.vocab}
        onChange={(vocab) => set({ vocab })}
        label={t.vocabSize}
      />
      <p className="muted">
        {format(t.vocabNote, {
          all: view.vocabulary.words.length - 2,
          size: view.vocabulary.size,
          max: view.vocabulary.size - 1,
        })}
      </p>
      <ol className="sent-vocab" start={0} data-testid="pipe-vocab">
        {view.vocabulary.words.slice(0, view.vocabulary.size).map((w, k) => (
          <li key={w} value={k}>
            <span className="sent-id">{k}</span> {w}
            {k > 1 ? (
              <span className="muted"> {format(t.count, { n: view.vocabulary.counts[k]! })}</span>
            ) : null}
          </li>
        ))}
      </ol>

      <h4>4. {t.s4}</h4>
      <ul className="sent-chips" data-testid="pipe-ids">
        {view.stages.words.map((w, k) => (
          <li key={k} className={view.ids[k] === OOV_ID ? 'is-oov' : undefined}>
            {w} → <strong>{view.ids[k]}</strong>
          </li>
        ))}
      </ul>
      {oovCount > 0 ? <p className="muted">{format(t.oovNote, { n: oovCount })}</p> : null}

      <h4>5. {t.s5}</h4>
      <div className="widget-controls sent-controls">
        <ParamSlider
          param={PIPELINE_SCHEMA.maxlen}
          value={state.maxlen}
          onChange={(maxlen) => set({ maxlen })}
          label={t.maxlen}
        />
        <fieldset className="sent-radios">
          <legend>{t.padSide}</legend>
          {(['pre', 'post'] as const).map((side) => (
            <label key={side}>
              <input
                type="radio"
                name={`${id}-pad`}
                checked={state.pad === side}
                onChange={() => set({ pad: side })}
              />{' '}
              {t[side]}
            </label>
          ))}
        </fieldset>
        <fieldset className="sent-radios">
          <legend>{t.cutSide}</legend>
          {(['pre', 'post'] as const).map((side) => (
            <label key={side}>
              <input
                type="radio"
                name={`${id}-cut`}
                checked={state.cut === side}
                onChange={() => set({ cut: side })}
              />{' '}
              {t[side]}
            </label>
          ))}
        </fieldset>
      </div>
      <p>{format(t.padded, { n: state.maxlen })}</p>
      <ol
        className="sent-padded"
        data-testid="pipe-padded"
        aria-label={format(t.padded, { n: state.maxlen })}
      >
        {view.padded.map((v, k) => (
          <li key={k} className={v === PAD_ID ? 'is-pad' : v === OOV_ID ? 'is-oov' : undefined}>
            {v}
          </li>
        ))}
      </ol>

      <h4>6. {t.s6}</h4>
      <ParamSlider
        param={PIPELINE_SCHEMA.dim}
        value={state.dim}
        onChange={(dim) => set({ dim })}
        label={t.dim}
      />
      <p className="muted">{t.embedNote}</p>
      <div className="sent-scroll" tabIndex={0} role="region" aria-label={t.s6}>
        <table className="sent-table sent-embed" data-testid="pipe-embedding">
          <thead>
            <tr>
              <th scope="col">{t.position}</th>
              <th scope="col">{t.id}</th>
              <th scope="col">{t.word}</th>
              {Array.from({ length: state.dim }, (_, d) => (
                <th scope="col" key={d}>
                  e<sub>{d + 1}</sub>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.padded.map((v, k) => (
              <tr key={k}>
                <td>{k + 1}</td>
                <td>{v}</td>
                <td>{view.vocabulary.words[v]}</td>
                {view.embedding[k]!.map((x, d) => (
                  <td key={d} className="sent-num" style={{ background: shade(x) }}>
                    {x.toFixed(3)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
