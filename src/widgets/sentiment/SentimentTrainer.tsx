import { useId, useMemo } from 'react';
import { useClassroom } from '../../app/classroom';
import { summarizeModel } from '../../core/params';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { BATCH_SIZE, TRAINER_SCHEMA } from './trainerSchema';
import { datasetsStore, type DatasetId } from './training/datasets';
import { MODEL_KINDS, sentimentLayers, type SentimentModelKind } from './training/modelSpec';
import {
  cancelTraining,
  isBusy,
  startComparison,
  startTraining,
  useTrainView,
  type Curves,
  type TrainSettings,
} from './training/trainingStore';
import './sentiment.css';

const strings = defineStrings(
  'sentimentTrainer',
  {
    title: '브라우저에서 감성 분석 모델 학습하기',
    intro:
      '임베딩 → 순환층 → Dense(1, 시그모이드) 모델을 리뷰 데이터로 학습합니다. 데이터를 시드로 섞은 뒤 80%로 학습하고, 나머지 20%는 학습에 전혀 쓰지 않은 검증 데이터로 남겨 둡니다(어휘 사전도 학습 부분으로만 만듭니다). 학습은 웹 워커에서 돌아가므로 페이지는 멈추지 않습니다.',
    data: '데이터',
    imdb: 'IMDB 영어 리뷰 4,000개',
    ko: '한국어 리뷰 (교재용으로 작성)',
    custom: '내 데이터 (아래에서 불러오기)',
    noCustom:
      '아직 불러온 내 데이터가 없습니다. 아래 “내 데이터로 학습하기”에서 파일을 올리거나 붙여 넣으세요.',
    model: '모델',
    simpleRNN: 'SimpleRNN (단순 순환층)',
    lstm: 'LSTM (장단기 메모리)',
    gru: 'GRU (게이트 순환 유닛)',
    stacked: '강의의 쌓은 모델 (양방향 LSTM + 배치 정규화 + 드롭아웃)',
    vocab: '어휘 크기 (num_words)',
    len: '시퀀스 길이 (maxlen)',
    emb: '임베딩 차원',
    units: '유닛 수',
    epochs: '에포크',
    lr: '학습률 (Adam)',
    seed: '시드',
    summary: '모델 요약 (Keras의 model.summary()와 같은 파라미터 수)',
    layer: '층',
    shape: '출력 모양',
    params: '파라미터',
    total: '합계',
    train: '학습 시작',
    again: '다시 학습',
    cancel: '취소',
    compare: 'SimpleRNN과 LSTM 비교하기',
    progress: '학습 진행',
    progressText: '{epoch}/{epochs} 에포크 · 스텝 {step}/{steps}',
    eta: '남은 시간 약 {s}초',
    elapsed: '{s}초 지남',
    preparing: '데이터를 불러와 번호로 바꾸는 중…',
    backend: '워커 백엔드: {b}',
    split: '학습 {train}개 · 검증 {val}개 · 학습 부분의 <OOV> 비율 {oov}%',
    lossChart: '에포크별 손실 (학습·검증)',
    accChart: '에포크별 정확도 (학습·검증)',
    epochAxis: '에포크',
    lossAxis: '이진 교차 엔트로피',
    accAxis: '정확도',
    trainLoss: '학습 손실',
    valLoss: '검증 손실',
    trainAcc: '학습 정확도',
    valAcc: '검증 정확도',
    completed: '학습을 마쳤습니다. 검증 정확도 {acc}% ({n}개 중 {right}개), {s}초.',
    cancelled: '학습을 취소했습니다. 마친 에포크까지의 가중치로 평가합니다.',
    diverged: '학습이 발산해 멈췄습니다.',
    confusion: '혼동 행렬 (검증 데이터)',
    actual: '실제',
    predicted: '예측',
    neg: '부정 (0)',
    pos: '긍정 (1)',
    wrong: '틀린 리뷰 (가장 자신 있게 틀린 것부터)',
    wrongItem: '실제 {label}, 예측한 긍정 확률 {p}',
    compareTitle: 'SimpleRNN과 LSTM: 같은 데이터, 같은 설정',
    compareIntro:
      '위의 설정으로 SimpleRNN과 LSTM을 차례로 학습해 검증 정확도를 한 그래프에 그립니다. 긴 리뷰에서는 기울기가 먼 과거까지 전해지는 LSTM이 대개 앞섭니다.',
    compareChart: 'SimpleRNN과 LSTM의 에포크별 검증 정확도',
    comparing: '{model} 학습 중 ({epoch}/{epochs} 에포크)…',
    compareDone: '비교를 마쳤습니다.',
    valAccOf: '{model} 검증 정확도',
    trainAccOf: '{model} 학습 정확도',
  },
  {
    title: 'Train a sentiment model in the browser',
    intro:
      'An Embedding → recurrent layer → Dense(1, sigmoid) model learns from reviews. The data is shuffled by the seed; 80 % trains the model and the other 20 % is held out for validation, never seen in training (even the vocabulary is built from the training part only). Training runs in a Web Worker, so the page stays responsive.',
    data: 'Data',
    imdb: 'IMDB English reviews (4,000)',
    ko: 'Korean reviews (written for the textbook)',
    custom: 'My own data (load it below)',
    noCustom:
      'No data of your own is loaded yet. Upload or paste a file in “Train on your own data” below.',
    model: 'Model',
    simpleRNN: 'SimpleRNN',
    lstm: 'LSTM',
    gru: 'GRU',
    stacked: 'The course’s stacked model (bidirectional LSTMs + BatchNorm + dropout)',
    vocab: 'Vocabulary size (num_words)',
    len: 'Sequence length (maxlen)',
    emb: 'Embedding size',
    units: 'Units',
    epochs: 'Epochs',
    lr: 'Learning rate (Adam)',
    seed: 'Seed',
    summary: 'Model summary (parameter counts as in Keras’s model.summary())',
    layer: 'Layer',
    shape: 'Output shape',
    params: 'Parameters',
    total: 'Total',
    train: 'Start training',
    again: 'Train again',
    cancel: 'Cancel',
    compare: 'Compare SimpleRNN and LSTM',
    progress: 'Training progress',
    progressText: 'epoch {epoch}/{epochs} · step {step}/{steps}',
    eta: 'about {s} s left',
    elapsed: '{s} s elapsed',
    preparing: 'Loading the data and turning it into ids…',
    backend: 'Worker backend: {b}',
    split: '{train} for training · {val} for validation · <OOV> share in the training part {oov} %',
    lossChart: 'Loss by epoch (training and validation)',
    accChart: 'Accuracy by epoch (training and validation)',
    epochAxis: 'epoch',
    lossAxis: 'binary cross-entropy',
    accAxis: 'accuracy',
    trainLoss: 'training loss',
    valLoss: 'validation loss',
    trainAcc: 'training accuracy',
    valAcc: 'validation accuracy',
    completed: 'Training finished. Validation accuracy {acc} % ({right} of {n}), {s} s.',
    cancelled: 'Training cancelled; the weights of the finished epochs are evaluated.',
    diverged: 'Training diverged and stopped.',
    confusion: 'Confusion matrix (validation data)',
    actual: 'actual',
    predicted: 'predicted',
    neg: 'negative (0)',
    pos: 'positive (1)',
    wrong: 'Misclassified reviews (most confident mistakes first)',
    wrongItem: 'actually {label}; predicted positive probability {p}',
    compareTitle: 'SimpleRNN vs LSTM: same data, same settings',
    compareIntro:
      'Trains a SimpleRNN and then an LSTM with the settings above and draws both validation accuracies on one chart. On long reviews the LSTM, whose gradient reaches further back, usually wins.',
    compareChart: 'Validation accuracy by epoch, SimpleRNN and LSTM',
    comparing: 'training {model} (epoch {epoch}/{epochs})…',
    compareDone: 'Comparison finished.',
    valAccOf: '{model} validation accuracy',
    trainAccOf: '{model} training accuracy',
  },
);

