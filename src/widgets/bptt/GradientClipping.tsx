import { useId, useMemo } from 'react';
import { useClassroom } from '../../app/classroom';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { OverflowBox } from '../cell/OverflowBox';
import { CLIP_SCHEMA } from './bpttSchemas';
import { cancelClipping, startClipping, useClipView } from './clippingStore';
import './bptt.css';

const strings = defineStrings(
  'gradientClipping',
  {
    title: '기울기 클리핑으로 폭발 막기',
    intro:
      '곱셈 문제(샘플 128개, 50 타임 스텝)에서 SimpleRNN(30, 시퀀스 반환) → SimpleRNN(30) → Dense(1)을 큰 학습률의 SGD로 학습시킵니다. 클리핑 없이는 몇 스텝 만에 기울기가 폭발합니다.',
    mode: '클리핑',
    none: '끄기',
    'per-tensor': '텐서별 (clipnorm, 강의 방식)',
    global: '전체 (global_clipnorm)',
    threshold: '임계값 c',
    lr: '학습률 (SGD)',
    epochs: '에포크',
    train: '학습 시작',
    cancel: '취소',
    running: '학습 중… {step} 스텝',
    chart: '스텝별 기울기 노름 (로그 축)',
    before: '클리핑 전 ‖g‖',
    after: '클리핑 후 ‖g‖',
    stepAxis: '스텝',
    normAxis: '기울기 노름',
    lossChart: '스텝별 손실 (로그 축)',
    loss: '손실 (MSE)',
    completed:
      '학습을 마쳤습니다: {steps} 스텝, 마지막 손실 {loss}, 클리핑된 스텝 비율 {fraction}, {seconds}초.',
    cancelled: '{steps} 스텝에서 취소했습니다.',
    diverged: '발산했습니다.',
    noRun: '아직 학습하지 않았습니다.',
    failed: '학습 중 오류가 났습니다:',
    equationBox: '식 (옆으로 스크롤)',
  },
  {
    title: 'Stopping the explosion with gradient clipping',
    intro:
      'A SimpleRNN(30, return sequences) → SimpleRNN(30) → Dense(1) learns the multiplication problem (128 samples, 50 time steps) with plain SGD at a large learning rate. Without clipping its gradient explodes within a few steps.',
    mode: 'Clipping',
    none: 'off',
    'per-tensor': 'per tensor (clipnorm, the course’s)',
    global: 'global (global_clipnorm)',
    threshold: 'Threshold c',
    lr: 'Learning rate (SGD)',
    epochs: 'Epochs',
    train: 'Start training',
    cancel: 'Cancel',
    running: 'Training… step {step}',
    chart: 'Gradient norm by step (log axis)',
    before: '‖g‖ before clipping',
    after: '‖g‖ after clipping',
    stepAxis: 'step',
    normAxis: 'gradient norm',
    lossChart: 'Loss by step (log axis)',
    loss: 'loss (MSE)',
    completed:
      'Finished: {steps} steps, last loss {loss}, fraction of steps clipped {fraction}, {seconds} s.',
    cancelled: 'Cancelled at step {steps}.',
    diverged: 'Training diverged.',
    noRun: 'Not trained yet.',
    failed: 'Training failed:',
    equationBox: 'Equation (scrolls sideways)',
  },
);

const PER_TENSOR_TEX = 'g_i \\leftarrow g_i \\cdot \\frac{c}{\\max(\\lVert g_i \\rVert,\\, c)}';
const GLOBAL_TEX =
  'g_i \\leftarrow g_i \\cdot \\frac{c}{\\max(G,\\, c)}, \\quad G = \\sqrt{\\textstyle\\sum_j \\lVert g_j \\rVert^2}';

