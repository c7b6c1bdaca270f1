import { useId, useMemo, useState } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { OverflowBox } from '../cell/OverflowBox';
import { Segmented } from './Segmented';
import { CorpusInput } from './CorpusInput';
import { DocumentView } from './DocumentView';
import { IntertopicMap } from './IntertopicMap';
import { TopicBars } from './TopicBars';
import {
  cancelTraining,
  getCustomCorpus,
  isTraining,
  startTraining,
  useLdaView,
  type LdaView,
} from './ldaController';
import { customRequest, shippedRequest, type ExplorerSettings } from './ldaRequest';
import { LDA_CORPORA, LDA_METHODS, LDA_SCHEMA } from './ldaSchemas';
import { documentTopics, relevanceList, resultTables, topicBars } from './ldaView';
import { downloadCsv } from '../../ui/export/csv';
import { TOPIC_TEXT, topicColor } from './palette';
import './lda.css';

const strings = defineStrings(
  'ldaExplorer',
  {
    title: 'LDA 학습을 지켜보기',
    intro:
      '말뭉치와 토픽 수 K, 사전분포 α(문서-토픽)와 η(토픽-단어), 학습 방식을 고르고 학습시키세요. 변분 베이즈(배치 또는 온라인)가 웹 워커에서 돌며 반복마다 결과를 보내 옵니다.',
    corpus: '말뭉치',
    'corpus-ko': '한국어 주제 문서',
    'corpus-en': '영어 영화 리뷰 (IMDB 800편)',
    'corpus-custom': '직접 넣기',
    k: '토픽 수 K',
    alpha: '문서-토픽 사전분포 α',
    eta: '토픽-단어 사전분포 η',
    seed: '시드',
    iters: '반복 횟수 (max_iter)',
    minDf: '최소 문서 빈도 min_df (문서 수)',
    maxDf: '최대 문서 빈도 max_df (비율)',
    method: '학습 방식 (learning_method)',
    methodShort: '방식',
    'method-batch': '배치',
    'method-online': '온라인',
    'methodHint-batch':
      '배치 변분 베이즈: 반복마다 모든 문서의 E 단계를 마친 뒤 λ를 한 번 고칩니다. scikit-learn의 기본값입니다.',
    'methodHint-online':
      '온라인 변분 베이즈: 미니배치 하나를 볼 때마다 λ를 조금씩 옮기므로, 큰 말뭉치를 한 번 훑는 동안에도 토픽이 자랍니다.',
    decay: '학습 감쇠 κ (learning_decay)',
    decayHint:
      '걸음 크기 ρ = (τ₀ + t)^(−κ)가 줄어드는 빠르기입니다. 0.5보다 크고 1 이하여야 수렴합니다.',
    offset: '학습 오프셋 τ₀ (learning_offset)',
    offsetHint: '클수록 처음 몇 미니배치의 걸음이 작아져서 초기 추정에 덜 휘둘립니다.',
    batchSize: '미니배치 크기 (batch_size)',
    batchSizeHint: 'λ를 한 번 고칠 때 쓰는 문서 수입니다. 작을수록 자주 고치지만 잡음이 큽니다.',
    train: '학습 시작',
    retrain: '다시 학습',
    cancel: '멈추기',
    progress: '학습 진행',
    progressText: '반복 {i} / {n}',
    loading: '학습 스레드를 준비하는 중…',
    backend: '웹 워커에서 {backend} 백엔드로 학습합니다. 반복 한 번에 {ms}ms.',
    corpusInfo:
      '학습 문서 {docs}편, 단어장 {terms}개, 토큰 {tokens}개 (퍼플렉서티 확인용으로 {held}편은 빼 두었습니다). 빠진 단어: 불용어 {stop}개, min_df {min}개, max_df {max}개.',
    'status-finished': '학습을 마쳤습니다.',
    'status-cancelled': '학습을 멈췄습니다.',
    'error-empty-corpus':
      '말뭉치에 남은 단어가 없습니다. 문서를 넣거나 불용어·빈도 필터를 느슨하게 해 보세요.',
    'error-one-word':
      '말뭉치에 서로 다른 단어가 하나뿐입니다. 토픽을 나누려면 단어가 둘 이상 필요합니다.',
    'error-bad-input': '말뭉치를 읽을 수 없습니다: {error}',
    'error-failed': '학습 중 오류가 났습니다: {error}',
    chart: '반복별 퍼플렉서티',
    iterAxis: '반복',
    perplexityAxis: '퍼플렉서티',
    'series-train': '학습 문서 (scikit-learn 정의)',
    'series-heldout': '떼어 둔 문서 (scikit-learn 정의)',
    'series-completion': '떼어 둔 문서 (문서 완성)',
    docPick: '문서 번호',
    relevance: '관련도 가중치 λ',
    relevanceHeading: '토픽 {t}의 단어 순위 (관련도)',
    csvWords: '토픽별 상위 단어 CSV',
    csvDocs: '문서별 토픽 비율 CSV',
    relevanceNote:
      'λ = 1이면 p(단어|토픽) 순서, λ = 0이면 향상도 p(단어|토픽)/p(단어) 순서입니다. 중간 값은 둘을 섞습니다.',
    term: '단어',
    pwt: '토픽 안 확률 p(w|t)',
    pw: '전체 확률 p(w)',
    lift: '향상도',
    runs: '지난 학습 비교',
    runsCaption:
      '끝난 학습마다 한 줄: 토픽 수와 사전분포에 따라 일관성과 퍼플렉서티가 어떻게 바뀌는지 보세요.',
    meanCoherence: '평균 UMass 일관성',
    trainPpl: '학습 퍼플렉서티',
    heldPpl: '떼어 둔 문서 (sklearn)',
    completionPpl: '떼어 둔 문서 (문서 완성)',
    changed: '설정이 바뀌었습니다. 다시 학습하면 반영됩니다.',
    legend: '토픽 색',
    topic: '토픽 {t}',
  },
  {
    title: 'Watch LDA learn',
    intro:
      'Pick a corpus, the number of topics K, the priors α (document–topic) and η (topic–word) and the learning method, then train. Variational Bayes (batch or online) runs in a Web Worker and sends its state after every iteration.',
    corpus: 'corpus',
    'corpus-ko': 'Korean themed documents',
    'corpus-en': 'English film reviews (800 from IMDB)',
    'corpus-custom': 'Your own',
    k: 'number of topics K',
    alpha: 'document–topic prior α',
    eta: 'topic–word prior η',
    seed: 'seed',
    iters: 'iterations (max_iter)',
    minDf: 'min document frequency min_df (documents)',
    maxDf: 'max document frequency max_df (share)',
    method: 'learning method (learning_method)',
    methodShort: 'method',
    'method-batch': 'batch',
    'method-online': 'online',
    'methodHint-batch':
      "Batch variational Bayes: every iteration runs the E-step over all documents, then updates λ once. It is scikit-learn's default.",
    'methodHint-online':
      'Online variational Bayes: λ moves a little after every mini-batch, so the topics grow even within one pass over a large corpus.',
    decay: 'learning decay κ (learning_decay)',
    decayHint:
      'How fast the step size ρ = (τ₀ + t)^(−κ) shrinks; it must be above 0.5 and at most 1 to converge.',
    offset: 'learning offset τ₀ (learning_offset)',
    offsetHint:
      'Larger values shrink the steps of the first mini-batches, so early guesses weigh less.',
    batchSize: 'mini-batch size (batch_size)',
    batchSizeHint: 'Documents per λ update: smaller batches update more often, with more noise.',
    train: 'Train',
    retrain: 'Train again',
    cancel: 'Stop',
    progress: 'Training progress',
    progressText: 'iteration {i} / {n}',
    loading: 'Starting the training thread…',
    backend: 'Training in a Web Worker on the {backend} backend; {ms} ms per iteration.',
    corpusInfo:
      '{docs} training documents, {terms} terms, {tokens} tokens ({held} documents held out for perplexity). Removed terms: {stop} stop words, {min} by min_df, {max} by max_df.',
    'status-finished': 'Training finished.',
    'status-cancelled': 'Training stopped.',
    'error-empty-corpus':
      'No words are left in the corpus. Add documents, or loosen the stop words and frequency filters.',
    'error-one-word': 'The corpus has only one distinct word; topics need at least two.',
    'error-bad-input': 'The corpus could not be read: {error}',
    'error-failed': 'Training failed: {error}',
    chart: 'Perplexity by iteration',
    iterAxis: 'iteration',
    perplexityAxis: 'perplexity',
    'series-train': 'training documents (scikit-learn)',
    'series-heldout': 'held-out documents (scikit-learn)',
    'series-completion': 'held-out documents (completion)',
    docPick: 'document number',
    relevance: 'relevance weight λ',
    relevanceHeading: 'Terms of topic {t} ranked by relevance',
    csvWords: 'Top words per topic (CSV)',
    csvDocs: 'Topic proportions per document (CSV)',
    relevanceNote:
      'λ = 1 ranks by p(word|topic), λ = 0 by lift p(word|topic)/p(word); values between mix the two.',
    term: 'term',
    pwt: 'in-topic p(w|t)',
    pw: 'overall p(w)',
    lift: 'lift',
    runs: 'Earlier trainings',
    runsCaption:
      'One row per finished training: see how coherence and perplexity move with the number of topics and the priors.',
    meanCoherence: 'mean UMass coherence',
    trainPpl: 'training perplexity',
    heldPpl: 'held-out (sklearn)',
    completionPpl: 'held-out (completion)',
    changed: 'The settings changed; train again to apply them.',
    legend: 'Topic colours',
    topic: 'Topic {t}',
  },
);

