import { useId, useMemo } from 'react';
import { useClassroom } from '../../app/classroom';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { OverflowBox } from '../cell/OverflowBox';
import { GRU_RACE_SCHEMA } from './gruSchemas';
import { cancelRace, isRacing, startRace, useRaceView } from './raceController';
import { MULTIPLICATION, RACE_ARCHS, RACE_SIZINGS, RACE_TASKS, mean, planRace } from './raceModel';
import './gru.css';

const strings = defineStrings(
  'gruRace',
  {
    title: '공정한 경주: GRU 대 LSTM',
    intro:
      '같은 데이터, 같은 시드, 같은 옵티마이저(Adam)로 LSTM 모델을 먼저, GRU 모델을 다음에 학습시킵니다. 곱셈 문제는 샘플 {samples}개 × {steps} 타임 스텝에서 표시된 두 수의 곱을 맞히는 회귀(MSE)이고, hihello는 다음 글자 예측입니다.',
    task: '과제',
    'task-multiplication': '곱셈 문제',
    'task-hihello': 'hihello 다음 글자',
    sizing: '무엇을 같게 할까요',
    'sizing-hidden': '은닉 크기 H를 같게',
    'sizing-params': '파라미터 수를 같게',
    hidden: 'LSTM 은닉 크기 H',
    epochs: '에포크',
    seed: '시드',
    start: '경주 시작',
    again: '다시 경주',
    cancel: '취소',
    progress: '경주 진행',
    progressText: '{done} / {total} 에포크',
    loading: '학습 스레드를 준비하는 중…',
    backend:
      '백그라운드 스레드(웹 워커)에서 {backend} 백엔드로 학습합니다. 페이지는 그동안에도 멈추지 않습니다.',
    'status-completed': '경주를 마쳤습니다.',
    'status-cancelled': '경주를 취소했습니다.',
    'status-diverged': '학습이 발산했습니다. 에포크나 시드를 바꿔 보세요.',
    'status-error': '학습 중 오류가 났습니다: {error}',
    chart: '에포크별 학습 손실, LSTM과 GRU',
    epochAxis: '에포크',
    lossAxis: '손실',
    model: '모델',
    units: '은닉 크기 H',
    params: '파라미터 (Keras)',
    perEpoch: '에포크당 시간',
    lastLoss: '마지막 손실',
    seconds: '{s}초',
    tableCaption: '두 모델 나란히',
  },
  {
    title: 'A fair race: GRU against LSTM',
    intro:
      'Same data, same seed, same optimizer (Adam): the LSTM model trains first, then the GRU model. The multiplication task is regression (MSE) on {samples} samples × {steps} time steps: predict the product of the two marked numbers. hihello is next-character prediction.',
    task: 'task',
    'task-multiplication': 'multiplication',
    'task-hihello': 'hihello next character',
    sizing: 'What to keep equal',
    'sizing-hidden': 'equal hidden size H',
    'sizing-params': 'equal parameter count',
    hidden: 'LSTM hidden size H',
    epochs: 'epochs',
    seed: 'seed',
    start: 'Start the race',
    again: 'Race again',
    cancel: 'Cancel',
    progress: 'Race progress',
    progressText: '{done} / {total} epochs',
    loading: 'Starting the training threads…',
    backend:
      'Training in a background thread (Web Worker) on the {backend} backend; the page stays responsive meanwhile.',
    'status-completed': 'The race is over.',
    'status-cancelled': 'The race was cancelled.',
    'status-diverged': 'Training diverged. Try other epochs or another seed.',
    'status-error': 'Training failed: {error}',
    chart: 'Training loss by epoch, LSTM and GRU',
    epochAxis: 'epoch',
    lossAxis: 'loss',
    model: 'model',
    units: 'hidden size H',
    params: 'parameters (Keras)',
    perEpoch: 'time per epoch',
    lastLoss: 'last loss',
    seconds: '{s} s',
    tableCaption: 'The two models side by side',
  },
);

const LABEL = { lstm: 'LSTM', gru: 'GRU' } as const;