export default function GradientClipping({ id = 'clip' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, CLIP_SCHEMA);
  // The run lives in a module store, so a language switch (a remount) does not stop it.
  const { phase, steps, result, error } = useClipView();
  const start = () => void startClipping({ ...state, seed: 0 });

  const series = useMemo<ChartSeries[]>(
    () => [
      {
        id: 'before',
        label: t.before,
        points: steps
          .map((s) => ({ x: s.step, y: s.gradNorm }))
          .filter((p) => Number.isFinite(p.y) && p.y > 0),
      },
      {
        id: 'after',
        label: t.after,
        dashed: true,
        points: steps
          .map((s) => ({ x: s.step, y: s.gradNormAfterClip }))
          .filter((p) => Number.isFinite(p.y) && p.y > 0),
      },
    ],
    [steps, t.before, t.after],
  );
  const lossSeries = useMemo<ChartSeries[]>(
    () => [
      {
        id: 'loss',
        label: t.loss,
        points: steps
          .map((s) => ({ x: s.step, y: s.loss }))
          .filter((p) => Number.isFinite(p.y) && p.y > 0),
      },
    ],
    [steps, t.loss],
  );
  if (classroom.hidden.has('training')) return null;
  const busy = phase === 'running';
  const lastLoss = steps.length ? steps[steps.length - 1]!.loss : NaN;

  return (
    <section className="widget clip" aria-labelledby={titleId} data-status={phase}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <fieldset className="widget-controls bptt-controls" disabled={busy}>
        <div className="segmented" role="group" aria-label={t.mode}>
          {CLIP_SCHEMA.mode.values.map((m) => (
            <button
              key={m}
              type="button"
              data-mode={m}
              aria-pressed={state.mode === m}
              onClick={() => set({ mode: m })}
            >
              {t[m]}
            </button>
          ))}
        </div>
        <ParamSlider
          param={CLIP_SCHEMA.threshold}
          value={state.threshold}
          onChange={(threshold) => set({ threshold })}
          label={t.threshold}
        />
        <ParamSlider
          param={CLIP_SCHEMA.lr}
          value={state.lr}
          onChange={(lr) => set({ lr })}
          label={t.lr}
        />
        <ParamSlider
          param={CLIP_SCHEMA.epochs}
          value={state.epochs}
          onChange={(epochs) => set({ epochs })}
          label={t.epochs}
        />
      </fieldset>
      {state.mode !== 'none' ? (
        <OverflowBox label={t.equationBox} className="gb-eq-scroll">
          <Equation display tex={state.mode === 'global' ? GLOBAL_TEX : PER_TENSOR_TEX} />
        </OverflowBox>
      ) : null}
      <div className="bptt-controls">
        {busy ? (
          <button type="button" className="button" onClick={cancelClipping}>
            {t.cancel}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={start}>
            {t.train}
          </button>
        )}
        {busy ? <span>{format(t.running, { step: steps.length })}</span> : null}
      </div>
      {phase === 'completed' && result ? (
        <p role="status" data-testid="clip-result">
          {format(t.completed, {
            steps: result.steps.length,
            loss: formatNumber(lastLoss, 4),
            fraction: formatNumber(result.clippedFraction, 2),
            seconds: formatNumber(result.seconds, 1),
          })}
        </p>
      ) : null}
      {phase === 'cancelled' ? (
        <p role="status">{format(t.cancelled, { steps: steps.length })}</p>
      ) : null}
      {phase === 'diverged' && result ? (
        <p className="bptt-error" role="alert" data-testid="clip-result">
          {t.diverged} {result.message?.[lang]}
        </p>
      ) : null}
      {phase === 'error' ? (
        <p className="bptt-error" role="alert">
          {t.failed} {error}
        </p>
      ) : null}
      {steps.length > 0 ? (
        <div className="bptt-charts">
          <LineChart
            series={series}
            xLabel={t.stepAxis}
            yLabel={t.normAxis}
            yScale="log"
            height={240}
            ariaLabel={t.chart}
          />
          <LineChart
            series={lossSeries}
            xLabel={t.stepAxis}
            yLabel={t.loss}
            yScale="log"
            height={240}
            ariaLabel={t.lossChart}
          />
        </div>
      ) : (
        <p className="muted">{t.noRun}</p>
      )}
    </section>
  );
}
