import { useCallback, useId, useMemo, useRef } from 'react';
import { useClassroom } from '../../app/classroom';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { Heatmap } from '../../ui/Heatmap';
import { StepControls } from '../../ui/StepControls';
import { usePlayback } from '../../ui/usePlayback';
import { useBackendReady } from '../cell/backend';
import { OverflowBox } from '../cell/OverflowBox';
import { rnnCellSteps, unitsByStep } from './rnnCellModel';
import { RNN_CELL_SCHEMA } from './simpleRnnSchemas';
import './simple-rnn.css';

const strings = defineStrings(
  'rnnCell',
  {
    title: 'SimpleRNN 셀을 시간 축으로 펼치기',
    intro:
      '“hihello”의 첫 여섯 글자를 원-핫 벡터로 한 글자씩 읽습니다. 은닉 유닛은 5개, 초기 상태 h₀은 모두 0입니다. 가중치는 시드로 만든 무작위 값(학습 전)입니다.',
    steps: '시간 스텝',
    stepLabel: 't = {t} / {T}, 입력 “{c}”',
    act: '활성화 함수',
    seedLabel: '가중치 시드',
    newSeed: '다른 가중치',
    diagram: '펼친 SimpleRNN: 같은 셀이 타임 스텝마다 반복되고 은닉 상태가 오른쪽으로 전달됩니다',
    symbolic: 'SimpleRNN의 식',
    live: '현재 스텝의 값을 넣은 식 (유닛 5개 벡터)',
    heatmap: '타임 스텝별 은닉 상태 h (행: 유닛, 열: 스텝)',
    equationBox: '식 (옆으로 스크롤)',
    loading: 'TensorFlow.js를 불러오는 중…',
    cell: '셀',
  },
  {
    title: 'The SimpleRNN cell, unrolled over time',
    intro:
      'The first six characters of “hihello” are read one at a time as one-hot vectors. There are 5 hidden units and the initial state h₀ is all zeros. The weights are seeded random values (before training).',
    steps: 'Time steps',
    stepLabel: 't = {t} / {T}, input “{c}”',
    act: 'Activation',
    seedLabel: 'Weight seed',
    newSeed: 'Other weights',
    diagram:
      'The unrolled SimpleRNN: the same cell repeats at every time step and passes its hidden state to the right',
    symbolic: 'The SimpleRNN equation',
    live: 'The equation with this step’s values (vectors of 5 units)',
    heatmap: 'Hidden state h by time step (rows: units, columns: steps)',
    equationBox: 'Equation (scrolls sideways)',
    loading: 'Loading TensorFlow.js…',
    cell: 'cell',
  },
);

const ACT_TEX = { tanh: '\\tanh', sigmoid: '\\sigma', relu: '\\mathrm{ReLU}' } as const;

export function liveTex(act: keyof typeof ACT_TEX, t: number): string {
  const prev = t === 0 ? 'h_{0}' : `h_{${t}}`;
  return (
    `h_{${t + 1}} = ${ACT_TEX[act]}\\big(\\underbrace{{{wx}}}_{W_x x_{${t + 1}}} + ` +
    `\\underbrace{{{uh}}}_{W_h ${prev}} + \\underbrace{{{b}}}_{b}\\big) = {{h}}`
  );
}

