import { useCallback, useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { AprioriTrace } from '../../core/apriori';
import { defineStrings, format } from '../../i18n/defineStrings';
import { countText } from './rulesModel';
import { useStrings } from '../../i18n/useLang';
import { select } from '../../ui/d3';
import { useMotionDuration } from '../../ui/motion';
import { StepControls } from '../../ui/StepControls';
import { usePlayback } from '../../ui/usePlayback';
import { DEFAULT_APRIORI_ID } from './aprioriSchema';
import {
  itemsKey,
  itemsetLabel,
  latticeGeometry,
  latticeLevels,
  stepAt,
  stepCount,
  type LatticeLevel,
  type NodeBox,
} from './latticeModel';
import { MiningStatusLine } from './MiningStatusLine';
import { Thresholds } from './Thresholds';
import { useMining } from './useMining';
import { useWidth } from './useWidth';
import './apriori.css';

const strings = defineStrings(
  'aprioriLattice',
  {
    title: '항목 집합 격자: 단계별 Apriori',
    steps: '격자 애니메이션 단계',
    stepLabel: '{level}단계 · {phase}',
    'phase-joined': '결합',
    'phase-pruned': '가지치기',
    'phase-counted': '세기',
    'phase-kept': '남기기',
    band: '{level}단계: 후보 {joined} · 가지치기 {pruned} · 셈 {counted} · 빈발 {frequent}',
    more: '그리고 후보 {n}개 더 (그림에는 빈발한 것부터 {shown}개만)',
    figure: '{level}단계까지의 항목 집합 격자. {phase} 단계입니다.',
    'say-joined-1': '1단계: 모든 단어(아이템) {n}개가 후보입니다. 아직 세지 않았습니다.',
    'say-joined':
      '{level}단계 결합: 앞의 {prev}개 아이템이 같은 빈발 {prevLevel}-항목 집합 두 개를 이어 붙여 후보 {n}개를 만들었습니다. 선은 두 부모를 가리킵니다.',
    'say-pruned-none': '{level}단계 가지치기: 부분집합이 모두 빈발하므로 가지칠 후보가 없습니다.',
    'say-pruned':
      '{level}단계 가지치기: 후보 {n}개는 빈발하지 않은 부분집합이 있어 세지 않고 버립니다. (빈발하지 않은 집합의 상위 집합도 빈발할 수 없습니다.)',
    'say-counted':
      '{level}단계 세기: 남은 후보 {n}개가 몇 개의 트랜잭션에 들어 있는지 셉니다. 기준은 최소 지지도 × 트랜잭션 수 = {minCount}번입니다.',
    'say-kept':
      '{level}단계 남기기: {minCount}번 이상 나온 {n}개가 빈발 항목 집합으로 남고, {out}개는 떨어집니다.',
    'say-end': '빈발 항목 집합이 더 없으므로 여기서 멈춥니다.',
    killed: '{set} — 부분집합 {subset}이(가) 빈발하지 않음',
    prunedList: '가지친 후보와 그 이유',
    legend: '범례',
    'status-joined': '후보',
    'status-pruned': '가지침',
    'status-counted': '셈',
    'status-kept': '빈발',
    'status-infrequent': '빈발하지 않음',
    nothing: '마이닝 결과가 나오면 격자가 그려집니다.',
    truncated: '이 단계는 후보가 많아 기록을 앞부분만 남겼습니다.',
  },
  {
    title: 'The itemset lattice: Apriori level by level',
    steps: 'Lattice animation steps',
    stepLabel: 'level {level} · {phase}',
    'phase-joined': 'join',
    'phase-pruned': 'prune',
    'phase-counted': 'count',
    'phase-kept': 'keep',
    band: 'Level {level}: {joined} joined · {pruned} pruned · {counted} counted · {frequent} frequent',
    more: 'and {n} more candidates (the figure draws {shown}, frequent ones first)',
    figure: 'The itemset lattice up to level {level}, at the {phase} phase.',
    'say-joined-1':
      'Level 1: every word (item), {n} of them, is a candidate. Nothing is counted yet.',
    'say-joined':
      'Level {level}, join: pairs of frequent {prevLevel}-itemsets that share their first {prev} items are joined into {n} candidates. The lines point to the two parents.',
    'say-pruned-none': 'Level {level}, prune: every subset is frequent, so no candidate is pruned.',
    'say-pruned':
      'Level {level}, prune: {n} candidates have an infrequent subset and are dropped without counting. (A superset of an infrequent set cannot be frequent.)',
    'say-counted':
      'Level {level}, count: the remaining {n} candidates are counted in the transactions. The bar is minimum support × transactions = {minCount}.',
    'say-kept':
      'Level {level}, keep: {n} reach {minCount} and stay as frequent itemsets; {out} drop out.',
    'say-end': 'No frequent itemsets are left, so the search stops here.',
    killed: '{set} — its subset {subset} is not frequent',
    prunedList: 'Pruned candidates and why',
    legend: 'Legend',
    'status-joined': 'candidate',
    'status-pruned': 'pruned',
    'status-counted': 'counted',
    'status-kept': 'frequent',
    'status-infrequent': 'infrequent',
    nothing: 'The lattice is drawn once a mining result is in.',
    truncated: 'This level had many candidates; only the first ones were recorded.',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

const STATUSES = ['joined', 'pruned', 'counted', 'kept', 'infrequent'] as const;

function setText(items: readonly number[], names: readonly string[]) {
  return `{${items.map((i) => names[i] ?? `#${i}`).join(', ')}}`;
}

function narration(
  trace: AprioriTrace,
  step: number,
  t: Strings,
): { text: string; pruned: { key: string; text: string }[] } {
  const { levelIndex, phase } = stepAt(step);
  const level = trace.levels[levelIndex];
  if (!level) return { text: '', pruned: [] };
  const k = level.level;
  const n = countText;
  const minCount = trace.minCount;
  let text = '';
  if (phase === 'joined') {
    text =
      k === 1
        ? format(t['say-joined-1'], { n: n(level.totals.joined) })
        : format(t['say-joined'], {
            level: k,
            prev: k - 2,
            prevLevel: k - 1,
            n: n(level.totals.joined),
          });
  } else if (phase === 'pruned') {
    text = format(level.totals.pruned === 0 ? t['say-pruned-none'] : t['say-pruned'], {
      level: k,
      n: n(level.totals.pruned),
    });
  } else if (phase === 'counted') {
    text = format(t['say-counted'], { level: k, n: n(level.totals.counted), minCount });
  } else {
    text = format(t['say-kept'], {
      level: k,
      n: n(level.totals.frequent),
      out: n(level.totals.counted - level.totals.frequent),
      minCount,
    });
    if (level.totals.frequent === 0 || levelIndex === trace.levels.length - 1) {
      text += ` ${t['say-end']}`;
    }
  }
  return { text, pruned: [] };
}

/** The lattice drawing: one band per level, candidates as boxes, lines to parents or killers. */
function LatticeSvg({
  levels,
  names,
  phase,
  width,
  label,
  t,
}: {
  levels: LatticeLevel[];
  names: readonly string[];
  phase: string;
  width: number;
  label: string;
  t: Strings;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const duration = useMotionDuration(350);
  const geometry = useMemo(() => latticeGeometry(levels, width), [levels, width]);
  const boxByKey = useMemo(() => {
    const map = new Map<string, NodeBox>();
    for (const box of geometry.boxes) map.set(`${box.node.level}:${box.node.key}`, box);
    return map;
  }, [geometry]);
  const current = levels.at(-1);
  const links: { key: string; x1: number; y1: number; x2: number; y2: number; kind: string }[] = [];
  if (current && current.level > 1) {
    for (const node of current.nodes) {
      const from = boxByKey.get(`${node.level}:${node.key}`);
      if (!from) continue;
      const targets: [number[], string][] =
        phase === 'joined' && node.parents
          ? node.parents.map((p) => [p, 'parent'] as [number[], string])
          : node.killer && node.status === 'pruned'
            ? [[node.killer, 'killer']]
            : [];
      for (const [items, kind] of targets) {
        const to = boxByKey.get(`${node.level - 1}:${itemsKey(items)}`);
        if (!to) continue;
        links.push({
          key: `${node.key}>${itemsKey(items)}`,
          x1: from.x + geometry.nodeWidth / 2,
          y1: from.y,
          x2: to.x + geometry.nodeWidth / 2,
          y2: to.y + geometry.nodeHeight,
          kind,
        });
      }
    }
  }
  // d3 fades in what changed at this step (instant under reduced motion).
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const root = select(svg);
    root
      .selectAll<SVGGElement, unknown>('g.apriori-node[data-current="true"]')
      .interrupt()
      .attr('opacity', duration > 0 ? 0.35 : 1)
      .transition()
      .duration(duration)
      .attr('opacity', 1);
    root
      .selectAll<SVGLineElement, unknown>('line.apriori-link')
      .interrupt()
      .attr('stroke-opacity', 0)
      .transition()
      .duration(duration)
      .attr('stroke-opacity', 1);
  }, [levels, phase, duration]);

  return (
    <svg
      ref={ref}
      className="apriori-lattice-svg"
      width={geometry.width}
      height={geometry.height}
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      role="img"
      aria-label={label}
      data-phase={phase}
      data-level={current?.level ?? 0}
    >
      {geometry.bands.map((band, b) => {
        const level = levels[b]!;
        return (
          <g key={band.level} className="apriori-band" data-level={band.level}>
            <text x={0} y={band.labelY} className="apriori-band-label">
              {format(t.band, {
                level: band.level,
                joined: countText(level.totals.joined),
                pruned: countText(level.totals.pruned),
                counted: countText(level.totals.counted),
                frequent: countText(level.totals.frequent),
              })}
            </text>
            {band.moreY !== null && (
              <text x={0} y={band.moreY} className="apriori-more">
                {format(t.more, {
                  n: countText(level.hidden),
                  shown: level.nodes.length,
                })}
              </text>
            )}
          </g>
        );
      })}
      {links.map((link) => (
        <line
          key={link.key}
          className={`apriori-link apriori-link-${link.kind}`}
          x1={link.x1}
          y1={link.y1}
          x2={link.x2}
          y2={link.y2}
        />
      ))}
      {geometry.boxes.map(({ node, x, y }) => (
        <g
          key={`${node.level}:${node.key}`}
          className={`apriori-node is-${node.status}`}
          data-status={node.status}
          data-items={node.items.map((i) => names[i]).join(',')}
          data-current={String(node.level === current?.level)}
          transform={`translate(${x},${y})`}
        >
          <title>
            {setText(node.items, names)}
            {node.count !== null ? ` · ${node.count}` : ''}
          </title>
          <rect width={geometry.nodeWidth} height={geometry.nodeHeight} rx={6} />
          <text x={8} y={19} className="apriori-node-label">
            {itemsetLabel(node.items, names, width < 480 ? 11 : 14)}
          </text>
          {node.count !== null && (
            <text x={geometry.nodeWidth - 6} y={19} className="apriori-node-count" textAnchor="end">
              {node.count}
            </text>
          )}
          {node.status === 'pruned' && (
            <text x={geometry.nodeWidth - 6} y={19} className="apriori-node-count" textAnchor="end">
              ✕
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/** The Apriori search animated level by level on the chosen data, with the two thresholds. */
export default function AprioriLattice({ id = DEFAULT_APRIORI_ID }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef, 640);
  const { state, setState, session, view } = useMining(id);
  const result = view.result;
  const trace = result?.trace ?? null;
  const count = stepCount(trace);
  const onStep = useCallback((step: number) => setState({ step }), [setState]);
  const playback = usePlayback({ count, step: state.step, onStep, intervalMs: 1400 });
  const step = playback.step;
  const { levelIndex, phase } = stepAt(step);
  const levels = useMemo(() => (trace ? latticeLevels(trace, step) : []), [trace, step]);
  const names = result?.items ?? [];
  const said = trace ? narration(trace, step, t) : null;
  const level = trace?.levels[levelIndex];
  const prunedShown = trace && level && phase === 'pruned' ? level.pruned.slice(0, 8) : [];

  return (
    <section className="widget apriori-lattice" aria-labelledby={titleId}>
      <h3 id={titleId} className="widget-title">
        {t.title}
      </h3>
      <Thresholds state={state} setState={setState} />
      <MiningStatusLine view={view} session={session} />
      {trace && count > 0 ? (
        <>
          <StepControls
            playback={playback}
            label={t.steps}
            stepLabel={(s) => {
              const at = stepAt(s);
              return format(t.stepLabel, {
                level: trace.levels[at.levelIndex]?.level ?? at.levelIndex + 1,
                phase: t[`phase-${at.phase}`],
              });
            }}
          />
          <p className="apriori-say" aria-live="polite" data-testid="apriori-say">
            {said?.text}
          </p>
          {prunedShown.length > 0 && (
            <ul className="apriori-pruned" aria-label={t.prunedList} data-testid="apriori-pruned">
              {prunedShown.map((p) => (
                <li key={itemsKey(p.items)}>
                  {format(t.killed, {
                    set: setText(p.items, names),
                    subset: setText(p.infrequentSubset, names),
                  })}
                </li>
              ))}
            </ul>
          )}
          {level?.truncated && <p className="muted apriori-small">{t.truncated}</p>}
          <ul className="apriori-legend" aria-label={t.legend}>
            {STATUSES.map((s) => (
              <li key={s} className={`is-${s}`}>
                <span className="apriori-swatch" aria-hidden="true" />
                {t[`status-${s}`]}
              </li>
            ))}
          </ul>
          <div ref={boxRef} className="apriori-lattice-box">
            <LatticeSvg
              levels={levels}
              names={names}
              phase={phase}
              width={Math.max(260, width)}
              label={format(t.figure, {
                level: level?.level ?? 1,
                phase: t[`phase-${phase}`],
              })}
              t={t}
            />
          </div>
        </>
      ) : (
        <div ref={boxRef}>
          <p className="muted">{t.nothing}</p>
        </div>
      )}
    </section>
  );
}
