import { useId, useMemo } from 'react';
import { useClassroom } from '../../app/classroom';
import { nextCharacterTask } from '../../core/data';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { prefersReducedMotion } from '../../ui/motion';
import { ParamSlider } from '../../ui/ParamSlider';
import { DEFAULT_CELL_ID, LSTM_CELL_SCHEMA, LSTM_TRAIN_SCHEMA } from './lstmSchemas';
import {
  cancelTraining,
  isBusy,
  startTraining,
  useTrainingView,
  type TrainingStatus,
} from './trainingController';
import { useTrained } from './trainedStore';
import './lstm.css';

const strings = defineStrings(
  'lstmTraining',
  {
    title: '직접 학습시키기: “hihello” 다음 글자 예측',
    intro:
      '입력 h, i, h, e, l, l을 원-핫으로 한 글자씩 읽고 타임 스텝마다 다음 글자(i, h, e, l, l, o)를 맞히도록 LSTM → Dense(소프트맥스)를 학습시킵니다. 손실은 여섯 타임 스텝의 교차 엔트로피 평균(시퀀스 손실), 옵티마이저는 Adam입니다.',
    hidden: '은닉 유닛 수',
    lr: '학습률',
    epochs: '에포크',
    seed: '시드',
    train: '학습 시작',
    again: '다시 학습',
    cancel: '취소',
    progress: '학습 진행',
    progressText: '{epoch} / {epochs} 에포크',
    loading: 'TensorFlow.js를 불러오는 중…',
    lossLabel: '손실 (시퀀스 평균 교차 엔트로피)',
    epochAxis: '에포크',
    lossAxis: '손실',
    chart: '에포크별 학습 손실',
    noRun: '아직 학습하지 않았습니다. “학습 시작”을 누르세요.',
    inputRow: '입력',
    targetRow: '정답',
    predictionRow: '예측',
    accuracy: '정확도 {correct}/{steps}',
    right: '맞음',
    wrong: '틀림',
    'status-completed': '학습을 마쳤습니다: {epochs} 에포크, {seconds}초.',
    'status-cancelled': '{epochs} 에포크에서 학습을 취소했습니다.',
    'status-diverged': '학습이 발산했습니다.',
    'status-error': '학습 중 오류가 났습니다.',
    showInCell: '위의 셀 그림에서 학습한 셀 보기',
    modelNote:
      '학습이 끝나면 모델은 이 페이지의 메모리에 남습니다 (링크에는 담기지 않습니다). 셀 그림의 “학습한 모델”로 게이트가 어떻게 열리는지 볼 수 있습니다.',
  },
  {
    title: 'Train it yourself: predict the next character of “hihello”',
    intro:
      'An LSTM → Dense (softmax) reads h, i, h, e, l, l one-hot, one character at a time, and learns to guess the next character (i, h, e, l, l, o) at every time step. The loss is the mean cross-entropy over the six time steps (the sequence loss); the optimizer is Adam.',
    hidden: 'Hidden units',
    lr: 'Learning rate',
    epochs: 'Epochs',
    seed: 'Seed',
    train: 'Start training',
    again: 'Train again',
    cancel: 'Cancel',
    progress: 'Training progress',
    progressText: '{epoch} / {epochs} epochs',
    loading: 'Loading TensorFlow.js…',
    lossLabel: 'loss (mean cross-entropy over the sequence)',
    epochAxis: 'epoch',
    lossAxis: 'loss',
    chart: 'Training loss by epoch',
    noRun: 'Not trained yet. Press “Start training”.',
    inputRow: 'input',
    targetRow: 'target',
    predictionRow: 'predicted',
    accuracy: 'accuracy {correct}/{steps}',
    right: 'right',
    wrong: 'wrong',
    'status-completed': 'Training finished: {epochs} epochs in {seconds} s.',
    'status-cancelled': 'Training cancelled after {epochs} epochs.',
    'status-diverged': 'Training diverged.',
    'status-error': 'Training ran into an error.',
    showInCell: 'Step through the trained cell in the diagram above',
    modelNote:
      'When training ends the model stays in this page’s memory (it is not part of the link). Choose “Trained model” in the cell diagram to watch its gates open and close.',
  },
);

const TASK = nextCharacterTask('hihello');

function StatusLine({
  status,
  epochs,
  seconds,
  message,
  t,
}: {
  status: TrainingStatus;
  epochs: number;
  seconds: number | null;
  message: string | null;
  t: Record<keyof (typeof strings)['ko'], string>;
}) {
  if (status === 'completed' || status === 'cancelled') {
    return (
      <p className="lstm-train-status" role="status">
        {format(t[`status-${status}`], { epochs, seconds: formatNumber(seconds ?? 0, 2) })}
      </p>
    );
  }
  if (status === 'diverged' || status === 'error') {
    return (
      <p className="lstm-train-status is-error" role="alert">
        {t[`status-${status}`]} {message}
      </p>
    );
  }
  return null;
}

