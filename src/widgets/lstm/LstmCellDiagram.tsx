import { select } from '../../ui/d3';
import { easeLinear } from 'd3';
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { useStrings } from '../../i18n/useLang';
import { formatFull, formatNumber } from '../../ui/format';
import { useMotionDuration } from '../../ui/motion';
import {
  CELL_BOX,
  CHIPS,
  GATES,
  GATE_IDS,
  OPS,
  PHASE_FOCUS_X,
  TANH_RY,
  VIEW,
  WIRES,
  layoutBars,
  stateIn,
  wirePath,
  type Bar,
  type ChipId,
  type GateId,
  type OpLayout,
} from './lstmCellLayout';
import type { StepValues } from './lstmModel';
import type { Part, Phase } from './lstmPhases';

export const diagramStrings = defineStrings(
  'lstmCellDiagram',
  {
    'gate-f': '망각 게이트',
    'gate-i': '입력 게이트',
    'gate-cand': '후보 셀 상태',
    'gate-o': '출력 게이트',
    cell: 'LSTM 셀',
    belt: '셀 상태 (컨베이어 벨트)',
    label: 'LSTM 셀 그림: t = {step} ({word}), 지금 단계 {phase}',
    described:
      '위쪽 벨트로 셀 상태가 왼쪽의 c{prev}에서 오른쪽의 c{step}로 흐릅니다. 아래 왼쪽에서 h{prev}와 x{step}이 들어와 망각·입력·출력 게이트와 후보 셀 상태로 갑니다. 값: {values}.',
    unit: '유닛 {n}',
    scroll: 'LSTM 셀 그림 (옆으로 스크롤)',
    prediction: '다음 글자 예측: {char}',
    right: '정답',
    wrong: '오답',
  },
  {
    'gate-f': 'forget gate',
    'gate-i': 'input gate',
    'gate-cand': 'candidate',
    'gate-o': 'output gate',
    cell: 'LSTM cell',
    belt: 'cell state (the conveyor belt)',
    label: 'LSTM cell diagram: t = {step} ({word}), now in phase {phase}',
    described:
      'Along the top the cell state flows on a belt from c{prev} on the left to c{step} on the right. At the bottom left h{prev} and x{step} come in and go to the forget, input and output gates and to the candidate. Values: {values}.',
    unit: 'unit {n}',
    scroll: 'LSTM cell diagram (scrolls sideways)',
    prediction: 'next-character guess: {char}',
    right: 'correct',
    wrong: 'wrong',
  },
);

type DiagramStrings = Record<keyof (typeof diagramStrings)['ko'], string>;

export interface LstmCellDiagramProps {
  values: StepValues;
  phase: Phase;
  /** Localised name of the phase, for the accessible label. */
  phaseName: string;
  /** What x_t stands for (a word or a character). */
  word: string;
  /** The scale of signed bars (≥ 1; the largest |c| of the whole sequence). */
  scale: number;
  /** The part under the pointer, here or in the equations. */
  hovered: Part | null;
  onHover?: (part: Part | null) => void;
  /** The trained model's guess after this step, if there is one. */
  prediction?: { char: string; correct: boolean } | null;
}

/** "x" with a lowered index, kept inside the text box on every browser. */
function Sub({
  name,
  index,
  x,
  y,
  anchor = 'middle',
  className,
}: {
  name: string;
  index: string;
  x: number;
  y: number;
  anchor?: 'start' | 'middle' | 'end';
  className?: string;
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} dominantBaseline="central" className={className}>
      <tspan fontStyle="italic">{name}</tspan>
      <tspan dy="0.35em" fontSize="0.72em">
        {index}
      </tspan>
    </text>
  );
}

const list = (values: readonly number[]) => values.map((v) => formatNumber(v, 3)).join(', ');
const fullList = (values: readonly number[]) => values.map(formatFull).join(', ');

