import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { select } from '../../ui/d3';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { useMotionDuration } from '../../ui/motion';
import { OverflowBox } from '../cell/OverflowBox';
import { flowColumns, normStrength, shortNorm } from './bpttFlow';

const strings = defineStrings(
  'bpttFlow',
  {
    label:
      '펼친 신경망에서 거꾸로 흐르는 오차. SimpleRNN은 t = {T}에서 ‖∂L/∂h_t‖ = {rnnLast}, t = 1에서 {rnnFirst}. LSTM은 t = {T}에서 {lstmLast}, t = 1에서 {lstmFirst}.',
    caption:
      '회색 화살표는 앞으로 가는 계산, 주황 화살표는 손실 L에서 거꾸로 흐르는 오차입니다. 화살표의 굵기와 원의 진하기가 ‖∂L/∂h_t‖의 크기(로그 눈금)를 따릅니다.',
    gap: '스텝 {from}–{to} 생략',
    scroll: '펼친 신경망 그림 (옆으로 스크롤)',
  },
  {
    label:
      'The error flowing backwards through the unrolled network. SimpleRNN: ‖∂L/∂h_t‖ = {rnnLast} at t = {T}, {rnnFirst} at t = 1. LSTM: {lstmLast} at t = {T}, {lstmFirst} at t = 1.',
    caption:
      'Grey arrows are the forward computation; orange arrows carry the error back from the loss L. Arrow width and circle shade follow ‖∂L/∂h_t‖ (log scale).',
    gap: 'steps {from}–{to} left out',
    scroll: 'Unrolled network diagram (scrolls sideways)',
  },
);

const COL = 66;
const LEFT = 96;
const ROW_Y = { rnn: 46, lstm: 142 } as const;
const R = 17;
const ROWS = [
  { key: 'rnn', name: 'SimpleRNN' },
  { key: 'lstm', name: 'LSTM' },
] as const;

/**
 * The unrolled SimpleRNN and LSTM with the error of a last-step loss flowing back through
 * time: one column per time step (a long sequence keeps its first and last steps around a
 * gap), backward arrows as wide and nodes as dark as the gradient norm at that step. React
 * draws it; d3 replays the backward sweep, right to left, whenever the norms change.
 */