export default function LstmTraining({
  id = 'lstmTrain',
  cellId = DEFAULT_CELL_ID,
}: {
  id?: string;
  cellId?: string;
}) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, LSTM_TRAIN_SCHEMA);
  const [, setCell] = useWidgetState(cellId, LSTM_CELL_SCHEMA);
  const view = useTrainingView();
  const trained = useTrained();
  const busy = isBusy(view.status);
  const planned = view.settings?.epochs ?? state.epochs;

  const series = useMemo<ChartSeries[]>(
    () => [
      {
        id: 'loss',
        label: t.lossLabel,
        points: view.losses.map((y, k) => ({ x: k + 1, y })),
      },
    ],
    [view.losses, t.lossLabel],
  );

  if (classroom.hidden.has('training')) return null;

  const start = () => {
    void startTraining({
      hidden: state.hidden,
      learningRate: state.lr,
      epochs: state.epochs,
      seed: state.seed,
    });
  };
  const showInCell = () => {
    setCell({ source: 'trained', pos: 0 });
    // Keyboard stepping (←/→) works inside the cell widget, so move focus there too.
    const target = document.getElementById(`lstm-cell-${cellId}`);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
      block: 'start',
    });
  };
  const predictions = view.predictions;
  const steps = TASK.steps;

  return (
    <section className="widget lstm-train" aria-labelledby={titleId} data-status={view.status}>
      <h3 id={titleId}>{t.title}</h3>
      <p className="lstm-train-intro">{t.intro}</p>
      <fieldset className="widget-controls lstm-train-settings" disabled={busy}>
        <ParamSlider
          param={LSTM_TRAIN_SCHEMA.hidden}
          value={state.hidden}
          onChange={(hidden) => set({ hidden })}
          label={t.hidden}
        />
        <ParamSlider
          param={LSTM_TRAIN_SCHEMA.lr}
          value={state.lr}
          onChange={(lr) => set({ lr })}
          label={t.lr}
          digits={3}
        />
        <ParamSlider
          param={LSTM_TRAIN_SCHEMA.epochs}
          value={state.epochs}
          onChange={(epochs) => set({ epochs })}
          label={t.epochs}
        />
        <ParamSlider
          param={LSTM_TRAIN_SCHEMA.seed}
          value={state.seed}
          onChange={(seed) => set({ seed })}
          label={t.seed}
        />
      </fieldset>
      <div className="lstm-train-actions">
        {busy ? (
          <button type="button" className="button" onClick={cancelTraining}>
            {t.cancel}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={start}>
            {view.status === 'idle' ? t.train : t.again}
          </button>
        )}
        <progress
          className="lstm-train-progress"
          max={planned}
          value={view.epoch}
          aria-label={t.progress}
          aria-valuetext={format(t.progressText, { epoch: view.epoch, epochs: planned })}
        />
        <span className="lstm-train-progress-text" data-testid="lstm-train-progress">
          {view.status === 'loading'
            ? t.loading
            : format(t.progressText, { epoch: view.epoch, epochs: planned })}
        </span>
      </div>
      <StatusLine
        status={view.status}
        epochs={view.epoch}
        seconds={view.seconds}
        message={view.message ? view.message[lang] : null}
        t={t}
      />
      {view.losses.length > 0 ? (
        <LineChart
          series={series}
          xLabel={t.epochAxis}
          yLabel={t.lossAxis}
          yScale="log"
          xDomain={[1, Math.max(2, planned)]}
          height={220}
          ariaLabel={t.chart}
        />
      ) : (
        <p className="muted">{t.noRun}</p>
      )}
      <p className="lstm-accuracy" data-testid="lstm-accuracy">
        {format(t.accuracy, { correct: predictions ? (view.correct ?? 0) : '–', steps })}
      </p>
      <table className="lstm-table lstm-predictions" data-testid="lstm-predictions">
        <tbody>
          <tr>
            <th scope="row">{t.inputRow}</th>
            {Array.from(TASK.inputIds, (id, k) => (
              <td key={k}>{TASK.vocab[id]}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t.targetRow}</th>
            {Array.from(TASK.targetIds, (id, k) => (
              <td key={k}>{TASK.vocab[id]}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t.predictionRow}</th>
            {Array.from({ length: steps }, (_, k) => {
              if (!predictions) return <td key={k}>–</td>;
              const ok = predictions[k] === TASK.targetIds[k];
              return (
                <td key={k} className={ok ? 'is-right' : 'is-wrong'}>
                  {TASK.vocab[predictions[k]!]} <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
                  <span className="sr-only">{ok ? t.right : t.wrong}</span>
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      {trained && !busy ? (
        <p>
          <button type="button" className="button" onClick={showInCell}>
            {t.showInCell}
          </button>
        </p>
      ) : null}
      <p className="muted lstm-train-note">{t.modelNote}</p>
    </section>
  );
}