const points = (values: number[]) =>
  values.flatMap((y, k) => (Number.isFinite(y) ? [{ x: k + 1, y }] : []));

export default function SentimentTrainer({ id = 'sent' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const dataId = useId();
  const modelId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, TRAINER_SCHEMA);
  const view = useTrainView();
  const datasets = datasetsStore.use();
  const busy = isBusy(view.status) || view.compare.status === 'running';
  const layers = useMemo(
    () =>
      sentimentLayers(state.model, {
        vocab: state.vocab,
        embedding: state.emb,
        units: state.units,
      }),
    [state.model, state.vocab, state.emb, state.units],
  );
  const summary = useMemo(() => summarizeModel(layers, [state.len]), [layers, state.len]);
  const settings: TrainSettings = {
    dataset: state.data,
    kind: state.model,
    vocab: state.vocab,
    maxlen: state.len,
    embedding: state.emb,
    units: state.units,
    epochs: state.epochs,
    learningRate: state.lr,
    batchSize: BATCH_SIZE,
    seed: state.seed,
  };
  const planned = view.settings?.epochs ?? state.epochs;
  const lossSeries = useMemo<ChartSeries[]>(
    () => [
      { id: 'loss', label: t.trainLoss, points: points(view.curves.loss) },
      { id: 'val', label: t.valLoss, points: points(view.curves.valLoss), dashed: true },
    ],
    [view.curves, t],
  );
  const accSeries = useMemo<ChartSeries[]>(
    () => [
      { id: 'acc', label: t.trainAcc, points: points(view.curves.acc) },
      { id: 'valAcc', label: t.valAcc, points: points(view.curves.valAcc), dashed: true },
    ],
    [view.curves, t],
  );
  const compareSeries = useMemo<ChartSeries[]>(
    () =>
      view.compare.curves.flatMap((c: Curves, k) => {
        const model = t[view.compare.kinds[k]!];
        return [
          {
            id: `v${k}`,
            label: format(t.valAccOf, { model }),
            points: points(c.valAcc),
            color: k === 0 ? 'var(--neg)' : 'var(--pos)',
          },
          {
            id: `t${k}`,
            label: format(t.trainAccOf, { model }),
            points: points(c.acc),
            color: k === 0 ? 'var(--neg)' : 'var(--pos)',
            dashed: true,
          },
        ];
      }),
    [view.compare, t],
  );
  const result = view.result;
  const customMissing = state.data === 'custom' && !datasets.loaded.custom;
  if (classroom.hidden.has('training')) return null;

  return (
    <section className="widget sent-train" aria-labelledby={titleId} data-status={view.status}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <fieldset className="widget-controls" disabled={busy}>
        <div className="sent-grid">
          <div>
            <label htmlFor={dataId}>{t.data}</label>
            <br />
            <select
              id={dataId}
              value={state.data}
              onChange={(e) => set({ data: e.target.value as DatasetId })}
            >
              <option value="imdb">{t.imdb}</option>
              <option value="ko">{t.ko}</option>
              <option value="custom">{t.custom}</option>
            </select>
          </div>
          <div>
            <label htmlFor={modelId}>{t.model}</label>
            <br />
            <select
              id={modelId}
              value={state.model}
              onChange={(e) => set({ model: e.target.value as SentimentModelKind })}
            >
              {MODEL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t[k]}
                </option>
              ))}
            </select>
          </div>
          <ParamSlider
            param={TRAINER_SCHEMA.vocab}
            value={state.vocab}
            onChange={(vocab) => set({ vocab })}
            label={t.vocab}
          />
          <ParamSlider
            param={TRAINER_SCHEMA.len}
            value={state.len}
            onChange={(len) => set({ len })}
            label={t.len}
          />
          <ParamSlider
            param={TRAINER_SCHEMA.emb}
            value={state.emb}
            onChange={(emb) => set({ emb })}
            label={t.emb}
          />
          <ParamSlider
            param={TRAINER_SCHEMA.units}
            value={state.units}
            onChange={(units) => set({ units })}
            label={t.units}
          />
          <ParamSlider
            param={TRAINER_SCHEMA.epochs}
            value={state.epochs}
            onChange={(epochs) => set({ epochs })}
            label={t.epochs}
          />
          <ParamSlider
            param={TRAINER_SCHEMA.lr}
            value={state.lr}
            onChange={(lr) => set({ lr })}
            label={t.lr}
            digits={4}
          />
          <ParamSlider
            param={TRAINER_SCHEMA.seed}
            value={state.seed}
            onChange={(seed) => set({ seed })}
            label={t.seed}
          />
        </div>
      </fieldset>

      <details className="sent-params" open>
        <summary>{t.summary}</summary>
        <div className="sent-scroll" tabIndex={0} role="region" aria-label={t.summary}>
          <table className="sent-table" data-testid="sent-summary">
            <thead>
              <tr>
                <th scope="col">{t.layer}</th>
                <th scope="col">{t.shape}</th>
                <th scope="col">{t.params}</th>
              </tr>
            </thead>
            <tbody>
              {summary.rows.map((row) => (
                <tr key={row.name}>
                  <td>{row.name}</td>
                  <td>({row.outputShape.map((d) => (d === null ? 'None' : d)).join(', ')})</td>
                  <td className="sent-num">{row.total.toLocaleString('en-US')}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" colSpan={2}>
                  {t.total}
                </th>
                <td className="sent-num" data-testid="sent-total-params">
                  {summary.total.toLocaleString('en-US')}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </details>

      <div className="sent-actions">
        {busy ? (
          <button type="button" className="button" onClick={cancelTraining}>
            {t.cancel}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button primary"
              onClick={() => void startTraining(settings)}
              data-testid="sent-train"
            >
              {view.status === 'idle' ? t.train : t.again}
            </button>
            <button type="button" className="button" onClick={() => void startComparison(settings)}>
              {t.compare}
            </button>
          </>
        )}
        <progress
          max={Math.max(1, view.totalSteps)}
          value={view.step}
          aria-label={t.progress}
          aria-valuetext={format(t.progressText, {
            epoch: view.epoch,
            epochs: planned,
            step: view.step,
            steps: view.totalSteps,
          })}
        />
        <span data-testid="sent-progress" aria-live="polite">
          {view.status === 'preparing'
            ? t.preparing
            : format(t.progressText, {
                epoch: view.epoch,
                epochs: planned,
                step: view.step,
                steps: view.totalSteps,
              })}
          {view.status === 'training' && view.eta !== null
            ? ` · ${format(t.eta, { s: Math.ceil(view.eta) })}`
            : ''}
          {view.elapsed > 0 ? ` · ${format(t.elapsed, { s: Math.round(view.elapsed) })}` : ''}
        </span>
      </div>
      {view.backend ? <p className="muted">{format(t.backend, { b: view.backend })}</p> : null}
      {view.trainCount > 0 ? (
        <p className="muted" data-testid="sent-split">
          {format(t.split, {
            train: view.trainCount,
            val: view.validationCount,
            oov: formatNumber(view.oovRate * 100, 1),
          })}
        </p>
      ) : null}
      {customMissing || view.status === 'error' ? (
        <p role="alert" className="sent-error">
          {view.status === 'error' && view.message ? view.message[lang] : t.noCustom}
        </p>
      ) : null}
      {view.status === 'diverged' ? (
        <p role="alert" className="sent-error">
          {t.diverged} {view.message?.[lang]}
        </p>
      ) : null}
      {view.status === 'cancelled' && result ? <p role="status">{t.cancelled}</p> : null}
      {view.status === 'completed' && result ? (
        <p role="status" data-testid="sent-result" data-accuracy={result.accuracy}>
          {format(t.completed, {
            acc: formatNumber(result.accuracy * 100, 1),
            right: result.confusion[0] + result.confusion[3],
            n: result.validationCount,
            s: Math.round(view.elapsed),
          })}
        </p>
      ) : null}

      {view.curves.loss.length > 0 ? (
        <div className="sent-grid">
          <LineChart
            series={lossSeries}
            xLabel={t.epochAxis}
            yLabel={t.lossAxis}
            xDomain={[1, Math.max(2, planned)]}
            height={200}
            ariaLabel={t.lossChart}
          />
          <LineChart
            series={accSeries}
            xLabel={t.epochAxis}
            yLabel={t.accAxis}
            xDomain={[1, Math.max(2, planned)]}
            yDomain={[0.4, 1]}
            height={200}
            ariaLabel={t.accChart}
          />
        </div>
      ) : null}

      {result ? (
        <div className="sent-grid">
          <div>
            <h4>{t.confusion}</h4>
            <div className="sent-scroll" tabIndex={0} role="region" aria-label={t.confusion}>
              <table className="sent-table sent-confusion" data-testid="sent-confusion">
                <thead>
                  <tr>
                    <td />
                    <th scope="col">
                      {t.predicted}: {t.neg}
                    </th>
                    <th scope="col">
                      {t.predicted}: {t.pos}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">
                      {t.actual}: {t.neg}
                    </th>
                    <td className="is-right">{result.confusion[0]}</td>
                    <td>{result.confusion[1]}</td>
                  </tr>
                  <tr>
                    <th scope="row">
                      {t.actual}: {t.pos}
                    </th>
                    <td>{result.confusion[2]}</td>
                    <td className="is-right">{result.confusion[3]}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </div>
          <div>
            <h4>{t.wrong}</h4>
            <ul className="sent-wrong" data-testid="sent-wrong">
              {result.misclassified.map((m, k) => (
                <li key={k}>
                  <q>{m.text.length > 220 ? `${m.text.slice(0, 220)}…` : m.text}</q>
                  <br />
                  <span className="muted">
                    {format(t.wrongItem, {
                      label: m.label ? t.pos : t.neg,
                      p: formatNumber(m.probability, 3),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <h4>{t.compareTitle}</h4>
      <p>{t.compareIntro}</p>
      {view.compare.status === 'running' ? (
        <p aria-live="polite">
          {format(t.comparing, {
            model: t[view.compare.kinds[view.compare.current]!],
            epoch: view.compare.epoch,
            epochs: state.epochs,
          })}
        </p>
      ) : null}
      {view.compare.status === 'done' ? <p role="status">{t.compareDone}</p> : null}
      {view.compare.status === 'error' && view.compare.message ? (
        <p role="alert" className="sent-error">
          {view.compare.message[lang]}
        </p>
      ) : null}
      {view.compare.curves.length > 0 ? (
        <LineChart
          series={compareSeries}
          xLabel={t.epochAxis}
          yLabel={t.accAxis}
          xDomain={[1, Math.max(2, state.epochs)]}
          yDomain={[0.4, 1]}
          height={220}
          ariaLabel={t.compareChart}
        />
      ) : null}
    </section>
  );
}