function Bars({ id, bars, title }: { id: string; bars: Bar[]; title: (bar: Bar) => string }) {
  return (
    <g className="lstm-bars">
      {bars.map((bar) => (
        <g key={bar.index}>
          <rect
            className="lstm-track"
            x={bar.track.x}
            y={bar.track.y}
            width={bar.track.w}
            height={bar.track.h}
            rx={2}
          />
          <rect
            className={`lstm-bar is-${bar.tone}`}
            data-bar={`${id}-${bar.index}`}
            x={bar.x}
            y={bar.y}
            width={bar.w}
            height={bar.h}
            rx={1.5}
          >
            <title>{title(bar)}</title>
          </rect>
        </g>
      ))}
    </g>
  );
}

/** Hover hooks shared by every part that names a term of the equations. */
function partProps(part: Part | null, hovered: Part | null, onHover?: (p: Part | null) => void) {
  if (!part) return {};
  return {
    'data-part': part,
    className: part === hovered ? 'is-hovered' : undefined,
    onPointerEnter: onHover ? () => onHover(part) : undefined,
    onPointerLeave: onHover ? () => onHover(null) : undefined,
  };
}

function Op({ op, phase }: { op: OpLayout; phase: Phase }) {
  const state = stateIn(op.phases, phase);
  let shape: ReactNode;
  if (op.symbol === 'tanh') {
    shape = (
      <>
        <ellipse cx={op.cx} cy={op.cy} rx={op.r} ry={TANH_RY} />
        <text x={op.cx} y={op.cy} textAnchor="middle" dominantBaseline="central">
          tanh
        </text>
      </>
    );
  } else {
    const a = op.r * 0.45;
    const lines =
      op.symbol === 'plus'
        ? `M${op.cx - a},${op.cy} L${op.cx + a},${op.cy} M${op.cx},${op.cy - a} L${op.cx},${op.cy + a}`
        : `M${op.cx - a},${op.cy - a} L${op.cx + a},${op.cy + a} M${op.cx + a},${op.cy - a} L${op.cx - a},${op.cy + a}`;
    shape = (
      <>
        <circle cx={op.cx} cy={op.cy} r={op.r} />
        <path className="lstm-op-sign" d={lines} />
      </>
    );
  }
  return (
    <g className="lstm-op" data-op={op.id} data-state={state}>
      {shape}
    </g>
  );
}

const GATE_SYMBOL: Record<GateId, string> = { f: 'f', i: 'i', cand: 'c̃', o: 'o' };

/**
 * Animates what changed: bars grow or shrink from their previous size, and a pulse runs along
 * the wires a new phase lights. React owns every element; d3 only moves attributes inside
 * this SVG, and not at all when the learner prefers reduced motion.
 */
function useDiagramMotion(
  svgRef: React.RefObject<SVGSVGElement | null>,
  phase: Phase,
  values: StepValues,
  duration: number,
) {
  const previous = useRef(new Map<string, { y: number; h: number }>());
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const bars = select(svg).selectAll<SVGRectElement, unknown>('rect[data-bar]');
    const before = previous.current;
    const after = new Map<string, { y: number; h: number }>();
    bars.each(function () {
      after.set(this.dataset.bar ?? '', {
        y: Number(this.getAttribute('y')),
        h: Number(this.getAttribute('height')),
      });
    });
    previous.current = after;
    if (duration === 0) return;
    const moving = bars.filter(function () {
      const from = before.get(this.dataset.bar ?? '');
      const to = after.get(this.dataset.bar ?? '');
      return !!from && !!to && (from.y !== to.y || from.h !== to.h);
    });
    moving.each(function () {
      const from = before.get(this.dataset.bar ?? '')!;
      const to = after.get(this.dataset.bar ?? '')!;
      select(this)
        .attr('y', from.y)
        .attr('height', from.h)
        .transition()
        .duration(duration)
        .attr('y', to.y)
        .attr('height', to.h);
    });
    return () => {
      // Whatever is cut short ends where React put it.
      moving.interrupt().each(function () {
        const to = after.get(this.dataset.bar ?? '');
        if (to) select(this).attr('y', to.y).attr('height', to.h);
      });
    };
  }, [svgRef, values, duration]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const pulses = select(svg).selectAll<SVGPathElement, unknown>('path.lstm-pulse');
    pulses.interrupt().attr('stroke-dashoffset', 1.2).style('opacity', 0);
    if (duration === 0) return;
    pulses
      .style('opacity', 1)
      .transition()
      .duration(duration * 2)
      .ease(easeLinear)
      .attr('stroke-dashoffset', 0)
      .on('end', function () {
        select(this).style('opacity', 0);
      });
    return () => {
      pulses.interrupt().style('opacity', 0);
    };
  }, [svgRef, phase, values.t, duration]);
}

