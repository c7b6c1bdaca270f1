import { useCallback, useId, useMemo } from 'react';
import { useClassroom } from '../../app/classroom';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { StepControls } from '../../ui/StepControls';
import { useChartDrag } from '../../ui/useChartDrag';
import { usePlayback } from '../../ui/usePlayback';
import { OverflowBox } from '../cell/OverflowBox';
import { GD_SCHEMA, GD_STEPS } from './bpttSchemas';
import { Contour2d } from './Contour2d';
import { BOWL_KAPPA, OBJECTIVES, classify, curve, descend, descend2d } from './gradientDescent';
import './bptt.css';

const strings = defineStrings(
  'gradientDescent',
  {
    title: '경사 하강법을 한 걸음씩',
    intro:
      '시작점 x₀과 학습률 μ를 정하고 한 걸음씩 내려가 보세요. 매 걸음은 지금 위치의 기울기 f′(x)의 반대 방향으로 μ·f′(x)만큼 움직입니다.',
    fn: '함수',
    quadratic: '포물선 x²',
    doubleWell: '골짜기 두 개',
    x0: '시작점 x₀',
    dragHint: '곡선 그래프를 누르거나 끌어도 시작점 x₀가 옮겨집니다.',
    lr: '학습률 μ',
    presets: '학습률 예시',
    slow: '천천히 수렴 (μ = 0.1)',
    zigzagPreset: '진동하며 수렴 (μ = 0.9)',
    blowup: '발산 (μ = 1.1)',
    steps: '경사 하강 스텝',
    curveChart: '함수 f(x)와 지나온 점들',
    lossChart: '스텝별 f(x_k) (로그 축)',
    path: '지나온 점',
    kAxis: '스텝 k',
    equation: '이번 걸음의 계산',
    equationBox: '식 (옆으로 스크롤)',
    converging: '수렴하고 있습니다: 걸음마다 최솟값에 가까워집니다.',
    zigzag: '진동하며 수렴합니다: 최솟값을 건너뛰며 좌우로 오가지만 점점 가까워집니다.',
    oscillating: '진동합니다: 최솟값을 건너뛰며 좌우로 오가고 가까워지지 않습니다.',
    diverging: '발산합니다: 걸음이 너무 커서 점점 멀어집니다.',
    stuck: '거의 움직이지 않습니다.',
    offChart: '점이 그래프 밖으로 나갔습니다.',
    twoD: '변수가 두 개일 때: 좁고 긴 골짜기',
    twoDIntro:
      '같은 학습률 μ와 같은 스텝 k로 f(x, y) = x² + 4y²를 내려갑니다. 가파른 y 방향이 먼저 진동하거나 발산하므로, 쓸 수 있는 학습률은 가장 가파른 방향이 정합니다.',
    contour: 'f(x, y) = x² + 4y²의 등고선과 지나온 점들',
    factors: '스텝마다 x는 {fx}배, y는 {fy}배가 됩니다.',
    sx: '시작점 x₀ (두 변수)',
    sy: '시작점 y₀ (두 변수)',
    dragHint2d:
      '등고선 그림을 누르거나 끌면 시작점 (x₀, y₀)가 옮겨집니다. 키보드로는 두 슬라이더를 쓰세요.',
  },
  {
    title: 'Gradient descent, one step at a time',
    intro:
      'Choose a start x₀ and a learning rate μ and walk downhill step by step. Each step moves μ·f′(x) against the slope f′(x) at the current point.',
    fn: 'Function',
    quadratic: 'parabola x²',
    doubleWell: 'two valleys',
    x0: 'Start x₀',
    dragHint: 'Pressing or dragging on the curve’s chart also moves the start x₀.',
    lr: 'Learning rate μ',
    presets: 'Learning-rate examples',
    slow: 'slow and steady (μ = 0.1)',
    zigzagPreset: 'zig-zag in (μ = 0.9)',
    blowup: 'diverge (μ = 1.1)',
    steps: 'Gradient-descent steps',
    curveChart: 'The function f(x) and the points visited',
    lossChart: 'f(x_k) by step (log axis)',
    path: 'points visited',
    kAxis: 'step k',
    equation: 'This step’s arithmetic',
    equationBox: 'Equation (scrolls sideways)',
    converging: 'Converging: every step brings x closer to the minimum.',
    zigzag: 'Zig-zagging in: x jumps over the minimum, back and forth, but gets closer.',
    oscillating: 'Oscillating: x jumps over the minimum, back and forth, and gets no closer.',
    diverging: 'Diverging: the steps are too big and x runs away.',
    stuck: 'Hardly moving.',
    offChart: 'The point has left the chart.',
    twoD: 'With two variables: a long, narrow valley',
    twoDIntro:
      'The same learning rate μ and step k, now on f(x, y) = x² + 4y². The steep y direction starts to zig-zag or diverge first, so the steepest direction decides which learning rates are safe.',
    contour: 'Contours of f(x, y) = x² + 4y² and the points visited',
    factors: 'Each step multiplies x by {fx} and y by {fy}.',
    sx: 'Start x₀ (two variables)',
    sy: 'Start y₀ (two variables)',
    dragHint2d:
      'Press or drag on the contour map to move the start (x₀, y₀); from the keyboard, use the two sliders.',
  },
);

