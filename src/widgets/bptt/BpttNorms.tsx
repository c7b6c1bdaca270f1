import { useEffect, useId, useMemo, useState } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { ensureBackend } from '../cell/backend';
import { OverflowBox } from '../cell/OverflowBox';
import { BpttFlow } from './BpttFlow';
import { NORMS_SCHEMA, NORM_PRESETS } from './bpttSchemas';
import type { NormResult, NormSettings } from './bpttNorms';
import { logPoints, stepRatio, trendOf, type Trend } from './trend';
import './bptt.css';

const strings = defineStrings(
  'bpttNorms',
  {
    title: '시간을 거슬러 가는 기울기의 크기',
    intro:
      '손실 L = ½‖h_T − y‖²은 마지막 스텝에만 있습니다. 그 기울기가 앞쪽 스텝으로 거슬러 가면서 얼마나 작아지거나 커지는지, 같은 입력과 같은 시드에서 SimpleRNN(유닛 16개)과 LSTM(유닛 16개)을 비교합니다.',
    steps: '시퀀스 길이 T',
    scale: '순환 가중치 배율',
    act: 'SimpleRNN 활성화 함수',
    presets: '예시 설정',
    vanishing: '소실 재현',
    exploding: '폭발 재현',
    short: '짧은 시퀀스',
    computing: '계산 중…',
    chart: '타임 스텝별 ‖∂L/∂h_t‖ (로그 축)',
    tAxis: '타임 스텝 t',
    summary:
      '{name}: 첫 스텝과 마지막 스텝의 비 ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ = {ratio}, 스텝당 평균 배율 {r} → {trend}',
    'trend-vanishing': '기울기 소실',
    'trend-exploding': '기울기 폭발',
    'trend-steady': '크게 변하지 않음',
    'trend-overflow': '넘침 (∞ 또는 NaN)',
    chain: '연쇄 법칙의 곱',
    live: '스텝당 평균 배율로 본 SimpleRNN의 곱',
    equationBox: '식 (옆으로 스크롤)',
    overflow: '값이 float32 범위를 넘었습니다. 순환 가중치 배율을 낮추거나 시퀀스를 줄여 보세요.',
  },
  {
    title: 'How big the gradient is as it travels back in time',
    intro:
      'The loss L = ½‖h_T − y‖² sits at the last step only. Watch how much its gradient shrinks or grows on the way back to earlier steps, for a SimpleRNN (16 units) and an LSTM (16 units) on the same input and seed.',
    steps: 'Sequence length T',
    scale: 'Recurrent weight scale',
    act: 'SimpleRNN activation',
    presets: 'Presets',
    vanishing: 'Reproduce vanishing',
    exploding: 'Reproduce exploding',
    short: 'Short sequence',
    computing: 'Computing…',
    chart: '‖∂L/∂h_t‖ by time step (log axis)',
    tAxis: 'time step t',
    summary:
      '{name}: first-to-last ratio ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ = {ratio}, mean factor per step {r} → {trend}',
    'trend-vanishing': 'vanishing gradient',
    'trend-exploding': 'exploding gradient',
    'trend-steady': 'no big change',
    'trend-overflow': 'overflow (∞ or NaN)',
    chain: 'The chain-rule product',
    live: 'The SimpleRNN’s product, with the mean factor per step',
    equationBox: 'Equation (scrolls sideways)',
    overflow:
      'Values went past the float32 range. Lower the recurrent scale or shorten the sequence.',
  },
);

const SYM = { normAxis: '‖∂L/∂h_t‖', rnn: 'SimpleRNN', lstm: 'LSTM' } as const;

const CHAIN_TEX =
  "\\frac{\\partial L}{\\partial h_t} = \\frac{\\partial L}{\\partial h_T} \\prod_{k=t+1}^{T} \\frac{\\partial h_k}{\\partial h_{k-1}}, \\qquad \\frac{\\partial h_k}{\\partial h_{k-1}} = \\mathrm{diag}\\big(\\phi'(a_k)\\big) W_h^{\\top}";

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : x.toPrecision(3);
}

