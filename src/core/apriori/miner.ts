import { MiningLimitError } from './errors';
import { ItemsetIndex } from './itemsetIndex';
import type { AprioriProgress, LevelSummary, TraceCounted, TraceLevel } from './types';

/**
 * The level-wise search. It is a generator that yields at checkpoints (every level, and every
 * few thousand units of work inside a level) so that the drivers in apriori.ts can check an
 * AbortSignal and, in the async driver, give the event loop a turn.
 *
 * Counting (measured; see README "Counting"):
 * - level 1: the encoding's scan of the transactions;
 * - level 2: one more scan that counts every pair of frequent items in a triangular matrix
 *   (horizontal counting: Σ over transactions of (frequent items choose 2) increments), and a
 *   second one that writes the frequent pairs' tid-lists;
 * - level k ≥ 3: vertical. Each frequent itemset keeps its tid-list (the transactions that
 *   contain it, ascending) and each frequent item a bitset over transactions. A candidate
 *   P ∪ {a, b}, joined from P ∪ {a} and P ∪ {b}, is counted by walking the shorter parent's
 *   tid-list and testing the other parent's last item in its bitset: O(min parent count).
 */

/** Frequent itemsets of one level, in dense ids (indices into `Mined.frequentItems`). */
export interface MinedLevel {
  k: number;
  m: number;
  /** m·k ids, lexicographic. */
  sets: Int32Array;
  counts: Int32Array;
}

export interface Mined {
  /** Dense id → canonical item id (the frequent items, in canonical order). */
  frequentItems: Int32Array;
  /** levels[k − 1] holds the frequent k-itemsets; the list ends at the last non-empty level. */
  levels: MinedLevel[];
  summaries: LevelSummary[];
  stoppedByMaxLen: boolean;
  trace: TraceLevel[] | null;
}

export interface MineParams {
  /** Transaction t: canonical ids rowItems[rowOff[t] .. rowOff[t + 1]), ascending. */
  rowOff: Int32Array;
  rowItems: Int32Array;
  itemCounts: Int32Array;
  minCount: number;
  minSupport: number;
  maxLen: number;
  maxCandidates: number;
  trace: boolean;
  traceLimit: number;
  onProgress: ((progress: AprioriProgress) => void) | null;
}

/** Units of work (≈ inner-loop steps / 16) between checkpoints. */
const WORK_PER_CHECKPOINT = 1 << 15;
/** The join may pair up at most this many times `maxCandidates` before counting is refused. */
export const JOIN_FACTOR = 10;

function grown(array: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= array.length) return array;
  const next = new Int32Array(Math.max(need, array.length * 2));
  next.set(array);
  return next;
}

class TraceRecorder {
  readonly levels: TraceLevel[] = [];
  private current: TraceLevel | null = null;

  constructor(
    private readonly limit: number,
    private readonly frequentItems: Int32Array,
  ) {}

  begin(level: number): void {
    this.current = {
      level,
      joined: [],
      pruned: [],
      counted: [],
      frequent: [],
      totals: { joined: 0, pruned: 0, counted: 0, frequent: 0 },
      truncated: false,
    };
    this.levels.push(this.current);
  }

  /** Canonical ids of dense items[0..length), leaving out position `skip`. */
  ids(items: ArrayLike<number>, length: number, skip = -1): number[] {
    const out: number[] = [];
    for (let p = 0; p < length; p++) if (p !== skip) out.push(this.frequentItems[items[p]!]!);
    return out;
  }

  private room(list: 'joined' | 'pruned' | 'counted' | 'frequent'): boolean {
    const level = this.current!;
    level.totals[list]++;
    if (level[list].length < this.limit) return true;
    level.truncated = true;
    return false;
  }

  joined(items: () => number[], parents: (() => [number[], number[]]) | null): void {
    if (this.room('joined')) {
      this.current!.joined.push({ items: items(), parents: parents ? parents() : null });
    }
  }

  pruned(items: () => number[], subset: () => number[]): void {
    if (this.room('pruned')) {
      this.current!.pruned.push({ items: items(), infrequentSubset: subset() });
    }
  }