/**
 * On a narrow screen the diagram scrolls sideways: keep the current phase's part in view, and
 * make the scrolling box reachable by keyboard only when it really scrolls.
 */
function useFollowPhase(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  phase: Phase,
  duration: number,
): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const observer = new ResizeObserver(() =>
      setOverflowing(box.scrollWidth > box.clientWidth + 1),
    );
    observer.observe(box);
    return () => observer.disconnect();
  }, [scrollRef]);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || !overflowing) return;
    const x = (PHASE_FOCUS_X[phase] / VIEW.width) * box.scrollWidth;
    box.scrollTo({ left: x - box.clientWidth / 2, behavior: duration > 0 ? 'smooth' : 'auto' });
  }, [scrollRef, phase, overflowing, duration]);
  return overflowing;
}

export function LstmCellDiagram({
  values,
  phase,
  phaseName,
  word,
  scale,
  hovered,
  onHover,
  prediction,
}: LstmCellDiagramProps) {
  const t: DiagramStrings = useStrings(diagramStrings);
  const svgRef = useRef<SVGSVGElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const descId = `${useId().replace(/[^\w-]/g, '')}-desc`;
  const markerId = `${descId}-arrow`;
  const duration = useMotionDuration(380);
  useDiagramMotion(svgRef, phase, values, duration);
  const overflowing = useFollowPhase(scrollRef, phase, duration);

  const n = values.t + 1;
  const step = String(n);
  const prev = String(n - 1);

  const chipValues: Record<ChipId, number[]> = {
    cprev: values.cPrev,
    keep: values.keep,
    write: values.write,
    c: values.c,
    tanhc: values.tanhc,
    hprev: values.hPrev,
    x: values.x,
    h: values.h,
  };
  const chipLabel: Record<ChipId, ReactNode> = {
    cprev: <Sub name="c" index={prev} x={CHIPS.cprev.label.x} y={CHIPS.cprev.label.y} />,
    keep: (
      <text
        x={CHIPS.keep.label.x}
        y={CHIPS.keep.label.y}
        textAnchor="middle"
        dominantBaseline="central"
      >
        <tspan fontStyle="italic">f</tspan>
        <tspan dy="0.35em" fontSize="0.72em">
          {step}
        </tspan>
        <tspan dy="-0.35em"> ⊙ </tspan>
        <tspan fontStyle="italic">c</tspan>
        <tspan dy="0.35em" fontSize="0.72em">
          {prev}
        </tspan>
      </text>
    ),
    write: (
      <text
        x={CHIPS.write.label.x}
        y={CHIPS.write.label.y}
        textAnchor="middle"
        dominantBaseline="central"
      >
        <tspan fontStyle="italic">i</tspan>
        <tspan dy="0.35em" fontSize="0.72em">
          {step}
        </tspan>
        <tspan dy="-0.35em"> ⊙ </tspan>
        <tspan fontStyle="italic">c̃</tspan>
        <tspan dy="0.35em" fontSize="0.72em">
          {step}
        </tspan>
      </text>
    ),
    c: <Sub name="c" index={step} x={CHIPS.c.label.x} y={CHIPS.c.label.y} />,
    tanhc: (
      <text
        x={CHIPS.tanhc.label.x}
        y={CHIPS.tanhc.label.y}
        textAnchor="middle"
        dominantBaseline="central"
      >
        tanh(<tspan fontStyle="italic">c</tspan>
        <tspan dy="0.35em" fontSize="0.72em">
          {step}
        </tspan>
        <tspan dy="-0.35em">)</tspan>
      </text>
    ),
    hprev: <Sub name="h" index={prev} x={CHIPS.hprev.label.x} y={CHIPS.hprev.label.y} />,
    x: (
      <text
        x={CHIPS.x.label.x}
        y={CHIPS.x.label.y}
        textAnchor="start"
        dominantBaseline="central"
        className="lstm-word"
      >
        <tspan fontStyle="italic">x</tspan>
        <tspan dy="0.35em" fontSize="0.72em">
          {step}
        </tspan>
        <tspan dy="-0.35em">{` = ${word}`}</tspan>
      </text>
    ),
    h: <Sub name="h" index={step} x={CHIPS.h.label.x} y={CHIPS.h.label.y} />,
  };

  const chipNames: Record<ChipId, string> = {
    cprev: `c${prev}`,
    keep: `f${step} ⊙ c${prev}`,
    write: `i${step} ⊙ c̃${step}`,
    c: `c${step}`,
    tanhc: `tanh(c${step})`,
    hprev: `h${prev}`,
    x: `x${step} (${word})`,
    h: `h${step}`,
  };
  const description = format(t.described, {
    prev,
    step,
    values: [
      `f${step} = [${list(values.gates.f.value)}]`,
      `i${step} = [${list(values.gates.i.value)}]`,
      `c̃${step} = [${list(values.gates.cand.value)}]`,
      `c${step} = [${list(values.c)}]`,
      `o${step} = [${list(values.gates.o.value)}]`,
      `h${step} = [${list(values.h)}]`,
    ].join('; '),
  });
  const unitTitle = (name: string, all: readonly number[]) => (bar: Bar) =>
    `${name}, ${format(t.unit, { n: bar.index + 1 })}: ${formatFull(bar.value)} (${fullList(all)})`;

  return (
    <>
      <div
        ref={scrollRef}
        className="lstm-diagram-scroll"
        tabIndex={overflowing ? 0 : undefined}
        role={overflowing ? 'group' : undefined}
        aria-label={overflowing ? t.scroll : undefined}
      >
        <svg
          ref={svgRef}
          className="lstm-diagram"
          viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
          role="img"
          aria-label={format(t.label, { step, word, phase: phaseName })}
          aria-describedby={descId}
          data-phase={phase}
          data-step={values.t}
          style={{ '--lstm-motion': `${duration}ms` } as React.CSSProperties}
        >
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="11"
              markerHeight="11"
              orient="auto-start-reverse"
              markerUnits="userSpaceOnUse"
            >
              <path d="M0,1 L9,5 L0,9 z" className="lstm-arrowhead" />
            </marker>
          </defs>
          <rect
            className="lstm-cell-box"
            x={CELL_BOX.x}
            y={CELL_BOX.y}
            width={CELL_BOX.w}
            height={CELL_BOX.h}
            rx={18}
          />
          <text className="lstm-cell-name" x={CELL_BOX.x + 12} y={CELL_BOX.y + CELL_BOX.h - 12}>
            {t.cell}
          </text>
          <text
            className="lstm-belt-name"
            x={(OPS.add.cx + OPS.tanhc.cx) / 2}
            y={22}
            textAnchor="middle"
          >
            {t.belt}
          </text>

          <g className="lstm-wires">
            {WIRES.map((wire) => {
              const hover = partProps(wire.part, hovered, onHover);
              return (
                <g
                  key={wire.id}
                  data-wire={wire.id}
                  data-state={stateIn(wire.phases, phase)}
                  {...hover}
                  className={['lstm-wire', wire.belt ? 'is-belt' : '', hover.className ?? '']
                    .filter(Boolean)
                    .join(' ')}
                >
                  <path
                    d={wirePath(wire.points)}
                    markerEnd={wire.arrow ? `url(#${markerId})` : undefined}
                  />
                  {/* A wider invisible stroke makes thin wires easy to hover. */}
                  <path className="lstm-hit" d={wirePath(wire.points)} />
                  {stateIn(wire.phases, phase) === 'active' && (
                    <path className="lstm-pulse" d={wirePath(wire.points)} pathLength={1} />
                  )}
                </g>
              );
            })}
          </g>

          {Object.values(OPS).map((op) => (
            <Op key={op.id} op={op} phase={phase} />
          ))}

          {GATE_IDS.map((id) => {
            const gate = GATES[id];
            const gateValues = values.gates[id].value;
            const hover = partProps(id, hovered, onHover);
            return (
              <g
                key={id}
                data-gate={id}
                data-state={stateIn(gate.phases, phase)}
                {...hover}
                className={['lstm-gate', `is-${gate.activation}`, hover.className ?? '']
                  .filter(Boolean)
                  .join(' ')}
              >
                <rect x={gate.box.x} y={gate.box.y} width={gate.box.w} height={gate.box.h} rx={8} />
                <Sub
                  name={GATE_SYMBOL[id]}
                  index={step}
                  x={gate.box.x + 12}
                  y={gate.box.y + 13}
                  anchor="start"
                  className="lstm-gate-symbol"
                />
                <text
                  className="lstm-gate-act"
                  x={gate.box.x + gate.box.w - 10}
                  y={gate.box.y + 13}
                  textAnchor="end"
                  dominantBaseline="central"
                >
                  {gate.activation === 'sigmoid' ? 'σ' : 'tanh'}
                </text>
                <Bars
                  id={id}
                  bars={layoutBars(
                    gateValues,
                    gate.bars,
                    gate.activation === 'sigmoid' ? 'unit' : 'signed',
                  )}
                  title={unitTitle(t[`gate-${id}`], gateValues)}
                />
                <text
                  className="lstm-gate-name"
                  x={gate.cx}
                  y={gate.box.y + gate.box.h - 11}
                  textAnchor="middle"
                  dominantBaseline="central"
                >
                  {t[`gate-${id}`]}
                </text>
              </g>
            );
          })}

          {(Object.keys(CHIPS) as ChipId[]).map((id) => {
            const chip = CHIPS[id];
            const hover = partProps(chip.part, hovered, onHover);
            const chipData = chipValues[id];
            return (
              <g
                key={id}
                data-chip={id}
                data-state={stateIn(chip.phases, phase)}
                {...hover}
                className={['lstm-chip', hover.className ?? ''].filter(Boolean).join(' ')}
              >
                <rect
                  className="lstm-chip-back"
                  x={chip.area.x - 3}
                  y={chip.area.y - 3}
                  width={chip.area.w + 6}
                  height={chip.area.h + 6}
                  rx={5}
                />
                {chip.mode === 'signed' && (
                  <line
                    className="lstm-zero"
                    x1={chip.area.x - 2}
                    x2={chip.area.x + chip.area.w + 2}
                    y1={chip.area.y + chip.area.h / 2}
                    y2={chip.area.y + chip.area.h / 2}
                  />
                )}
                <Bars
                  id={id}
                  bars={layoutBars(chipData, chip.area, chip.mode, scale)}
                  title={unitTitle(chipNames[id], chipData)}
                />
                {chipLabel[id]}
              </g>
            );
          })}

          {prediction && (
            <text
              className={`lstm-prediction ${prediction.correct ? 'is-right' : 'is-wrong'}`}
              x={CHIPS.h.area.x + CHIPS.h.area.w / 2}
              y={CHIPS.h.area.y + CHIPS.h.area.h + 20}
              textAnchor="middle"
              dominantBaseline="central"
              data-state={stateIn(['emit'], phase)}
            >
              {`→ “${prediction.char}” ${prediction.correct ? '✓' : '✗'}`}
              <title>
                {`${format(t.prediction, { char: prediction.char })} (${prediction.correct ? t.right : t.wrong})`}
              </title>
            </text>
          )}
        </svg>
        <p id={descId} className="sr-only">
          {description}
        </p>
      </div>
      <div className="figure-tools">
        <ExportMenu
          target={svgRef}
          name={format(t.label, { step, word, phase: phaseName })}
          filename={`lstm-cell-t${step}-${phase}`}
        />
      </div>
    </>
  );
}