export default function BpttNorms({ id = 'norms' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const [state, set] = useWidgetState(id, NORMS_SCHEMA);
  const [result, setResult] = useState<{ key: string; r: NormResult } | null>(null);
  const { steps, scale, act, seed } = state;
  const key = `${steps}|${scale}|${act}|${seed}`;

  useEffect(() => {
    let live = true;
    const settings: NormSettings = { steps, scale, act, seed };
    const timer = setTimeout(() => {
      void (async () => {
        await ensureBackend();
        const { gradientNorms } = await import('./bpttNorms');
        if (!live) return;
        const r = gradientNorms(settings);
        if (live) setResult({ key, r });
      })();
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, steps, scale, act, seed]);

  const r = result?.r ?? null;
  const trends: { rnn: Trend; lstm: Trend } | null = r
    ? { rnn: trendOf(r.rnn), lstm: trendOf(r.lstm) }
    : null;
  const series = useMemo<ChartSeries[]>(
    () =>
      r
        ? [
            { id: 'rnn', label: SYM.rnn, points: logPoints(r.rnn) },
            { id: 'lstm', label: SYM.lstm, points: logPoints(r.lstm), dashed: true },
          ]
        : [],
    [r],
  );
  const stale = result !== null && result.key !== key;
  const rnnFirst = r ? r.rnn[0]! : NaN;
  const rnnLast = r ? r.rnn[r.rnn.length - 1]! : NaN;

  return (
    <section
      className="widget bptt-norms"
      aria-labelledby={titleId}
      aria-busy={!r || stale}
      data-ready={r && !stale ? 'true' : 'false'}
      data-trend-rnn={trends?.rnn}
      data-trend-lstm={trends?.lstm}
    >
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <div className="widget-controls bptt-controls">
        <div className="segmented" role="group" aria-label={t.presets}>
          {NORM_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              data-preset={p.id}
              aria-pressed={
                state.steps === p.steps && state.scale === p.scale && state.act === p.act
              }
              onClick={() => set({ steps: p.steps, scale: p.scale, act: p.act })}
            >
              {t[p.id]}
            </button>
          ))}
        </div>
        <ParamSlider
          param={NORMS_SCHEMA.steps}
          value={state.steps}
          onChange={(steps) => set({ steps })}
          label={t.steps}
        />
        <ParamSlider
          param={NORMS_SCHEMA.scale}
          value={state.scale}
          onChange={(scale) => set({ scale })}
          label={t.scale}
        />
        <div className="segmented" role="group" aria-label={t.act}>
          {NORMS_SCHEMA.act.values.map((a) => (
            <button
              key={a}
              type="button"
              aria-pressed={state.act === a}
              onClick={() => set({ act: a })}
            >
              {a}
            </button>
          ))}
        </div>
      </div>
      <OverflowBox label={t.equationBox} className="gb-eq-scroll">
        <Equation display label={t.chain} tex={CHAIN_TEX} />
      </OverflowBox>
      {r && Number.isFinite(rnnFirst) && Number.isFinite(rnnLast) && rnnLast > 0 ? (
        <OverflowBox label={t.equationBox} className="gb-eq-scroll">
          <Equation
            display
            label={t.live}
            tex={`\\left\\|\\frac{\\partial L}{\\partial h_1}\\right\\| \\approx \\left\\|\\frac{\\partial L}{\\partial h_{${r.rnn.length}}}\\right\\| \\times \\bar{r}^{\\,${r.rnn.length - 1}} = {{last}} \\times {{ratio}}^{${r.rnn.length - 1}} = {{first}}`}
            values={{ last: rnnLast, ratio: stepRatio(r.rnn), first: rnnFirst }}
          />
        </OverflowBox>
      ) : null}
      {r ? (
        <>
          <BpttFlow rnn={r.rnn} lstm={r.lstm} />
          <LineChart
            series={series}
            xLabel={t.tAxis}
            yLabel={SYM.normAxis}
            yScale="log"
            xDomain={[1, state.steps]}
            height={260}
            ariaLabel={t.chart}
          />
          <ul className="bptt-summary" data-testid="norms-summary">
            {(['rnn', 'lstm'] as const).map((k) => (
              <li key={k} data-kind={k}>
                {format(t.summary, {
                  name: SYM[k],
                  ratio: fmt(r[k][0]! / r[k][r[k].length - 1]!),
                  r: fmt(stepRatio(r[k])),
                  trend: t[`trend-${trends![k]}`],
                })}
              </li>
            ))}
          </ul>
          {r.warning ? (
            <p className="bptt-error" role="alert">
              {t.overflow}
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">{t.computing}</p>
      )}
    </section>
  );
}