  counted(items: () => number[], count: number, frequent: boolean): void {
    let entry: TraceCounted | null = null;
    if (this.room('counted')) {
      entry = { items: items(), count };
      this.current!.counted.push(entry);
    }
    if (frequent && this.room('frequent')) {
      this.current!.frequent.push(
        entry ? { items: entry.items, count } : { items: items(), count },
      );
    }
  }
}

export function* mine(params: MineParams): Generator<void, Mined, void> {
  const { itemCounts, minCount, minSupport, maxLen, maxCandidates, onProgress } = params;
  const N = params.rowOff.length - 1;
  const nItems = itemCounts.length;
  const summaries: LevelSummary[] = [];
  const report = (summary: LevelSummary) => {
    summaries.push(summary);
    onProgress?.({ ...summary });
  };

  // ---- Level 1: every item is a candidate; one scan counted them already (the encoding).
  const frequentList: number[] = [];
  for (let id = 0; id < nItems; id++) if (itemCounts[id]! >= minCount) frequentList.push(id);
  const frequentItems = Int32Array.from(frequentList);
  const F = frequentItems.length;
  const tr = params.trace ? new TraceRecorder(params.traceLimit, frequentItems) : null;
  if (tr) {
    tr.begin(1);
    for (let id = 0; id < nItems; id++) {
      tr.joined(() => [id], null);
      tr.counted(() => [id], itemCounts[id]!, itemCounts[id]! >= minCount);
    }
  }
  const level1: MinedLevel = {
    k: 1,
    m: F,
    sets: Int32Array.from(frequentList.map((_, p) => p)),
    counts: Int32Array.from(frequentList.map((id) => itemCounts[id]!)),
  };
  const levels: MinedLevel[] = F > 0 ? [level1] : [];
  report({ level: 1, candidates: nItems, pruned: 0, counted: nItems, frequent: F });
  yield;
  const done = (stoppedByMaxLen: boolean): Mined => ({
    frequentItems,
    levels,
    summaries,
    stoppedByMaxLen,
    trace: tr ? tr.levels : null,
  });
  if (F === 0) return done(false);
  if (maxLen <= 1) return done(F >= 2);

  // Level 2 pairs every frequent item with every other: refuse before allocating anything.
  const joined2 = (F * (F - 1)) / 2;
  if (joined2 > maxCandidates) {
    throw new MiningLimitError({
      level: 2,
      candidates: joined2,
      limit: maxCandidates,
      stage: 'count',
      minSupport,
    });
  }

  // ---- A bitset over transactions per frequent item, and the rows in dense ids.
  const dense = new Int32Array(nItems).fill(-1);
  for (let p = 0; p < F; p++) dense[frequentItems[p]!] = p;
  const W = (N + 31) >>> 5;
  const bits = new Uint32Array(F * W);
  let occurrences = 0;
  for (let p = 0; p < F; p++) occurrences += itemCounts[frequentItems[p]!]!;
  const rowOff = new Int32Array(N + 1);
  const rowItems = new Int32Array(occurrences);
  let work = 0;
  for (let t = 0, r = 0; t < N; t++) {
    const end = params.rowOff[t + 1]!;
    for (let q = params.rowOff[t]!; q < end; q++) {
      const p = dense[params.rowItems[q]!]!;
      if (p < 0) continue;
      bits[p * W + (t >>> 5)] = bits[p * W + (t >>> 5)]! | (1 << (t & 31));
      rowItems[r++] = p;
    }
    rowOff[t + 1] = r;
    work += end - params.rowOff[t]!;
    if (work >= WORK_PER_CHECKPOINT) {
      work = 0;
      yield;
    }
  }

  // ---- Level 2: all pairs of frequent items, counted in one scan (no pruning is possible).
  const pairCounts = new Int32Array(joined2);
  const rowBase = new Int32Array(F); // index of pair (a, b), a < b: rowBase[a] + b
  for (let a = 0; a < F; a++) rowBase[a] = a * F - (a * (a + 1)) / 2 - a - 1;
  for (let t = 0; t < N; t++) {
    const end = rowOff[t + 1]!;
    for (let x = rowOff[t]!; x < end; x++) {
      const base = rowBase[rowItems[x]!]!;
      for (let y = x + 1; y < end; y++) {
        const index = base + rowItems[y]!;
        pairCounts[index] = pairCounts[index]! + 1;
      }
    }
    work += ((end - rowOff[t]!) * (end - rowOff[t]!)) >>> 4;
    if (work >= WORK_PER_CHECKPOINT) {
      work = 0;
      yield;
    }
  }
  // Frequent pairs in lexicographic order; pairCounts[index] becomes the pair's next write
  // position in pool2 (−1: not frequent) for a second scan that fills the tid-lists.
  const pairFrequent = new Uint8Array(F * F); // pairFrequent[a·F + b], a < b
  let m2 = 0;
  for (let index = 0; index < joined2; index++) if (pairCounts[index]! >= minCount) m2++;
  const sets2 = new Int32Array(m2 * 2);
  const counts2 = new Int32Array(m2);
  const off2 = new Int32Array(m2 + 1);
  if (tr) tr.begin(2);
  for (let a = 0, i = 0; a < F; a++) {
    for (let b = a + 1; b < F; b++) {
      const index = rowBase[a]! + b;
      const count = pairCounts[index]!;
      const frequent = count >= minCount;
      if (tr) {
        const pair = () => [frequentItems[a]!, frequentItems[b]!];
        tr.joined(pair, () => [[frequentItems[a]!], [frequentItems[b]!]]);
        tr.counted(pair, count, frequent);
      }
      if (!frequent) {
        pairCounts[index] = -1;
        continue;
      }
      pairFrequent[a * F + b] = 1;
      sets2[2 * i] = a;
      sets2[2 * i + 1] = b;
      counts2[i] = count;
      pairCounts[index] = off2[i]!;
      off2[i + 1] = off2[i]! + count;
      i++;
    }
  }
  const pool2 = new Int32Array(off2[m2]!);
  for (let t = 0; t < N; t++) {
    const end = rowOff[t + 1]!;
    for (let x = rowOff[t]!; x < end; x++) {
      const base = rowBase[rowItems[x]!]!;
      for (let y = x + 1; y < end; y++) {
        const index = base + rowItems[y]!;
        const at = pairCounts[index]!;
        if (at >= 0) {
          pool2[at] = t;
          pairCounts[index] = at + 1;
        }
      }
    }
    work += ((end - rowOff[t]!) * (end - rowOff[t]!)) >>> 4;
    if (work >= WORK_PER_CHECKPOINT) {
      work = 0;
      yield;
    }
  }
  report({ level: 2, candidates: joined2, pruned: 0, counted: joined2, frequent: m2 });
  yield;
  if (m2 === 0) return done(false);
  levels.push({ k: 2, m: m2, sets: sets2, counts: counts2 });
  let off: Int32Array = off2;
  let pool: Int32Array = pool2;

  // ---- Levels k + 1 = 3, 4, …: join, prune, count.
  const c = new Int32Array(maxLen + 1); // the candidate being formed
  for (let k = 2; ; k++) {
    const { sets, m } = levels[k - 1]!;
    // Groups of itemsets sharing their first k − 1 items are contiguous (lexicographic order).
    const groupEnd = new Int32Array(m);
    let joinedTotal = 0;
    for (let g0 = 0; g0 < m;) {
      let g1 = g0 + 1;
      while (g1 < m && samePrefix(sets, k, g0, g1)) g1++;
      const size = g1 - g0;
      joinedTotal += (size * (size - 1)) / 2;
      for (let i = g0; i < g1; i++) groupEnd[i] = g1;
      g0 = g1;
    }
    if (k >= maxLen) return done(joinedTotal > 0);
    const K = k + 1;
    if (joinedTotal > JOIN_FACTOR * maxCandidates) {
      throw new MiningLimitError({
        level: K,
        candidates: joinedTotal,
        limit: JOIN_FACTOR * maxCandidates,
        stage: 'join',
        minSupport,
      });
    }
    const index = K >= 4 ? new ItemsetIndex(sets, k, m) : null;
    let nSets = new Int32Array(Math.max(16, m * K));
    let nCounts = new Int32Array(Math.max(16, m));
    let nOff = new Int32Array(Math.max(16, m + 1));
    let nPool = new Int32Array(Math.max(1024, pool.length >>> 1));
    let nm = 0;
    let nFill = 0;
    let pruned = 0;
    let counted = 0;
    if (tr) tr.begin(K);
    for (let i = 0; i < m; i++) {
      const g1 = groupEnd[i]!;
      for (let q = 0; q < k; q++) c[q] = sets[i * k + q]!;
      const a = c[k - 1]!;
      for (let j = i + 1; j < g1; j++) {
        const b = sets[j * k + k - 1]!;
        c[k] = b;
        work++;
        if (tr) {
          tr.joined(
            () => tr.ids(c, K),
            () => [tr.ids(c, K, k), tr.ids(c, K, k - 1)],
          );
        }
        // Prune: every (k)-subset must be frequent. Subsets without position k or k − 1 are
        // the parents; the others leave out a prefix item. Dropping a later position gives a
        // lexicographically smaller subset, so checking d = k − 2 … 0 finds the smallest.
        let killedBy = -1; // position whose removal gives an infrequent subset (−1: none)
        if (tr) {
          for (let d = k - 2; d >= 0; d--) {
            const ok = index ? index.find(c, K, d) >= 0 : pairFrequent[a * F + b] === 1;
            if (!ok) {
              killedBy = d;
              break;
            }
          }
        } else if (pairFrequent[a * F + b] !== 1) {
          killedBy = 0; // {a, b} is in every other subset: one of them is infrequent
        } else if (index) {
          for (let d = 0; d <= k - 2; d++) {
            if (index.find(c, K, d) < 0) {
              killedBy = d;
              break;
            }
          }
        }
        if (killedBy >= 0) {
          pruned++;
          if (tr) {
            const d = killedBy;
            tr.pruned(
              () => tr.ids(c, K),
              () => tr.ids(c, K, d),
            );
          }
          if (work >= WORK_PER_CHECKPOINT) {
            work = 0;
            yield;
          }
          continue;
        }
        counted++;
        if (counted > maxCandidates) {
          // Too many: finish the (cheap) join and prune only, to report the exact number.
          if (work >= WORK_PER_CHECKPOINT) {
            work = 0;
            yield;
          }
          continue;
        }
        // Count: walk the shorter parent's tid-list, test the other's last item.
        let start = off[i]!;
        let end = off[i + 1]!;
        let other = b;
        if (off[j + 1]! - off[j]! < end - start) {
          start = off[j]!;
          end = off[j + 1]!;
          other = a;
        }
        nPool = grown(nPool, nFill + (end - start));
        const oBase = other * W;
        let w = nFill;
        if (tr) {
          for (let q = start; q < end; q++) {
            const t = pool[q]!;
            if ((bits[oBase + (t >>> 5)]! >>> (t & 31)) & 1) nPool[w++] = t;
          }
        } else {
          // Stop as soon as the rest of the list cannot reach minCount.
          const need = minCount + nFill;
          for (let q = start; q < end; q++) {
            if (w + (end - q) < need) break;
            const t = pool[q]!;
            if ((bits[oBase + (t >>> 5)]! >>> (t & 31)) & 1) nPool[w++] = t;
          }
        }
        const count = w - nFill;
        const frequent = count >= minCount;
        if (tr) tr.counted(() => tr.ids(c, K), count, frequent);
        if (frequent) {
          nSets = grown(nSets, (nm + 1) * K);
          for (let q = 0; q < K; q++) nSets[nm * K + q] = c[q]!;
          nCounts = grown(nCounts, nm + 1);
          nCounts[nm] = count;
          nOff = grown(nOff, nm + 2);
          nm++;
          nFill = w;
          nOff[nm] = nFill;
        }
        work += (end - start) >>> 4;
        if (work >= WORK_PER_CHECKPOINT) {
          work = 0;
          yield;
        }
      }
    }
    if (counted > maxCandidates) {
      throw new MiningLimitError({
        level: K,
        candidates: counted,
        limit: maxCandidates,
        stage: 'count',
        minSupport,
      });
    }
    report({ level: K, candidates: joinedTotal, pruned, counted, frequent: nm });
    yield;
    if (nm === 0) return done(false);
    levels.push({ k: K, m: nm, sets: nSets.subarray(0, nm * K), counts: nCounts.subarray(0, nm) });
    off = nOff.subarray(0, nm + 1);
    pool = nPool.subarray(0, nFill);
  }
}

function samePrefix(sets: Int32Array, k: number, i: number, j: number): boolean {
  for (let q = 0; q < k - 1; q++) if (sets[i * k + q] !== sets[j * k + q]) return false;
  return true;
}