export function BpttFlow({ rnn, lstm }: { rnn: Float32Array; lstm: Float32Array }) {
  const t = useStrings(strings);
  const markerId = useId().replace(/:/g, '');
  const svgRef = useRef<SVGSVGElement>(null);
  const duration = useMotionDuration(900);
  const T = rnn.length;
  const columns = useMemo(() => flowColumns(T), [T]);
  const strength = useMemo(() => normStrength([rnn, lstm]), [rnn, lstm]);
  // Room after L for the row's name again: a phone shows this end first.
  const width = LEFT + columns.length * COL + 110;
  const height = 214;
  const xOf = (i: number) => LEFT + i * COL + COL / 2;
  const lossX = xOf(columns.length) - 6;
  const norms = { rnn, lstm };

  // On a narrow screen the diagram scrolls sideways: show its right end, where the error
  // leaves the loss, rather than the first steps.
  useLayoutEffect(() => {
    const box = svgRef.current?.parentElement;
    if (box && box.scrollWidth > box.clientWidth) box.scrollLeft = box.scrollWidth;
  }, [columns.length]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || duration === 0) return;
    const back = select(svg).selectAll<SVGElement, unknown>('[data-back]');
    const stagger = duration / Math.max(4, columns.length);
    back
      .interrupt()
      .attr('opacity', 0)
      .transition()
      .delay(function () {
        return (columns.length - Number(this.dataset.back)) * stagger;
      })
      .duration(duration / 2)
      .attr('opacity', 1)
      .on('end', function () {
        this.removeAttribute('opacity');
      });
    return () => {
      back.interrupt().attr('opacity', null);
    };
  }, [rnn, lstm, columns, duration]);

  const gapIndex = columns.indexOf(null);
  const label = format(t.label, {
    T,
    rnnLast: shortNorm(rnn[T - 1] ?? NaN),
    rnnFirst: shortNorm(rnn[0] ?? NaN),
    lstmLast: shortNorm(lstm[T - 1] ?? NaN),
    lstmFirst: shortNorm(lstm[0] ?? NaN),
  });

  return (
    <figure className="bptt-flow">
      <OverflowBox label={t.scroll} className="bptt-flow-scroll">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-label={label}
          data-columns={columns.length}
        >
          <defs>
            {(['fwd', 'back'] as const).map((kind) => (
              <marker
                key={kind}
                id={`${markerId}-${kind}`}
                className={`bptt-flow-head is-${kind}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="9"
                markerHeight="9"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" />
              </marker>
            ))}
          </defs>
          {ROWS.map(({ key, name }) => {
            const y = ROW_Y[key];
            const list = norms[key];
            return (
              <g key={key} data-row={key}>
                <text x={8} y={y + 5} className="bptt-flow-row">
                  {name}
                </text>
                {columns.map((step, i) => {
                  const x = xOf(i);
                  if (step === null) {
                    return (
                      <text key="gap" x={x} y={y + 5} textAnchor="middle" className="bptt-flow-gap">
                        …
                      </text>
                    );
                  }
                  const norm = list[step - 1]!;
                  const s = strength(norm);
                  return (
                    <g key={step} data-step={step}>
                      {i > 0 ? (
                        <line
                          x1={xOf(i - 1) + R}
                          y1={y - 6}
                          x2={x - R - 2}
                          y2={y - 6}
                          className="bptt-flow-fwd"
                          strokeDasharray={columns[i - 1] === null ? '3 3' : undefined}
                          markerEnd={`url(#${markerId}-fwd)`}
                        />
                      ) : null}
                      {i < columns.length - 1 ? (
                        <line
                          data-back={i}
                          x1={xOf(i + 1) - R}
                          y1={y + 8}
                          x2={x + R + 2}
                          y2={y + 8}
                          className="bptt-flow-back"
                          strokeWidth={0.75 + 5 * s}
                          strokeDasharray={columns[i + 1] === null ? '3 3' : undefined}
                          markerEnd={`url(#${markerId}-back)`}
                        />
                      ) : (
                        <>
                          <line
                            x1={x + R}
                            y1={y - 6}
                            x2={lossX - 16}
                            y2={y - 6}
                            className="bptt-flow-fwd"
                            markerEnd={`url(#${markerId}-fwd)`}
                          />
                          <line
                            data-back={i}
                            x1={lossX - 14}
                            y1={y + 8}
                            x2={x + R + 2}
                            y2={y + 8}
                            className="bptt-flow-back"
                            strokeWidth={0.75 + 5 * s}
                            markerEnd={`url(#${markerId}-back)`}
                          />
                        </>
                      )}
                      <circle
                        data-back={i}
                        cx={x}
                        cy={y}
                        r={R}
                        className="bptt-flow-node"
                        style={{ fillOpacity: 0.08 + 0.8 * s }}
                      />
                      <text x={x} y={y + 4} textAnchor="middle" className="bptt-flow-h">
                        h
                        <tspan dy={4} className="bptt-flow-sub">
                          {step}
                        </tspan>
                      </text>
                      <text x={x} y={y + R + 24} textAnchor="middle" className="bptt-flow-norm">
                        {shortNorm(norm)}
                      </text>
                    </g>
                  );
                })}
                <g className="bptt-flow-loss">
                  <rect x={lossX - 14} y={y - 14} width={28} height={28} rx={4} />
                  <text x={lossX} y={y + 5} textAnchor="middle">
                    L
                  </text>
                </g>
                <text x={lossX + 22} y={y + 5} className="bptt-flow-row is-end" aria-hidden="true">
                  {name}
                </text>
              </g>
            );
          })}
          {gapIndex >= 0 ? (
            <text x={xOf(gapIndex)} y={height - 4} textAnchor="middle" className="bptt-flow-note">
              {format(t.gap, { from: columns[gapIndex - 1]! + 1, to: columns[gapIndex + 1]! - 1 })}
            </text>
          ) : null}
        </svg>
      </OverflowBox>
      <figcaption className="muted">{t.caption}</figcaption>
      <div className="figure-tools">
        <ExportMenu target={svgRef} name={label} filename={`bptt-flow-T${T}`} />
      </div>
    </figure>
  );
}
