// The itemset lattice as the animation shows it: four phases per level (joined, pruned,
// counted, kept), which candidates to draw when a level has too many, and where they go.
import type { AprioriTrace } from '../../core/apriori';

export const PHASES = ['joined', 'pruned', 'counted', 'kept'] as const;
export type Phase = (typeof PHASES)[number];

export type NodeStatus = 'joined' | 'pruned' | 'counted' | 'kept' | 'infrequent';

export interface LatticeNode {
  key: string;
  level: number;
  items: number[];
  status: NodeStatus;
  /** Shown once counted. */
  count: number | null;
  /** For a pruned candidate (once the prune phase is shown): its infrequent subset. */
  killer: number[] | null;
  parents: [number[], number[]] | null;
}

export interface LatticeLevel {
  level: number;
  nodes: LatticeNode[];
  /** Candidates of this level that are not drawn. */
  hidden: number;
  totals: { joined: number; pruned: number; counted: number; frequent: number };
  /** Is this the level the current step is on? */
  current: boolean;
}

export function stepCount(trace: AprioriTrace | null): number {
  return trace ? trace.levels.length * PHASES.length : 0;
}

export function stepAt(step: number): { levelIndex: number; phase: Phase } {
  const s = Math.max(0, Math.floor(step));
  return { levelIndex: Math.floor(s / PHASES.length), phase: PHASES[s % PHASES.length]! };
}

export const itemsKey = (items: readonly number[]) => items.join(',');

/** Pruned candidates per level that are always drawn (with the subsets that killed them). */
export const FEATURED_PRUNED = 4;

/** Most candidates drawn per level; the rest are summarised as "+ n more". */
export const MAX_NODES_PER_LEVEL = 18;

/**
 * The levels up to the current step, each with the candidates to draw and their status as far
 * as the animation has got: on the current level a candidate is "joined" until the prune
 * phase, then "pruned" or still "joined", then "counted" (with its count), then "kept" or
 * "infrequent"; earlier levels show their final status. When a level has more candidates than
 * `maxPerLevel`, a few pruned ones and the subsets blamed one level up are drawn first, then
 * the frequent ones (most counted first), then the rest, in canonical order on screen.
 */
export function latticeLevels(
  trace: AprioriTrace,
  step: number,
  maxPerLevel = MAX_NODES_PER_LEVEL,
): LatticeLevel[] {
  const { levelIndex, phase } = stepAt(step);
  const phaseIndex = PHASES.indexOf(phase);
  const out: LatticeLevel[] = [];
  trace.levels.forEach((level, li) => {
    if (li > levelIndex) return;
    const current = li === levelIndex;
    const shownPhase = current ? phaseIndex : PHASES.length - 1;
    const order: string[] = [];
    const parents = new Map<string, [number[], number[]] | null>();
    const items = new Map<string, number[]>();
    const add = (list: readonly { items: number[] }[]) => {
      for (const c of list) {
        const key = itemsKey(c.items);
        if (!items.has(key)) {
          items.set(key, c.items);
          order.push(key);
        }
      }
    };
    for (const c of level.joined) parents.set(itemsKey(c.items), c.parents);
    add(level.joined);
    add(level.pruned);
    add(level.counted);
    const killers = new Map(level.pruned.map((p) => [itemsKey(p.items), p.infrequentSubset]));
    const counts = new Map(level.counted.map((c) => [itemsKey(c.items), c.count]));
    const frequent = new Set(level.frequent.map((c) => itemsKey(c.items)));

    // Always drawn: a few pruned candidates of this level, and the subsets that killed the
    // next level's featured pruned candidates, so the prune phase can point from one to the
    // other. Then the frequent ones (most counted first), then the rest.
    const featured = level.pruned.slice(0, FEATURED_PRUNED).map((p) => itemsKey(p.items));
    const blamed = (trace.levels[li + 1]?.pruned ?? [])
      .slice(0, FEATURED_PRUNED)
      .map((p) => itemsKey(p.infrequentSubset));
    // A blamed subset may be missing from a trace cut at its limit: it is still infrequent.
    for (const p of (trace.levels[li + 1]?.pruned ?? []).slice(0, FEATURED_PRUNED)) {
      const key = itemsKey(p.infrequentSubset);
      if (!items.has(key) && p.infrequentSubset.length === level.level) {
        items.set(key, p.infrequentSubset);
        order.push(key);
      }
    }
    const reserved = [...new Set([...featured, ...blamed])].filter((key) => items.has(key));
    const reservedSet = new Set(reserved);
    const rank = (key: string) => (frequent.has(key) ? 0 : killers.has(key) ? 1 : 2);
    const rest = order
      .filter((key) => !reservedSet.has(key))
      .sort((a, b) => rank(a) - rank(b) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
    const chosen = new Set([...reserved, ...rest].slice(0, maxPerLevel));
    const nodes: LatticeNode[] = order
      .filter((key) => chosen.has(key))
      .map((key) => {
        let status: NodeStatus = 'joined';
        const killed = killers.has(key);
        if (shownPhase >= 1 && killed) status = 'pruned';
        else if (shownPhase === 2) status = 'counted';
        else if (shownPhase === 3) status = frequent.has(key) ? 'kept' : 'infrequent';
        return {
          key,
          level: level.level,
          items: items.get(key)!,
          status,
          count: shownPhase >= 2 && !killed ? (counts.get(key) ?? null) : null,
          killer: shownPhase >= 1 ? (killers.get(key) ?? null) : null,
          parents: parents.get(key) ?? null,
        };
      });
    out.push({
      level: level.level,
      nodes,
      hidden: Math.max(0, level.totals.joined - nodes.length),
      totals: level.totals,
      current,
    });
  });
  return out;
}

export interface NodeBox {
  node: LatticeNode;
  x: number;
  y: number;
}

export interface LatticeGeometry {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  bands: { level: number; y: number; labelY: number; moreY: number | null }[];
  boxes: NodeBox[];
}

export const NODE_HEIGHT = 30;
const GAP = 8;
const BAND_LABEL = 24;
const BAND_GAP = 14;
const MORE_HEIGHT = 18;

/** Nodes wrap in rows inside each level's band; the width decides how many fit in a row. */
export function latticeGeometry(levels: readonly LatticeLevel[], width: number): LatticeGeometry {
  const nodeWidth = width < 480 ? 112 : 138;
  const columns = Math.max(1, Math.floor((width + GAP) / (nodeWidth + GAP)));
  const boxes: NodeBox[] = [];
  const bands: LatticeGeometry['bands'] = [];
  let y = 0;
  for (const level of levels) {
    const labelY = y + 16;
    y += BAND_LABEL;
    const bandY = y;
    level.nodes.forEach((node, i) => {
      const row = Math.floor(i / columns);
      const col = i % columns;
      boxes.push({ node, x: col * (nodeWidth + GAP), y: bandY + row * (NODE_HEIGHT + GAP) });
    });
    const rows = Math.ceil(level.nodes.length / columns);
    y += rows * (NODE_HEIGHT + GAP);
    let moreY: number | null = null;
    if (level.hidden > 0) {
      moreY = y + 12;
      y += MORE_HEIGHT;
    }
    bands.push({ level: level.level, y: bandY, labelY, moreY });
    y += BAND_GAP;
  }
  return { width, height: Math.max(y, 40), nodeWidth, nodeHeight: NODE_HEIGHT, bands, boxes };
}

/** An itemset's label from item ids, shortened to `max` characters. */
export function itemsetLabel(items: readonly number[], names: readonly string[], max = 18): string {
  const text = items.map((i) => names[i] ?? `#${i}`).join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