/** Symbols, the same in both languages. */
const SYM = {
  stepLabel: 'k = {k} / {n}',
  curve: 'f(x)',
  fk: 'f(x_k)',
  xAxis: 'x',
  yAxis: 'f(x)',
  readout: 'x_k = {x}, f(x_k) = {f}, f′(x_k) = {g}',
} as const;

/** A dragged value on the parameter's grid and inside its range. */
function snapToParam(param: { min: number; max: number; step: number }, value: number): number {
  const snapped = Math.round(value / param.step) * param.step;
  return Number(Math.min(param.max, Math.max(param.min, snapped)).toFixed(6));
}

const PRESETS = [
  { key: 'slow', lr: 0.1 },
  { key: 'zigzagPreset', lr: 0.9 },
  { key: 'blowup', lr: 1.1 },
] as const;

export default function GradientDescent({ id = 'gd' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, GD_SCHEMA);
  const obj = OBJECTIVES[state.fn];
  const xs = useMemo(
    () => descend(state.fn, state.x0, state.lr, GD_STEPS),
    [state.fn, state.x0, state.lr],
  );
  const count = xs.length;
  const onStep = useCallback((k: number) => set({ k }), [set]);
  const playback = usePlayback({ count, step: Math.min(state.k, count - 1), onStep });
  const k = Math.min(state.k, count - 1);
  const outcome = classify(state.fn, xs);
  const [lo, hi] = obj.domain;
  const shown = useMemo(() => xs.slice(0, k + 1), [xs, k]);
  const inView = useMemo(
    () => shown.filter((x) => Number.isFinite(x) && x >= lo && x <= hi),
    [shown, lo, hi],
  );
  const series = useMemo<ChartSeries[]>(
    () => [
      { id: 'f', label: SYM.curve, points: curve(state.fn) },
      { id: 'path', label: t.path, dashed: true, points: inView.map((x) => ({ x, y: obj.f(x) })) },
    ],
    [state.fn, inView, obj, t.path],
  );
  const fSeries = useMemo<ChartSeries[]>(
    () => [
      {
        id: 'fk',
        label: SYM.fk,
        points: xs
          .map((x, j) => ({ x: j, y: obj.f(x) }))
          .filter((p) => Number.isFinite(p.y) && p.y > 0 && p.y < 1e30),
      },
    ],
    [xs, obj],
  );
  const path2d = useMemo(
    () => descend2d(state.sx, state.sy, state.lr, GD_STEPS),
    [state.sx, state.sy, state.lr],
  );
  // Pressing or dragging on the curve's chart moves the start; merely hovering does not.
  const { boxProps, onPointerX } = useChartDrag((x) =>
    set({ x0: snapToParam(GD_SCHEMA.x0, x), k: 0 }),
  );
  const onStart2d = useCallback(
    (p: { x: number; y: number }) =>
      set({ sx: snapToParam(GD_SCHEMA.sx, p.x), sy: snapToParam(GD_SCHEMA.sy, p.y), k: 0 }),
    [set],
  );
  const xk = xs[k]!;
  const gk = obj.df(xk);
  const next = xs[k + 1];
  const markers =
    Number.isFinite(xk) && xk >= lo && xk <= hi ? [{ x: xk, y: obj.f(xk), label: `x_${k}` }] : [];

  return (
    <section className="widget gd" aria-labelledby={titleId} data-outcome={outcome}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <div className="widget-controls bptt-controls">
        <div className="segmented" role="group" aria-label={t.fn}>
          {GD_SCHEMA.fn.values.map((fn) => (
            <button
              key={fn}
              type="button"
              aria-pressed={state.fn === fn}
              onClick={() => set({ fn, k: 0 })}
            >
              {t[fn]}
            </button>
          ))}
        </div>
        <ParamSlider
          param={GD_SCHEMA.x0}
          value={state.x0}
          onChange={(x0) => set({ x0, k: 0 })}
          label={t.x0}
        />
        <ParamSlider
          param={GD_SCHEMA.lr}
          value={state.lr}
          onChange={(lr) => set({ lr, k: 0 })}
          label={t.lr}
        />
        <div className="segmented" role="group" aria-label={t.presets}>
          {PRESETS.map((p) => (
            <button
              key={p.key}
              type="button"
              aria-pressed={Math.abs(state.lr - p.lr) < 1e-9}
              onClick={() => set({ lr: p.lr, k: 0 })}
            >
              {t[p.key]}
            </button>
          ))}
        </div>
      </div>
      <OverflowBox label={t.equationBox} className="gb-eq-scroll">
        <Equation display tex={`x_{k+1} = x_k - \\mu \\nabla f(x_k), \\quad ${obj.tex}`} />
      </OverflowBox>
      <StepControls
        playback={playback}
        label={t.steps}
        keyboard={classroom.active ? 'document' : 'widget'}
        stepLabel={(j) => format(SYM.stepLabel, { k: j, n: count - 1 })}
      />
      <p data-testid="gd-readout">
        {format(SYM.readout, {
          x: formatNumber(xk, 4),
          f: formatNumber(obj.f(xk), 4),
          g: formatNumber(gk, 4),
        })}
      </p>
      {next !== undefined && Number.isFinite(xk) ? (
        <OverflowBox label={t.equationBox} className="gb-eq-scroll">
          <Equation
            display
            label={t.equation}
            digits={4}
            tex={`x_{${k + 1}} = {{x}} - {{mu}} \\times {{g}} = {{next}}`}
            values={{ x: xk, mu: state.lr, g: gk, next: Number.isFinite(next) ? next : 1e12 }}
          />
        </OverflowBox>
      ) : null}
      <p className="gd-outcome" data-testid="gd-outcome" role="status">
        {t[outcome]} {inView.length < shown.length ? t.offChart : ''}
      </p>
      <div className="bptt-charts">
        <div className="gd-drag" {...boxProps}>
          <LineChart
            series={series}
            markers={markers}
            xLabel={SYM.xAxis}
            yLabel={SYM.yAxis}
            xDomain={obj.domain}
            height={240}
            ariaLabel={t.curveChart}
            onPointerX={onPointerX}
          />
          <p className="muted">{t.dragHint}</p>
        </div>
        <LineChart
          series={fSeries}
          xLabel={t.kAxis}
          yLabel={SYM.fk}
          yScale="log"
          xDomain={[0, GD_STEPS]}
          height={240}
          ariaLabel={t.lossChart}
        />
      </div>
      <h4>{t.twoD}</h4>
      <p>{t.twoDIntro}</p>
      <OverflowBox label={t.equationBox} className="gb-eq-scroll">
        <Equation
          display
          tex={`\\begin{aligned} x_{k+1} &= (1 - 2\\mu)\\, x_k \\\\ y_{k+1} &= (1 - ${2 * BOWL_KAPPA}\\mu)\\, y_k \\end{aligned}`}
        />
      </OverflowBox>
      <div className="widget-controls bptt-controls">
        <ParamSlider
          param={GD_SCHEMA.sx}
          value={state.sx}
          onChange={(sx) => set({ sx, k: 0 })}
          label={t.sx}
        />
        <ParamSlider
          param={GD_SCHEMA.sy}
          value={state.sy}
          onChange={(sy) => set({ sy, k: 0 })}
          label={t.sy}
        />
      </div>
      <Contour2d points={path2d} current={k} label={t.contour} onStart={onStart2d} />
      <p className="muted">{t.dragHint2d}</p>
      <p data-testid="gd-factors">
        {format(t.factors, {
          fx: formatNumber(1 - 2 * state.lr, 3),
          fy: formatNumber(1 - 2 * BOWL_KAPPA * state.lr, 3),
        })}
      </p>
    </section>
  );
}
