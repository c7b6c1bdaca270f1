import { select } from '../../ui/d3';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
} from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { defineSchema, enumParam, intParam } from '../../state/schema';
import { useWidgetState } from '../../state/useWidgetState';
import { useMotionDuration } from '../../ui/motion';
import { ParamSlider } from '../../ui/ParamSlider';
import { StepControls } from '../../ui/StepControls';
import { usePlayback } from '../../ui/usePlayback';
import { useClassroom } from '../../app/classroom';
import {
  GEOMETRY,
  MAX_SEQUENCE_LENGTH,
  RNN_SHAPES,
  clampStep,
  effectiveLength,
  hasInputAt,
  hasOutputAt,
  isRecurrent,
  layoutRnn,
  stepStatus,
  type LayoutEdge,
  type LayoutNode,
  type RnnLayout,
  type RnnShape,
} from './rnnShapesLayout';
import './rnnShapes.css';

export const SHAPES_SCHEMA = defineSchema({
  shape: enumParam(RNN_SHAPES, 'many-to-one'),
  length: intParam({ min: 1, max: MAX_SEQUENCE_LENGTH, default: 4 }),
  step: intParam({ min: 0, max: MAX_SEQUENCE_LENGTH - 1, default: 0 }),
});

const strings = defineStrings(
  'rnnShapes',
  {
    title: 'RNN의 네 가지 형태: 펼친 그림',
    shapeGroup: '과제 형태',
    'one-to-one': '일대일',
    'one-to-many': '일대다',
    'many-to-one': '다대일',
    'many-to-many': '다대다',
    length: '시퀀스 길이 T',
    lengthUnit: '타임 스텝',
    lengthFixed: '일대일은 입력 하나를 출력 하나로 바꾸는 한 번의 계산이라 길이가 1로 고정됩니다.',
    stepGroup: '타임 스텝 이동',
    legendCell: '셀: 모든 타임 스텝이 같은 셀, 같은 가중치 {weights}를 씁니다',
    legendHidden: '은닉 상태 h',
    legendInput: '입력 x',
    legendOutput: '출력 y',
    legendCurrent: '지금 계산하는 타임 스텝',
    cell: '셀',
    ariaLabel: '{shape} RNN을 타임 스텝 {n}개로 펼친 그림, 현재 t = {t}',
    descriptionInputs: '아래쪽 입력: {list}.',
    descriptionCells:
      '가운데에 같은 셀이 {n}번 반복되고, 은닉 상태가 h0 = 0에서 시작해 왼쪽에서 오른쪽으로 전달됩니다.',
    descriptionSingleCell: '가운데에 셀 하나가 있고, 전달되는 은닉 상태는 없습니다.',
    descriptionOutputs: '위쪽 출력: {list}.',
    stepInput: '입력',
    stepPrevious: '이전 은닉 상태',
    stepNew: '새 은닉 상태',
    stepOutput: '출력',
    stepPassOn: '다음 타임 스텝으로',
    stepNoOutput: '출력 없음 (마지막에 한 번만)',
    stepNoInput: '새 입력 없음',
    zero: '영벡터',
    exampleLabel: '예시',
    'example-one-to-one':
      '사진 한 장을 보고 고양이인지 개인지 답합니다. 순서가 없으니 순환도 없습니다. 보통의 신경망과 같습니다.',
    'example-one-to-many':
      '이미지 캡션: 사진 한 장을 받아 캡션의 단어를 하나씩 차례로 만들어 냅니다.',
    'example-many-to-one':
      '감성 분석: 리뷰의 단어를 끝까지 읽은 뒤 마지막 은닉 상태로 긍정인지 부정인지 한 번 판단합니다.',
    'example-many-to-many':
      '매일의 주가를 읽으며 타임 스텝마다 다음 날 주가를 예측합니다. 단어 → 단어(다음 단어 예측, 품사 태깅)도 같은 형태입니다.',
    'tokens-one-to-one': '사진 한 장|고양이',
    'tokens-one-to-many': '사진 한 장|공원에서 · 공을 · 쫓는 · 강아지',
    'tokens-many-to-one': '별로지만 · 추천해요|긍정',
    'tokens-many-to-many': '100 · 102 · 101 · 105|102 · 101 · 105 · ?',
  },
  {
    title: 'The four shapes of RNN tasks, unrolled',
    shapeGroup: 'Task shape',
    'one-to-one': 'one-to-one',
    'one-to-many': 'one-to-many',
    'many-to-one': 'many-to-one',
    'many-to-many': 'many-to-many',
    length: 'Sequence length T',
    lengthUnit: 'time steps',
    lengthFixed:
      'One-to-one turns a single input into a single output in one computation, so its length is fixed at 1.',
    stepGroup: 'Move through time steps',
    legendCell: 'Cell: every time step uses the same cell with the same weights {weights}',
    legendHidden: 'hidden state h',
    legendInput: 'input x',
    legendOutput: 'output y',
    legendCurrent: 'the time step being computed',
    cell: 'cell',
    ariaLabel: 'A {shape} RNN unrolled over {n} time steps, now at t = {t}',
    descriptionInputs: 'Inputs along the bottom: {list}.',
    descriptionCells:
      'In the middle the same cell repeats {n} times; the hidden state starts at h0 = 0 and is passed from left to right.',
    descriptionSingleCell: 'In the middle there is a single cell and no hidden state is passed on.',
    descriptionOutputs: 'Outputs along the top: {list}.',
    stepInput: 'input',
    stepPrevious: 'previous hidden state',
    stepNew: 'new hidden state',
    stepOutput: 'output',
    stepPassOn: 'on to the next time step',
    stepNoOutput: 'no output yet (only once, at the end)',
    stepNoInput: 'no new input',
    zero: 'zero vector',
    exampleLabel: 'Example',
    'example-one-to-one':
      'Look at one photo and answer "cat" or "dog". There is no order, so there is no recurrence: an ordinary neural network.',
    'example-one-to-many':
      'Image captioning: take one photo and produce the words of its caption one after another.',
    'example-many-to-one':
      'Sentiment analysis: read a review to the last word, then judge positive or negative once, from the final hidden state.',
    'example-many-to-many':
      'Read a stock price every day and predict the next day’s price at every time step. Words → words (next-word prediction, part-of-speech tagging) has the same shape.',
    'tokens-one-to-one': 'one photo|cat',
    'tokens-one-to-many': 'one photo|a · dog · chasing · a ball',
    'tokens-many-to-one': '별로지만 (not great, but) · 추천해요 (I recommend it)|positive',
    'tokens-many-to-many': '100 · 102 · 101 · 105|102 · 101 · 105 · ?',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

/** "x" with subscript i as plain text (aria labels, descriptions). */
function symbolText(name: string, index: number): string {
  return `${name}${index}`;
}

/** "x" with a real subscript, for HTML. */
function Sym({ name, index }: { name: string; index: number | string }) {
  return (
    <span className="rnn-sym">
      <var>{name}</var>
      <sub>{index}</sub>
    </span>
  );
}

function ShapePicker({
  value,
  onChange,
  t,
}: {
  value: RnnShape;
  onChange: (shape: RnnShape) => void;
  t: Strings;
}) {
  const lang = useLang();
  return (
    <div className="segmented rnn-shape-picker" role="group" aria-label={t.shapeGroup}>
      {RNN_SHAPES.map((shape) => (
        <button
          key={shape}
          type="button"
          aria-pressed={shape === value}
          data-shape={shape}
          onClick={() => onChange(shape)}
        >
          <span>{t[shape]}</span>
          {lang === 'ko' && ' '}
          {lang === 'ko' && (
            <small lang="en" className="rnn-shape-english">
              {shape}
            </small>
          )}
        </button>
      ))}
    </div>
  );
}

/** SVG text "x" + lowered index, kept inside the text box on every browser (no baseline-shift). */
function SubscriptLabel({
  name,
  index,
  x,
  y,
  className,
}: {
  name: string;
  index: number;
  x: number;
  y: number;
  className?: string;
}) {
  return (
    <text x={x} y={y} className={className} textAnchor="middle" dominantBaseline="central">
      <tspan fontStyle="italic">{name}</tspan>
      <tspan dy="0.35em" fontSize="0.72em">
        {index}
      </tspan>
    </text>
  );
}

/** Inputs are x_t, outputs y_t, and the zero initial state h_0 (t = −1). */
function nodeLabel(node: LayoutNode): { name: string; index: number } {
  if (node.kind === 'initial') return { name: 'h', index: 0 };
  return { name: node.kind === 'output' ? 'y' : 'x', index: node.t + 1 };
}

function DiagramNode({
  node,
  step,
  cellText,
}: {
  node: LayoutNode;
  step: number;
  cellText: string;
}) {
  const status = stepStatus(node.t, step);
  const common = {
    className: `rnn-node rnn-node-${node.kind} is-${status}`,
    'data-node': node.id,
    'data-t': node.t,
  };
  if (node.kind === 'cell') {
    const half = GEOMETRY.cellSize / 2;
    return (
      <g {...common}>
        <rect
          x={node.cx - half}
          y={node.cy - half}
          width={GEOMETRY.cellSize}
          height={GEOMETRY.cellSize}
          rx={10}
        />
        <text x={node.cx} y={node.cy - 8} textAnchor="middle" dominantBaseline="central">
          {cellText}
        </text>
        <text
          x={node.cx}
          y={node.cy + 13}
          textAnchor="middle"
          dominantBaseline="central"
          className="rnn-cell-step"
        >
          {`t=${node.t + 1}`}
        </text>
      </g>
    );
  }
  const radius = node.kind === 'initial' ? GEOMETRY.initialRadius : GEOMETRY.ioRadius;
  const { name, index } = nodeLabel(node);
  return (
    <g {...common}>
      <circle cx={node.cx} cy={node.cy} r={radius} />
      <SubscriptLabel name={name} index={index} x={node.cx - 2} y={node.cy - 2} />
    </g>
  );
}

function DiagramEdge({
  edge,
  step,
  markerPrefix,
}: {
  edge: LayoutEdge;
  step: number;
  markerPrefix: string;
}) {
  const status = stepStatus(edge.t, step);
  const isStateBetweenCells = edge.kind === 'recurrent' && edge.t >= 0;
  return (
    <g
      className={`rnn-edge rnn-edge-${edge.kind} is-${status}`}
      data-edge={edge.id}
      data-t={edge.t}
    >
      <line
        x1={edge.x1}
        y1={edge.y1}
        x2={edge.x2}
        y2={edge.y2}
        markerEnd={`url(#${markerPrefix}-${status})`}
      />
      {isStateBetweenCells && (
        <SubscriptLabel
          name="h"
          index={edge.t + 1}
          x={(edge.x1 + edge.x2) / 2}
          y={edge.y1 - 14}
          className="rnn-edge-label"
        />
      )}
    </g>
  );
}

/** Arrowheads in the three step colours (SVG markers cannot inherit the line's stroke everywhere). */
function Markers({ prefix }: { prefix: string }) {
  return (
    <defs>
      {(['done', 'current', 'future'] as const).map((status) => (
        <marker
          key={status}
          id={`${prefix}-${status}`}
          className={`rnn-marker is-${status}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth={status === 'current' ? 13 : 10}
          markerHeight={status === 'current' ? 13 : 10}
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
      ))}
    </defs>
  );
}

/**
 * Fades in the nodes and arrows that a change of shape or length adds, left to right, like
 * the network unrolling. React owns every element; d3 only animates their opacity.
 */
function useUnrollTransition(
  svgRef: React.RefObject<SVGSVGElement | null>,
  layout: RnnLayout,
  duration: number,
) {
  const shownRef = useRef<Set<string> | null>(null);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const previous = shownRef.current;
    const ids = [...layout.nodes.map((n) => n.id), ...layout.edges.map((e) => e.id)];
    shownRef.current = new Set(ids);
    const elements = select(svg).selectAll<SVGGElement, unknown>('[data-node], [data-edge]');
    elements.interrupt().attr('opacity', null);
    if (previous === null || duration === 0) return;
    const added = elements.filter(function () {
      const id = this.dataset.node ?? this.dataset.edge ?? '';
      return !previous.has(id);
    });
    const stagger = duration / Math.max(4, layout.length);
    added
      .attr('opacity', 0)
      .transition()
      .delay(function () {
        return Math.max(0, Number(this.dataset.t)) * stagger;
      })
      .duration(duration)
      .attr('opacity', 1)
      .on('end', function () {
        this.removeAttribute('opacity');
      });
    return () => {
      added.interrupt().attr('opacity', null);
    };
  }, [svgRef, layout, duration]);
}

function describeDiagram(layout: RnnLayout, t: Strings): string {
  const list = (kind: 'input' | 'output', name: string) =>
    layout.nodes
      .filter((n) => n.kind === kind)
      .map((n) => symbolText(name, n.t + 1))
      .join(', ');
  const cells = isRecurrent(layout.shape)
    ? format(t.descriptionCells, { n: layout.length })
    : t.descriptionSingleCell;
  return [
    format(t.descriptionInputs, { list: list('input', 'x') }),
    cells,
    format(t.descriptionOutputs, { list: list('output', 'y') }),
  ].join(' ');
}

/** On a narrow screen the diagram scrolls; keep the current time step's cell in view. */
function useFollowStep(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  svgRef: React.RefObject<SVGSVGElement | null>,
  layout: RnnLayout,
  step: number,
  duration: number,
) {
  const cx = layout.nodes.find((n) => n.kind === 'cell' && n.t === step)?.cx ?? 0;
  const width = layout.width;
  useEffect(() => {
    const box = scrollRef.current;
    const svg = svgRef.current;
    if (!box || !svg || box.scrollWidth <= box.clientWidth) return;
    const centre = (cx * svg.getBoundingClientRect().width) / width;
    const margin = GEOMETRY.column;
    if (centre > box.scrollLeft + margin && centre < box.scrollLeft + box.clientWidth - margin) {
      return;
    }
    box.scrollTo({
      left: centre - box.clientWidth / 2,
      behavior: duration > 0 ? 'smooth' : 'auto',
    });
  }, [scrollRef, svgRef, cx, width, duration]);
}

function RnnDiagram({ layout, step, t }: { layout: RnnLayout; step: number; t: Strings }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const id = useId().replace(/[^\w-]/g, '');
  const duration = useMotionDuration(450);
  useUnrollTransition(svgRef, layout, duration);
  useFollowStep(scrollRef, svgRef, layout, step, duration);
  const label = format(t.ariaLabel, {
    shape: t[layout.shape],
    n: layout.length,
    t: step + 1,
  });
  const style = {
    width: `${layout.width / 16}rem`,
    minWidth: `${Math.round(layout.width * 0.62)}px`,
    '--rnn-motion': `${Math.round(duration / 2)}ms`,
  } as React.CSSProperties;

  return (
    <div
      ref={scrollRef}
      className="rnn-diagram-scroll"
      tabIndex={layout.length > 3 ? 0 : undefined}
    >
      <svg
        ref={svgRef}
        className="rnn-diagram"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={label}
        aria-describedby={`${id}-desc`}
        style={style}
        data-shape={layout.shape}
        data-length={layout.length}
      >
        <Markers prefix={`${id}-arrow`} />
        {layout.edges.map((edge) => (
          <DiagramEdge key={edge.id} edge={edge} step={step} markerPrefix={`${id}-arrow`} />
        ))}
        {layout.nodes.map((node) => (
          <DiagramNode key={node.id} node={node} step={step} cellText={t.cell} />
        ))}
      </svg>
      <p id={`${id}-desc`} className="sr-only">
        {describeDiagram(layout, t)}
      </p>
    </div>
  );
}

function Legend({ t }: { t: Strings }) {
  const [before, after] = t.legendCell.split('{weights}');
  return (
    <ul className="rnn-legend">
      <li>
        <span className="rnn-swatch rnn-swatch-cell" aria-hidden="true" />
        <span>
          {before}
          <Sym name="W" index="x" />, <Sym name="W" index="h" />, <var>b</var>
          {after}
        </span>
      </li>
      <li>
        <span className="rnn-swatch rnn-swatch-hidden" aria-hidden="true" />
        {t.legendHidden}
      </li>
      <li>
        <span className="rnn-swatch rnn-swatch-input" aria-hidden="true" />
        {t.legendInput}
      </li>
      <li>
        <span className="rnn-swatch rnn-swatch-output" aria-hidden="true" />
        {t.legendOutput}
      </li>
      <li>
        <span className="rnn-swatch rnn-swatch-current" aria-hidden="true" />
        {t.legendCurrent}
      </li>
    </ul>
  );
}

/** What the current time step computes, as "input x2 · previous hidden state h1 → …". */
function StepSummary({ layout, step, t }: { layout: RnnLayout; step: number; t: Strings }) {
  const { shape, length } = layout;
  const index = step + 1;
  const parts: ReactNode[] = [];
  parts.push(
    hasInputAt(shape, step) ? (
      <span key="in">
        {t.stepInput} <Sym name="x" index={index} />
      </span>
    ) : (
      <span key="in">{t.stepNoInput}</span>
    ),
  );
  if (isRecurrent(shape)) {
    parts.push(
      <span key="prev">
        {t.stepPrevious} <Sym name="h" index={step} />
        {step === 0 && ` (${t.zero})`}
      </span>,
    );
  }
  const results: ReactNode[] = [];
  if (isRecurrent(shape)) {
    results.push(
      <span key="new">
        {t.stepNew} <Sym name="h" index={index} />
      </span>,
    );
  }
  results.push(
    hasOutputAt(shape, step, length) ? (
      <span key="out">
        {t.stepOutput} <Sym name="y" index={index} />
      </span>
    ) : (
      <span key="out">{t.stepNoOutput}</span>
    ),
  );
  if (isRecurrent(shape) && step < length - 1) {
    results.push(
      <span key="pass">
        <Sym name="h" index={index} /> → {t.stepPassOn}
      </span>,
    );
  }
  const join = (items: ReactNode[]) =>
    items.flatMap((item, i) => (i === 0 ? [item] : [<span key={`sep${i}`}> · </span>, item]));
  return (
    <p className="rnn-step-summary" data-testid="rnn-step-summary">
      <strong>{`t = ${index}`}</strong>
      {': '}
      {join(parts)}
      {' → '}
      {join(results)}
    </p>
  );
}

function Example({ shape, t }: { shape: RnnShape; t: Strings }) {
  const [inputs = '', outputs = ''] = t[`tokens-${shape}`].split('|');
  const chips = (text: string, kind: string) =>
    text.split(' · ').map((token, i) => (
      <span key={i} className={`rnn-chip rnn-chip-${kind}`}>
        {token}
      </span>
    ));
  return (
    <div className="rnn-example" data-testid="rnn-example">
      <p>
        <strong>{t.exampleLabel}</strong> {t[`example-${shape}`]}
      </p>
      <p className="rnn-chips">
        {chips(inputs, 'input')}
        <span className="rnn-chip-arrow" aria-hidden="true">
          →
        </span>
        {chips(outputs, 'output')}
      </p>
    </div>
  );
}

export default function RnnShapes() {
  const t = useStrings(strings);
  const [state, set] = useWidgetState('shapes', SHAPES_SCHEMA);
  const length = effectiveLength(state.shape, state.length);
  const step = clampStep(state.step, length);
  const layout = useMemo(() => layoutRnn(state.shape, length), [state.shape, length]);
  const fixedLength = state.shape === 'one-to-one';
  const titleId = useId();

  const onStep = useCallback((next: number) => set({ step: next }), [set]);
  const classroom = useClassroom();
  const playback = usePlayback({ count: length, step, onStep });

  const chooseShape = (shape: RnnShape) =>
    set((prev) => ({
      shape,
      step: clampStep(prev.step, effectiveLength(shape, prev.length)),
    }));
  const chooseLength = (next: number) =>
    set((prev) => ({ length: next, step: clampStep(prev.step, next) }));

  return (
    <section className="widget rnn-shapes" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <div className="widget-controls">
        <ShapePicker value={state.shape} onChange={chooseShape} t={t} />
        <fieldset className="rnn-length" disabled={fixedLength}>
          <ParamSlider
            param={SHAPES_SCHEMA.length}
            value={length}
            onChange={chooseLength}
            label={t.length}
            unit={t.lengthUnit}
          />
          {fixedLength && <p className="rnn-length-note muted">{t.lengthFixed}</p>}
        </fieldset>
      </div>
      <Legend t={t} />
      <RnnDiagram layout={layout} step={step} t={t} />
      <StepControls
        playback={playback}
        label={t.stepGroup}
        stepLabel={(i) => `t = ${i + 1}`}
        keyboard={classroom.active ? 'document' : 'widget'}
      />
      <StepSummary layout={layout} step={step} t={t} />
      <Example shape={state.shape} t={t} />
    </section>
  );
}