/** The online method's settings, in the order they are shown. */
const ONLINE_PARAMS = ['decay', 'offset', 'batchSize'] as const;

function errorText(t: Record<string, string>, view: LdaView): string {
  const key = `error-${view.errorCode ?? 'failed'}`;
  return format(t[key] ?? t['error-failed']!, { error: view.error ?? '' });
}

export default function LdaExplorer({ id = 'lda' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const [state, set] = useWidgetState(id, LDA_SCHEMA);
  const view = useLdaView();
  const busy = isTraining(view.status);
  const [starting, setStarting] = useState(false);
  const settings: ExplorerSettings = {
    corpus: state.corpus,
    k: state.k,
    alpha: state.alpha,
    eta: state.eta,
    seed: state.seed,
    iters: state.iters,
    minDf: state.minDf,
    maxDf: state.maxDf,
    method: state.method,
    decay: state.decay,
    offset: state.offset,
    batchSize: state.batchSize,
  };
  const latest = view.latest;
  const corpus = view.corpus;
  const k = view.settings?.k ?? state.k;
  const ready = latest && corpus && latest.lambda.length === k * corpus.nTerms ? latest : null;
  const topic = Math.min(state.topic, k - 1);
  const doc = corpus ? Math.min(state.doc, corpus.nDocs - 1) : 0;

  const start = async () => {
    setStarting(true);
    try {
      const request =
        settings.corpus === 'custom'
          ? customRequest(settings, getCustomCorpus())
          : await shippedRequest(settings, settings.corpus);
      await startTraining(request, {
        corpus: settings.corpus,
        k: settings.k,
        alpha: settings.alpha,
        eta: settings.eta,
        seed: settings.seed,
        iters: settings.iters,
        method: settings.method,
        decay: settings.decay,
        offset: settings.offset,
        batchSize: settings.batchSize,
      });
    } finally {
      setStarting(false);
    }
  };

  const series: ChartSeries[] = useMemo(() => {
    const h = view.history;
    const out: ChartSeries[] = [
      {
        id: 'train',
        label: t['series-train'],
        points: h.map((p) => ({ x: p.iteration, y: p.perplexity })),
      },
    ];
    if (h.some((p) => p.heldOutPerplexity !== null)) {
      out.push({
        id: 'heldout',
        label: t['series-heldout'],
        dashed: true,
        points: h.map((p) => ({ x: p.iteration, y: p.heldOutPerplexity ?? NaN })),
      });
      out.push({
        id: 'completion',
        label: t['series-completion'],
        points: h.map((p) => ({ x: p.iteration, y: p.completionPerplexity ?? NaN })),
      });
    }
    return out;
  }, [view.history, t]);

  const bars = useMemo(
    () => (ready && corpus ? topicBars(ready, corpus, k, 8) : null),
    [ready, corpus, k],
  );
  const docView = useMemo(
    () => (ready && corpus && corpus.nDocs > 0 ? documentTopics(ready, corpus, k, doc) : null),
    [ready, corpus, k, doc],
  );
  const ranked = useMemo(
    () => (ready && corpus ? relevanceList(ready, corpus, k, topic, state.lambda, 10) : null),
    [ready, corpus, k, topic, state.lambda],
  );
  const ran = view.settings;
  const changed =
    ran !== null &&
    (ran.corpus !== state.corpus ||
      ran.k !== state.k ||
      ran.alpha !== state.alpha ||
      ran.eta !== state.eta ||
      ran.seed !== state.seed ||
      ran.iters !== state.iters ||
      ran.method !== state.method ||
      (state.method === 'online' &&
        (ran.decay !== state.decay ||
          ran.offset !== state.offset ||
          ran.batchSize !== state.batchSize)));

  return (
    <section className="widget lda-explorer" aria-labelledby={titleId} data-status={view.status}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <fieldset className="widget-controls lda-settings" disabled={busy}>
        <Segmented
          label={t.corpus}
          values={LDA_CORPORA}
          value={state.corpus}
          onChange={(c) => set({ corpus: c })}
          text={(c) => t[`corpus-${c}`]}
        />
        {state.corpus === 'custom' && <CorpusInput />}
        <div className="lda-sliders">
          <ParamSlider
            param={LDA_SCHEMA.k}
            value={state.k}
            onChange={(v) => set({ k: v })}
            label={t.k}
          />
          <ParamSlider
            param={LDA_SCHEMA.alpha}
            value={state.alpha}
            onChange={(v) => set({ alpha: v })}
            label={t.alpha}
          />
          <ParamSlider
            param={LDA_SCHEMA.eta}
            value={state.eta}
            onChange={(v) => set({ eta: v })}
            label={t.eta}
          />
          <ParamSlider
            param={LDA_SCHEMA.iters}
            value={state.iters}
            onChange={(v) => set({ iters: v })}
            label={t.iters}
          />
          <ParamSlider
            param={LDA_SCHEMA.seed}
            value={state.seed}
            onChange={(v) => set({ seed: v })}
            label={t.seed}
          />
          <ParamSlider
            param={LDA_SCHEMA.minDf}
            value={state.minDf}
            onChange={(v) => set({ minDf: v })}
            label={t.minDf}
          />
          <ParamSlider
            param={LDA_SCHEMA.maxDf}
            value={state.maxDf}
            onChange={(v) => set({ maxDf: v })}
            label={t.maxDf}
          />
        </div>
        <div className="lda-method">
          <Segmented
            label={t.method}
            values={LDA_METHODS}
            value={state.method}
            onChange={(m) => set({ method: m })}
            text={(m) => t[`method-${m}`]}
          />
          <p className="muted lda-hint" data-testid="lda-method-hint">
            {t[`methodHint-${state.method}`]}
          </p>
        </div>
        {state.method === 'online' && (
          <div className="lda-sliders lda-online" data-testid="lda-online">
            {ONLINE_PARAMS.map((name) => (
              <div key={name} className="lda-param">
                <ParamSlider
                  param={LDA_SCHEMA[name]}
                  value={state[name]}
                  onChange={(v) => set({ [name]: v })}
                  label={t[name]}
                />
                <p className="muted lda-hint">{t[`${name}Hint`]}</p>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <div className="lda-actions">
        {busy ? (
          <button type="button" className="button" onClick={cancelTraining}>
            {t.cancel}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={starting}
            onClick={() => void start()}
          >
            {view.status === 'idle' ? t.train : t.retrain}
          </button>
        )}
        <progress
          max={ran?.iters ?? state.iters}
          value={latest?.iteration ?? 0}
          aria-label={t.progress}
          aria-valuetext={format(t.progressText, {
            i: latest?.iteration ?? 0,
            n: ran?.iters ?? state.iters,
          })}
        />
        <span data-testid="lda-progress">
          {view.status === 'loading'
            ? t.loading
            : format(t.progressText, { i: latest?.iteration ?? 0, n: ran?.iters ?? state.iters })}
        </span>
      </div>
      {changed && !busy && <p className="muted">{t.changed}</p>}
      {view.backend && latest && (
        <p className="muted" data-testid="lda-backend">
          {format(t.backend, { backend: view.backend, ms: Math.round(latest.ms) })}
        </p>
      )}
      {corpus && (
        <p className="muted" data-testid="lda-corpus-info">
          {format(t.corpusInfo, {
            docs: corpus.nDocs,
            terms: corpus.nTerms,
            tokens: corpus.nTokens,
            held: corpus.heldOutDocs,
            stop: corpus.removed.stopWords,
            min: corpus.removed.minDf,
            max: corpus.removed.maxDf,
          })}
        </p>
      )}
      <p
        role="status"
        className={view.status === 'error' ? 'lda-error' : 'muted'}
        data-testid="lda-status"
      >
        {view.status === 'error'
          ? errorText(t, view)
          : view.status === 'finished' || view.status === 'cancelled'
            ? t[`status-${view.status}`]
            : ''}
      </p>
      {view.history.length > 0 && (
        <LineChart
          series={series}
          xLabel={t.iterAxis}
          yLabel={t.perplexityAxis}
          yScale="log"
          xDomain={[1, Math.max(2, ran?.iters ?? state.iters)]}
          height={220}
          ariaLabel={t.chart}
        />
      )}
      {ready && corpus && bars && (
        <>
          <ul className="lda-legend" aria-label={t.legend}>
            {Array.from({ length: k }, (_, i) => (
              <li key={i} style={{ background: topicColor(i), color: TOPIC_TEXT }}>
                {format(t.topic, { t: i + 1 })}: {bars[i]?.[0]?.term ?? ''}
              </li>
            ))}
          </ul>
          <TopicBars
            bars={bars}
            coherence={ready.coherence}
            selected={topic}
            onSelect={(v) => set({ topic: v })}
          />
          {docView && (
            <>
              <div className="lda-sliders">
                <ParamSlider
                  param={{ ...LDA_SCHEMA.doc, max: Math.max(1, corpus.nDocs - 1) }}
                  value={doc}
                  onChange={(v) => set({ doc: v })}
                  label={t.docPick}
                />
              </div>
              <DocumentView
                tokens={corpus.tokens[doc] ?? []}
                topics={docView.topics}
                theta={docView.theta}
                label={corpus.labels?.[doc] ?? null}
              />
            </>
          )}
          <div className="lda-map-row">
            <IntertopicMap
              map={ready.map}
              prevalence={ready.prevalence}
              selected={topic}
              onSelect={(v) => set({ topic: v })}
            />
            <div className="lda-relevance">
              <ParamSlider
                param={LDA_SCHEMA.lambda}
                value={state.lambda}
                onChange={(v) => set({ lambda: v })}
                label={t.relevance}
              />
              <p className="muted">{t.relevanceNote}</p>
              <OverflowBox label={format(t.relevanceHeading, { t: topic + 1 })}>
                <table data-testid="lda-relevance">
                  <caption>{format(t.relevanceHeading, { t: topic + 1 })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.term}</th>
                      <th scope="col">{t.pwt}</th>
                      <th scope="col">{t.pw}</th>
                      <th scope="col">{t.lift}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranked?.map((r) => (
                      <tr key={r.term}>
                        <th scope="row">{r.term}</th>
                        <td className="num">{formatNumber(r.p, 4)}</td>
                        <td className="num">{formatNumber(r.pw, 4)}</td>
                        <td className="num">{formatNumber(r.p / r.pw, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </OverflowBox>
            </div>
          </div>
          <p className="lda-downloads">
            <button
              type="button"
              className="button"
              data-testid="lda-csv-words"
              onClick={() => {
                const rows = resultTables(ready, corpus, k, 20).topicWords;
                downloadCsv(
                  'lda-topic-words.csv',
                  ['topic', 'rank', 'term', 'p_term_given_topic'],
                  rows,
                );
              }}
            >
              {t.csvWords}
            </button>{' '}
            <button
              type="button"
              className="button"
              data-testid="lda-csv-docs"
              onClick={() => {
                const rows = resultTables(ready, corpus, k, 20).documentTopics;
                const topics = Array.from({ length: k }, (_, i) => `topic_${i + 1}`);
                downloadCsv('lda-document-topics.csv', ['document', ...topics], rows);
              }}
            >
              {t.csvDocs}
            </button>
          </p>
        </>
      )}
      {view.runs.length > 0 && (
        <OverflowBox label={t.runs}>
          <table data-testid="lda-runs">
            <caption>{t.runs}</caption>
            <thead>
              <tr>
                <th scope="col">{t.corpus}</th>
                <th scope="col">{t.methodShort}</th>
                <th scope="col">K</th>
                <th scope="col">α</th>
                <th scope="col">η</th>
                <th scope="col">{t.meanCoherence}</th>
                <th scope="col">{t.trainPpl}</th>
                <th scope="col">{t.heldPpl}</th>
                <th scope="col">{t.completionPpl}</th>
              </tr>
            </thead>
            <tbody>
              {view.runs.map((r, i) => (
                <tr key={i}>
                  <td>{t[`corpus-${r.settings.corpus}` as 'corpus-ko'] ?? r.settings.corpus}</td>
                  <td>{t[`method-${r.settings.method}`]}</td>
                  <td className="num">{r.settings.k}</td>
                  <td className="num">{r.settings.alpha}</td>
                  <td className="num">{r.settings.eta}</td>
                  <td className="num">{formatNumber(r.meanCoherence, 1)}</td>
                  <td className="num">{formatNumber(r.perplexity, 0)}</td>
                  <td className="num">
                    {r.heldOutPerplexity === null ? '–' : formatNumber(r.heldOutPerplexity, 0)}
                  </td>
                  <td className="num">
                    {r.completionPerplexity === null
                      ? '–'
                      : formatNumber(r.completionPerplexity, 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t.runsCaption}</p>
        </OverflowBox>
      )}
    </section>
  );
}