export default function GruRace({ id = 'gruRace' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, GRU_RACE_SCHEMA);
  const view = useRaceView();
  const busy = isRacing(view.status);
  const plan = useMemo(
    () => planRace(state.task, state.sizing, state.hidden),
    [state.task, state.sizing, state.hidden],
  );
  // While a race runs (or after it), show what it ran with.
  const shown = view.options ?? { plan, epochs: state.epochs, task: state.task, seed: state.seed };
  const total = shown.epochs * RACE_ARCHS.length;
  const done = view.losses.lstm.length + view.losses.gru.length;
  const series: ChartSeries[] = useMemo(
    () =>
      RACE_ARCHS.map((arch) => ({
        id: arch,
        label: LABEL[arch],
        points: view.losses[arch].map((y, k) => ({ x: k + 1, y })),
        dashed: arch === 'lstm',
      })),
    [view.losses],
  );

  if (classroom.hidden.has('training')) return null;

  return (
    <section
      className="widget gru-race gru-table"
      aria-labelledby={titleId}
      data-status={view.status}
    >
      <h3 id={titleId}>{t.title}</h3>
      <p>{format(t.intro, { samples: MULTIPLICATION.samples, steps: MULTIPLICATION.steps })}</p>
      <fieldset className="widget-controls gru-race-settings" disabled={busy}>
        <div className="segmented" role="group" aria-label={t.task}>
          {RACE_TASKS.map((task) => (
            <button
              key={task}
              type="button"
              aria-pressed={state.task === task}
              onClick={() => set({ task })}
            >
              {t[`task-${task}`]}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t.sizing}>
          {RACE_SIZINGS.map((sizing) => (
            <button
              key={sizing}
              type="button"
              aria-pressed={state.sizing === sizing}
              onClick={() => set({ sizing })}
            >
              {t[`sizing-${sizing}`]}
            </button>
          ))}
        </div>
        <div className="gru-sliders">
          <ParamSlider
            param={GRU_RACE_SCHEMA.hidden}
            value={state.hidden}
            onChange={(hidden) => set({ hidden })}
            label={t.hidden}
          />
          <ParamSlider
            param={GRU_RACE_SCHEMA.epochs}
            value={state.epochs}
            onChange={(epochs) => set({ epochs })}
            label={t.epochs}
          />
          <ParamSlider
            param={GRU_RACE_SCHEMA.seed}
            value={state.seed}
            onChange={(seed) => set({ seed })}
            label={t.seed}
          />
        </div>
      </fieldset>
      <div className="gru-race-actions">
        {busy ? (
          <button type="button" className="button" onClick={cancelRace}>
            {t.cancel}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() =>
              void startRace({ task: state.task, plan, epochs: state.epochs, seed: state.seed })
            }
          >
            {view.status === 'idle' ? t.start : t.again}
          </button>
        )}
        <progress
          max={total}
          value={done}
          aria-label={t.progress}
          aria-valuetext={format(t.progressText, { done, total })}
        />
        <span data-testid="gru-race-progress">
          {view.status === 'loading' ? t.loading : format(t.progressText, { done, total })}
        </span>
      </div>
      {view.backend && (
        <p className="muted" data-testid="gru-race-backend">
          {format(t.backend, { backend: view.backend })}
        </p>
      )}
      <p role="status" className="muted" data-testid="gru-race-status">
        {view.status === 'error'
          ? format(t['status-error'], { error: view.error ?? '' })
          : view.status === 'completed' || view.status === 'cancelled' || view.status === 'diverged'
            ? t[`status-${view.status}`]
            : ''}
      </p>
      {done > 0 && (
        <LineChart
          series={series}
          xLabel={t.epochAxis}
          yLabel={t.lossAxis}
          yScale="log"
          xDomain={[1, Math.max(2, shown.epochs)]}
          height={220}
          ariaLabel={t.chart}
        />
      )}
      <OverflowBox label={t.tableCaption}>
        <table data-testid="gru-race-table">
          <caption>{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.model}</th>
              <th scope="col">{t.units}</th>
              <th scope="col">{t.params}</th>
              <th scope="col">{t.perEpoch}</th>
              <th scope="col">{t.lastLoss}</th>
            </tr>
          </thead>
          <tbody>
            {RACE_ARCHS.map((arch) => {
              const losses = view.losses[arch];
              const per = mean(view.seconds[arch]);
              return (
                <tr key={arch} data-arch={arch}>
                  <th scope="row">{LABEL[arch]}</th>
                  <td className="num">{shown.plan.units[arch]}</td>
                  <td className="num" data-params={shown.plan.params[arch]}>
                    {shown.plan.params[arch].toLocaleString('en-US')}
                  </td>
                  <td className="num">
                    {Number.isFinite(per) ? format(t.seconds, { s: formatNumber(per, 2) }) : '–'}
                  </td>
                  <td className="num">
                    {losses.length ? formatNumber(losses[losses.length - 1]!, 4) : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </OverflowBox>
    </section>
  );
}