function Unrolled({
  chars,
  current,
  onSelect,
  label,
  cellText,
}: {
  chars: readonly string[];
  current: number;
  onSelect: (t: number) => void;
  label: string;
  cellText: string;
}) {
  const gap = 78;
  const width = chars.length * gap + 40;
  const svgRef = useRef<SVGSVGElement>(null);
  return (
    <>
      <svg
        ref={svgRef}
        className="rnn-unrolled"
        viewBox={`0 0 ${width} 150`}
        role="img"
        aria-label={label}
        data-step={current}
      >
        <defs>
          <marker
            id="rnn-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" className="rnn-arrow-head" />
          </marker>
        </defs>
        <text x={8} y={70} className="rnn-svg-label">
          h₀
        </text>
        {chars.map((c, t) => {
          const x = 30 + t * gap;
          const on = t === current;
          const done = t <= current;
          return (
            <g
              key={t}
              className={`rnn-step${on ? ' is-current' : ''}${done ? ' is-done' : ''}`}
              onClick={() => onSelect(t)}
            >
              <line
                x1={x - 8}
                y1={66}
                x2={x + 4}
                y2={66}
                markerEnd="url(#rnn-arrow)"
                className="rnn-edge"
              />
              <rect x={x + 6} y={46} width={44} height={40} rx={8} className="rnn-box" />
              <text x={x + 28} y={71} textAnchor="middle" className="rnn-svg-label">
                {cellText}
              </text>
              <line
                x1={x + 28}
                y1={118}
                x2={x + 28}
                y2={90}
                markerEnd="url(#rnn-arrow)"
                className="rnn-edge"
              />
              <text x={x + 28} y={138} textAnchor="middle" className="rnn-svg-char">
                {c}
              </text>
              <line
                x1={x + 28}
                y1={44}
                x2={x + 28}
                y2={22}
                markerEnd="url(#rnn-arrow)"
                className="rnn-edge"
              />
              <text x={x + 28} y={15} textAnchor="middle" className="rnn-svg-label">
                h{String.fromCharCode(0x2080 + t + 1)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="figure-tools">
        <ExportMenu target={svgRef} name={label} filename={`rnn-unrolled-t${current + 1}`} />
      </div>
    </>
  );
}

export default function RnnCell({ id = 'rnnCell' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const classroom = useClassroom();
  const ready = useBackendReady();
  const [state, set] = useWidgetState(id, RNN_CELL_SCHEMA);
  const steps = useMemo(
    () => (ready ? rnnCellSteps(state.seed, state.act) : null),
    [ready, state.seed, state.act],
  );
  const T = steps?.steps ?? 6;
  const onStep = useCallback((step: number) => set({ t: step }), [set]);
  const playback = usePlayback({ count: T, step: state.t, onStep });
  const step = Math.min(state.t, T - 1);

  return (
    <section className="widget rnn-cell" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <div className="widget-controls rnn-cell-controls">
        <div className="segmented" role="group" aria-label={t.act}>
          {RNN_CELL_SCHEMA.act.values.map((a) => (
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
        <button
          type="button"
          className="button"
          onClick={() => set({ seed: (state.seed * 7919 + 13) % 10_000 })}
        >
          {t.newSeed}
        </button>
        <span className="muted">
          {t.seedLabel}: {state.seed}
        </span>
      </div>
      <StepControls
        playback={playback}
        label={t.steps}
        keyboard={classroom.active ? 'document' : 'widget'}
        stepLabel={(k) => format(t.stepLabel, { t: k + 1, T, c: steps?.inputChars[k] ?? '' })}
      />
      {steps ? (
        <>
          <Unrolled
            chars={steps.inputChars}
            current={step}
            onSelect={onStep}
            label={t.diagram}
            cellText={t.cell}
          />
          <OverflowBox label={t.equationBox} className="gb-eq-scroll">
            <Equation
              display
              label={t.symbolic}
              tex={`h_t = ${ACT_TEX[state.act]}(W_x x_t + W_h h_{t-1} + b)`}
            />
          </OverflowBox>
          {classroom.hidden.has('numbers') ? null : (
            <OverflowBox label={t.equationBox} className="gb-eq-scroll">
              <Equation
                display
                label={t.live}
                digits={2}
                tex={liveTex(state.act, step)}
                values={{
                  wx: steps.wx[step]!,
                  uh: steps.uh[step]!,
                  b: steps.b,
                  h: steps.h[step]!,
                }}
              />
            </OverflowBox>
          )}
          <Heatmap
            values={unitsByStep(steps.h)}
            rowLabels={Array.from({ length: steps.units }, (_, j) => `h${j + 1}`)}
            colLabels={steps.inputChars.map((c, k) => `${k + 1}:${c}`)}
            current={step}
            onSelect={onStep}
            ariaLabel={t.heatmap}
          />
        </>
      ) : (
        <p className="muted">{t.loading}</p>
      )}
    </section>
  );
}
