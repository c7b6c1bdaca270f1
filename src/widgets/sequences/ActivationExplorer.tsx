import { useId, useMemo, type ReactNode } from 'react';
import {
  ACTIVATION_IDS,
  ACTIVATIONS,
  DEFAULT_ACTIVATION_PARAMS as DEFAULTS,
  type ActivationId,
  type ActivationParams,
} from '../../core/activations';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import {
  booleanParam,
  defineSchema,
  enumParam,
  numberParam,
  type StateOf,
} from '../../state/schema';
import { useWidgetState, type SetWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { formatFull, formatNumber } from '../../ui/format';
import { useChartDrag } from '../../ui/useChartDrag';
import { LineChart, type ChartMarker, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import {
  ACTIVATION_TEX,
  MAXOUT_PRESETS,
  SIGMOID_BEST_CASE,
  X_RANGE,
  allDerivatives,
  chainRows,
  chainVerdict,
  curveFor,
  matchesPreset,
  probe,
  scientific,
  texValues,
  yDomainFor,
  type MaxoutPreset,
  type Probe,
} from './activationExplorerModel';
import './activationExplorer.css';

const weight = (def: number) => numberParam({ min: -2, max: 2, step: 0.1, default: def });

export const ACT_SCHEMA = defineSchema({
  fn: enumParam(ACTIVATION_IDS, 'sigmoid'),
  x: numberParam({ min: X_RANGE[0], max: X_RANGE[1], step: 0.1, default: 1 }),
  alpha: numberParam({ min: 0.1, max: 3, step: 0.1, default: DEFAULTS.alpha }),
  slope: numberParam({ min: 0.01, max: 0.5, step: 0.01, default: DEFAULTS.slope }),
  derivative: booleanParam(true),
  compare: booleanParam(false),
  w1: weight(DEFAULTS.w1),
  b1: weight(DEFAULTS.b1),
  w2: weight(DEFAULTS.w2),
  b2: weight(DEFAULTS.b2),
});

type ActState = StateOf<typeof ACT_SCHEMA>;
type SetAct = SetWidgetState<typeof ACT_SCHEMA>;

/** Short names used in formulas and chart labels; the same in both languages. */
const SYMBOL: Record<ActivationId, string> = {
  sigmoid: 'σ',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'LReLU',
  elu: 'ELU',
  maxout: 'maxout',
};

const strings = defineStrings(
  'activationExplorer',
  {
    title: '활성화 함수와 그 미분',
    fnGroup: '활성화 함수',
    sigmoid: '시그모이드',
    tanh: 'tanh',
    relu: 'ReLU',
    leakyRelu: 'Leaky ReLU',
    elu: 'ELU',
    maxout: 'Maxout',
    probe: '확인할 점 x',
    alpha: 'ELU의 α',
    slope: '음수 쪽 기울기 a',
    w1: '첫째 직선 w₁',
    b1: '첫째 직선 b₁',
    w2: '둘째 직선 w₂',
    b2: '둘째 직선 b₂',
    presetGroup: 'Maxout 예시',
    'preset-relu': 'ReLU와 같게',
    'preset-leaky': 'Leaky ReLU와 같게',
    'preset-abs': '|x|',
    derivative: '미분 f′(x)도 그리기',
    compare: '여섯 함수의 미분 겹쳐 보기',
    chartLabel: '{name} 함수와 그 미분의 그래프, x는 −6부터 6까지',
    compareChartLabel: '여섯 활성화 함수의 미분을 겹친 그래프, x는 −6부터 6까지',
    chartHint: '그래프를 누르거나 끌면 확인할 점 x가 그 자리로 옮겨집니다.',
    equationLabel: '{name}의 식과 x = {x}에서의 값',
    readout: '확인할 점의 값',
    chainTitle: '같은 미분을 n번 곱하면',
    chainIntro:
      '시간 역전파에서 기울기는 타임 스텝 하나를 거슬러 갈 때마다 활성화 함수의 미분을 한 번씩 곱합니다. 모든 스텝의 미분이 지금의 f′(x)와 같다면:',
    chainN: '곱한 횟수 n',
    chainValue: '|f′(x)|ⁿ',
    dead: '|f′(x)| = 0이라 한 번만 곱해도 기울기가 0이 됩니다. 이 점에서는 신호가 완전히 끊깁니다.',
    vanish:
      '|f′(x)| = {d} < 1이라 곱할수록 0으로 줄어듭니다. 이것이 기울기 소실(vanishing gradient)입니다.',
    keep: '|f′(x)| = 1이라 몇 번을 곱해도 그대로입니다.',
    explode:
      '|f′(x)| = {d} > 1이라 곱할수록 커집니다. 이것이 기울기 폭발(exploding gradient)입니다.',
    bestCase:
      '시그모이드는 가장 좋은 점 x = 0에서도 σ′ = 0.25입니다. 그러니 20스텝만 지나도 0.25²⁰ ≈ {value}로 줄어듭니다.',
  },
  {
    title: 'Activation functions and their derivatives',
    fnGroup: 'Activation function',
    sigmoid: 'sigmoid',
    tanh: 'tanh',
    relu: 'ReLU',
    leakyRelu: 'Leaky ReLU',
    elu: 'ELU',
    maxout: 'Maxout',
    probe: 'Probe point x',
    alpha: 'ELU α',
    slope: 'Negative-side slope a',
    w1: 'line 1 w₁',
    b1: 'line 1 b₁',
    w2: 'line 2 w₂',
    b2: 'line 2 b₂',
    presetGroup: 'Maxout examples',
    'preset-relu': 'same as ReLU',
    'preset-leaky': 'same as Leaky ReLU',
    'preset-abs': '|x|',
    derivative: 'Also draw the derivative f′(x)',
    compare: 'Overlay the derivatives of all six',
    chartLabel: 'Graph of {name} and its derivative for x from −6 to 6',
    compareChartLabel: 'The derivatives of six activation functions overlaid, x from −6 to 6',
    chartHint: 'Click or drag on the graph to move the probe point x there.',
    equationLabel: '{name}: formula and value at x = {x}',
    readout: 'Values at the probe point',
    chainTitle: 'Multiply the same derivative n times',
    chainIntro:
      'In backpropagation through time, the gradient is multiplied by the activation’s derivative once for every time step it travels back. If every step had today’s f′(x):',
    chainN: 'factors n',
    chainValue: '|f′(x)|ⁿ',
    dead: '|f′(x)| = 0, so a single factor makes the gradient 0: at this point the signal is cut off completely.',
    vanish:
      '|f′(x)| = {d} < 1, so the product shrinks towards 0 as n grows. This is the vanishing gradient.',
    keep: '|f′(x)| = 1, so the product stays the same however many factors there are.',
    explode: '|f′(x)| = {d} > 1, so the product grows with n. This is the exploding gradient.',
    bestCase:
      'Even at its best point, x = 0, the sigmoid has σ′ = 0.25, so after only 20 steps 0.25²⁰ ≈ {value}.',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

/** The function parameters as one record that keeps its identity while they stay the same. */
function useActivationParams(state: ActState): ActivationParams {
  const { slope, alpha, w1, b1, w2, b2 } = state;
  return useMemo(() => ({ slope, alpha, w1, b1, w2, b2 }), [slope, alpha, w1, b1, w2, b2]);
}

/** A number for reading: "2.95 × 10⁻⁴" with a real superscript, full precision on hover. */
function Scientific({ value, digits = 3 }: { value: number; digits?: number }) {
  const { mantissa, exponent } = scientific(value, digits);
  return (
    <span className="act-number" title={formatFull(value)}>
      {mantissa}
      {exponent !== null && (
        <>
          {' × 10'}
          <sup>{String(exponent).replace('-', '−')}</sup>
        </>
      )}
    </span>
  );
}

/** Puts a React node where `{name}` stands in a translated sentence. */
function fill(template: string, name: string, node: ReactNode): ReactNode {
  const [before, after] = template.split(`{${name}}`);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}

function FunctionPicker({ value, set, t }: { value: ActivationId; set: SetAct; t: Strings }) {
  return (
    <div className="segmented act-picker" role="group" aria-label={t.fnGroup}>
      {ACTIVATION_IDS.map((id) => (
        <button
          key={id}
          type="button"
          aria-pressed={id === value}
          data-fn={id}
          onClick={() => set({ fn: id })}
        >
          {t[id]}
        </button>
      ))}
    </div>
  );
}

function MaxoutControls({ state, set, t }: { state: ActState; set: SetAct; t: Strings }) {
  const params = useActivationParams(state);
  const choose = (preset: MaxoutPreset) => set({ ...preset.lines });
  return (
    <div className="act-maxout">
      <div className="segmented" role="group" aria-label={t.presetGroup}>
        {MAXOUT_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            aria-pressed={matchesPreset(params, preset)}
            onClick={() => choose(preset)}
          >
            {t[`preset-${preset.id}`]}
          </button>
        ))}
      </div>
      <div className="act-maxout-sliders">
        {(['w1', 'b1', 'w2', 'b2'] as const).map((key) => (
          <ParamSlider
            key={key}
            param={ACT_SCHEMA[key]}
            value={state[key]}
            onChange={(v) => set({ [key]: v })}
            label={t[key]}
          />
        ))}
      </div>
    </div>
  );
}

function ParameterControls({ state, set, t }: { state: ActState; set: SetAct; t: Strings }) {
  switch (state.fn) {
    case 'elu':
      return (
        <ParamSlider
          param={ACT_SCHEMA.alpha}
          value={state.alpha}
          onChange={(alpha) => set({ alpha })}
          label={t.alpha}
        />
      );
    case 'leakyRelu':
      return (
        <ParamSlider
          param={ACT_SCHEMA.slope}
          value={state.slope}
          onChange={(slope) => set({ slope })}
          label={t.slope}
        />
      );
    case 'maxout':
      return <MaxoutControls state={state} set={set} t={t} />;
    default:
      return null;
  }
}

function Toggle({
  checked,
  onChange,
  label,
  disabled = false,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <label className="act-toggle">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

function useChartSeries(state: ActState, params: ActivationParams): ChartSeries[] {
  const { fn, derivative, compare } = state;
  return useMemo(() => {
    const symbol = SYMBOL[fn];
    if (compare) {
      return allDerivatives(params).map(({ id, points }, i) => ({
        id: `d-${id}`,
        label: `${SYMBOL[id]}′(x)`,
        points,
        color: `var(--series-${i + 1})`,
        dashed: id !== fn,
      }));
    }
    const curve = curveFor(fn, params);
    const series: ChartSeries[] = [
      {
        id: 'f',
        label: `${symbol}(x)`,
        points: curve.map((p) => ({ x: p.x, y: p.f })),
        color: 'var(--series-1)',
      },
    ];
    if (derivative) {
      series.push({
        id: 'df',
        label: `${symbol}′(x)`,
        points: curve.map((p) => ({ x: p.x, y: p.df })),
        color: 'var(--series-2)',
        dashed: true,
      });
    }
    return series;
  }, [fn, derivative, compare, params]);
}

function Chart({
  state,
  set,
  params,
  at,
  t,
}: {
  state: ActState;
  set: SetAct;
  params: ActivationParams;
  at: Probe;
  t: Strings;
}) {
  const series = useChartSeries(state, params);
  const yDomain = useMemo(() => yDomainFor(series.map((s) => s.points.map((p) => p.y))), [series]);
  const { fn, compare, derivative } = state;
  const markers = useMemo(() => {
    const symbol = SYMBOL[fn];
    if (compare) {
      // the colour of this function's line among the six
      const color = `var(--series-${ACTIVATION_IDS.indexOf(fn) + 1})`;
      return [{ x: at.x, y: at.dfx, label: `${symbol}′(x)`, color }];
    }
    const list: ChartMarker[] = [
      { x: at.x, y: at.fx, label: `${symbol}(x)`, color: 'var(--series-1)' },
    ];
    if (derivative) {
      list.push({ x: at.x, y: at.dfx, label: `${symbol}′(x)`, color: 'var(--series-2)' });
    }
    return list;
  }, [fn, compare, derivative, at]);

  // Clicking or dragging moves the probe; merely hovering only shows the tooltip.
  const { boxProps, onPointerX } = useChartDrag((x) => set({ x }));

  return (
    <div className="act-chart" {...boxProps}>
      <LineChart
        series={series}
        xLabel="x"
        yLabel={state.compare ? 'f′(x)' : state.derivative ? 'f(x), f′(x)' : 'f(x)'}
        xDomain={X_RANGE}
        yDomain={yDomain}
        height={280}
        markers={markers}
        onPointerX={onPointerX}
        ariaLabel={
          state.compare ? t.compareChartLabel : format(t.chartLabel, { name: t[state.fn] })
        }
      />
      <p className="act-hint muted">{t.chartHint}</p>
    </div>
  );
}

function Readout({ at, t, fn }: { at: Probe; t: Strings; fn: ActivationId }) {
  const symbol = SYMBOL[fn];
  return (
    <dl className="act-readout" aria-label={t.readout}>
      <div>
        <dt>x</dt>
        <dd data-testid="act-x">{formatNumber(at.x, 1)}</dd>
      </div>
      <div>
        <dt>{`${symbol}(x)`}</dt>
        <dd data-testid="act-fx" title={formatFull(at.fx)}>
          {formatNumber(at.fx, 3)}
        </dd>
      </div>
      <div>
        <dt>{`${symbol}′(x)`}</dt>
        <dd data-testid="act-dfx" title={formatFull(at.dfx)}>
          {formatNumber(at.dfx, 3)}
        </dd>
      </div>
    </dl>
  );
}

function ChainPanel({ dfx, t }: { dfx: number; t: Strings }) {
  const headingId = useId();
  const verdict = chainVerdict(dfx);
  const d = formatNumber(Math.abs(dfx), 3);
  return (
    <section className="act-chain" aria-labelledby={headingId}>
      <h4 id={headingId}>{t.chainTitle}</h4>
      <p>{t.chainIntro}</p>
      <table className="act-chain-table" data-testid="act-chain">
        <thead>
          <tr>
            <th scope="col">{t.chainN}</th>
            <th scope="col">{t.chainValue}</th>
          </tr>
        </thead>
        <tbody>
          {chainRows(dfx).map(({ n, value }) => (
            <tr key={n} data-n={n}>
              <th scope="row">{n}</th>
              <td>
                <Scientific value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`act-verdict is-${verdict}`} data-testid="act-verdict" aria-live="polite">
        {format(t[verdict], { d })}
      </p>
      <p className="act-best-case muted">
        {fill(t.bestCase, 'value', <Scientific value={SIGMOID_BEST_CASE.value} digits={2} />)}
      </p>
    </section>
  );
}

export default function ActivationExplorer() {
  const t = useStrings(strings);
  const titleId = useId();
  const [state, set] = useWidgetState('act', ACT_SCHEMA);
  const params = useActivationParams(state);
  const at = useMemo(() => probe(state.fn, params, state.x), [state.fn, params, state.x]);
  const hasParams = ACTIVATIONS[state.fn].params.length > 0;

  return (
    <section className="widget act-explorer" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <div className="widget-controls">
        <FunctionPicker value={state.fn} set={set} t={t} />
      </div>
      {hasParams && (
        <div className="widget-controls">
          <ParameterControls state={state} set={set} t={t} />
        </div>
      )}
      <div className="widget-controls">
        <Toggle
          checked={state.derivative}
          onChange={(derivative) => set({ derivative })}
          label={t.derivative}
          disabled={state.compare}
        />
        <Toggle
          checked={state.compare}
          onChange={(compare) => set({ compare })}
          label={t.compare}
        />
      </div>
      <Chart state={state} set={set} params={params} at={at} t={t} />
      <div className="widget-controls">
        <ParamSlider
          param={ACT_SCHEMA.x}
          value={state.x}
          onChange={(x) => set({ x })}
          label={t.probe}
        />
        <Readout at={at} t={t} fn={state.fn} />
      </div>
      <Equation
        tex={ACTIVATION_TEX[state.fn]}
        values={texValues(state.fn, params, at)}
        display
        digits={3}
        label={format(t.equationLabel, { name: t[state.fn], x: formatNumber(state.x, 1) })}
      />
      <ChainPanel dfx={at.dfx} t={t} />
    </section>
  );
}
