import { useId, useRef } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { formatFull, formatNumber } from '../../ui/format';
import {
  GRU_NODES,
  GRU_VIEW,
  GRU_WIRES,
  gruStateIn,
  unitBars,
  wirePath,
  type GruNode,
} from './gruCellLayout';
import { GRU_PHASES, type GruPart, type GruPhase, type GruStepValues } from './gruModel';

const strings = defineStrings(
  'gruCellDiagram',
  {
    label: 'GRU 셀 그림: t = {step}, 지금 단계 {phase}',
    described:
      '위쪽 선으로 이전 은닉 상태 h{prev}가 왼쪽에서 들어와 오른쪽의 섞는 점에서 h{step}이 됩니다. 아래에서 x{step}이 리셋 게이트, 업데이트 게이트, 후보 은닉 상태로 들어갑니다. 값: {values}.',
    'node-r': '리셋 게이트',
    'node-z': '업데이트 게이트',
    'node-cand': '후보 은닉 상태',
    'node-rh': '리셋된 과거 r ⊙ h',
    'node-mix': '섞기',
    scroll: 'GRU 셀 그림 (옆으로 스크롤)',
  },
  {
    label: 'GRU cell diagram: t = {step}, now in phase {phase}',
    described:
      'Along the top the previous hidden state h{prev} comes in from the left and becomes h{step} at the mixing point on the right. From below, x{step} goes into the reset gate, the update gate and the candidate. Values: {values}.',
    'node-r': 'reset gate',
    'node-z': 'update gate',
    'node-cand': 'candidate',
    'node-rh': 'reset past r ⊙ h',
    'node-mix': 'mix',
    scroll: 'GRU cell diagram (scrolls sideways)',
  },
);

const SYMBOL: Record<GruNode['id'], string> = { r: 'r', z: 'z', cand: 'h̃', rh: '⊙', mix: '+' };
const ACT: Partial<Record<GruNode['id'], string>> = { r: 'σ', z: 'σ', cand: 'tanh' };

/** h₁, x₂: a letter with a real subscript. */
function Indexed({ x, y, base, index }: { x: number; y: number; base: string; index: number }) {
  return (
    <text x={x} y={y} className="gru-end-label">
      <tspan fontStyle="italic">{base}</tspan>
      <tspan dy={5} fontSize={11}>
        {index}
      </tspan>
    </text>
  );
}

const vec = (values: readonly number[]) => values.map((v) => formatNumber(v, 2)).join(', ');

export function GruCellDiagram({
  values,
  phase,
  phaseName,
  hovered,
  onHover,
}: {
  values: GruStepValues;
  phase: GruPhase;
  phaseName: string;
  hovered: GruPart | null;
  onHover: (part: GruPart | null) => void;
}) {
  const t = useStrings(strings);
  const descId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const n = values.t + 1;
  const nodeValues: Record<GruNode['id'], number[]> = {
    r: values.r,
    z: values.z,
    cand: values.cand,
    rh: values.rh,
    mix: values.h,
  };
  const hoverProps = (part: GruPart) => ({
    'data-part': part,
    onPointerEnter: () => onHover(part),
    onPointerLeave: () => onHover(null),
  });
  const described = format(t.described, {
    prev: n - 1,
    step: n,
    values: `r ${vec(values.r)}; z ${vec(values.z)}; h̃ ${vec(values.cand)}; h ${vec(values.h)}`,
  });
  return (
    <>
      <div className="lstm-diagram-scroll" tabIndex={0} role="group" aria-label={t.scroll}>
        <svg
          ref={svgRef}
          className="lstm-diagram gru-diagram"
          viewBox={`0 0 ${GRU_VIEW.width} ${GRU_VIEW.height}`}
          role="img"
          aria-label={format(t.label, { step: n, phase: phaseName })}
          aria-describedby={descId}
          data-phase={phase}
          data-step={values.t}
        >
          <desc id={descId}>{described}</desc>
          <rect className="lstm-cell-box" x={60} y={30} width={470} height={255} rx={16} />
          <text className="lstm-cell-name" x={70} y={50}>
            GRU
          </text>
          {GRU_WIRES.map((wire) => {
            const state = gruStateIn(wire.phase, phase, GRU_PHASES);
            return (
              <g
                key={wire.id}
                className={`lstm-wire${hovered === wire.part ? ' is-hovered' : ''}`}
                data-wire={wire.id}
                data-state={state}
                {...hoverProps(wire.part)}
              >
                <path d={wirePath(wire.points)} />
                <path className="lstm-hit" d={wirePath(wire.points)} />
              </g>
            );
          })}
          <Indexed x={22} y={48} base="h" index={n - 1} />
          <Indexed x={548} y={48} base="h" index={n} />
          <Indexed x={22} y={325} base="x" index={n} />
          {GRU_NODES.map((node) => {
            const state = gruStateIn(node.phase, phase, GRU_PHASES);
            const shown = state !== 'dim';
            const nums = nodeValues[node.id];
            const title = `${t[`node-${node.id}`]}: ${nums.map(formatFull).join(', ')}`;
            const hoverClass = hovered === node.part ? ' is-hovered' : '';
            if (node.shape === 'op') {
              return (
                <g
                  key={node.id}
                  className={`lstm-op${hoverClass}`}
                  data-gate={node.id}
                  data-state={state}
                  {...hoverProps(node.part)}
                >
                  <circle cx={node.x} cy={node.y} r={node.w / 2} />
                  <title>{title}</title>
                  <text x={node.x} y={node.y + 5} textAnchor="middle">
                    {SYMBOL[node.id]}
                  </text>
                  {node.id === 'mix' && shown && (
                    <text x={node.x} y={node.y - 26} textAnchor="middle" className="gru-node-value">
                      h = [{vec(nums)}]
                    </text>
                  )}
                </g>
              );
            }
            const bars = unitBars(node, nums, node.id === 'cand');
            return (
              <g
                key={node.id}
                className={`lstm-gate${node.id === 'cand' ? ' is-tanh' : ''}${hoverClass}`}
                data-gate={node.id}
                data-state={state}
                {...hoverProps(node.part)}
              >
                <rect
                  x={node.x - node.w / 2}
                  y={node.y - node.h / 2}
                  width={node.w}
                  height={node.h}
                  rx={8}
                />
                <title>{title}</title>
                <text className="lstm-gate-symbol" x={node.x} y={node.y - 4} textAnchor="middle">
                  {SYMBOL[node.id]} <tspan className="lstm-gate-act">{ACT[node.id]}</tspan>
                </text>
                <text className="lstm-gate-name" x={node.x} y={node.y + 16} textAnchor="middle">
                  {t[`node-${node.id}`]}
                </text>
                {shown &&
                  bars.map((bar, k) => (
                    <rect
                      key={k}
                      className={`lstm-bar is-${bar.sign}`}
                      x={bar.x}
                      y={bar.y}
                      width={bar.width}
                      height={Math.max(1, bar.height)}
                    />
                  ))}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="figure-tools">
        <ExportMenu
          target={svgRef}
          name={format(t.label, { step: n, phase: phaseName })}
          filename={`gru-cell-t${n}-${phase}`}
        />
      </div>
    </>
  );
}
