import type { LocalizedMessage } from '../training/messages';

export type { LocalizedMessage };

/**
 * An item: a string label ("milk", "학교") or a pre-encoded id (a non-negative whole number).
 * One data set uses one kind; strings sort by UTF-16 code units, ids numerically, and that
 * canonical order is the order items have everywhere in a result.
 */
export type Item = string | number;

/** What a level reports to `onProgress` when it is done. */
export interface AprioriProgress {
  /** The itemset size k of the level (1, 2, …). */
  level: number;
  /** Candidates after the join (before pruning); level 1: the distinct items. */
  candidates: number;
  /** Candidates removed because one of their (k−1)-subsets is infrequent. */
  pruned: number;
  /** Candidates whose support was counted (`candidates − pruned`). */
  counted: number;
  /** Counted candidates with count ≥ the minimum count. */
  frequent: number;
}

/** One level of the search, always reported (cheap); the same numbers as `AprioriProgress`. */
export type LevelSummary = AprioriProgress;

export interface AprioriOptions {
  /** Minimum support in (0, 1]; arules' default 0.1. See the README for the exact threshold. */
  minSupport?: number;
  /** Minimum confidence in [0, 1]; arules' default 0.8. A rule exactly at it is kept. */
  minConfidence?: number;
  /**
   * Fewest items in a returned itemset, and in a rule (lhs ∪ rhs); arules' `minlen`, default 1.
   * With 1, rules with an empty left-hand side `{} ⇒ {y}` are made (as arules does) unless
   * `emptyLhs` is false.
   */
  minLen?: number;
  /** Most items in an itemset or a rule; arules' `maxlen`, default 10. Mining stops at this level. */
  maxLen?: number;
  /** Most items on a rule's right-hand side; default 1 (arules only makes single-item rhs). */
  maxConsequent?: number;
  /** Keep rules `{} ⇒ Y` (their confidence is supp(Y)); default true, as arules. */
  emptyLhs?: boolean;
  /** 'rules' (default) also derives rules; 'itemsets' stops after the frequent itemsets. */
  target?: 'rules' | 'itemsets';
  /** Record the level-by-level trace for the animation (default false: the fast path). */
  trace?: boolean;
  /** Most entries kept per list per level in the trace (default 5,000); totals stay exact. */
  traceLimit?: number;
  /**
   * Most candidates one level may count (after pruning; default 200,000). Beyond it — or when
   * the join alone would pair up more than 10× as many — mining stops with a MiningLimitError.
   */
  maxCandidates?: number;
  /** Called after every level (also on the page, in a worker and in Node). */
  onProgress?: (progress: AprioriProgress) => void;
  /** Checked between levels and every few thousand candidates; aborting throws its reason. */
  signal?: AbortSignal;
}

export interface AprioriAsyncOptions extends AprioriOptions {
  /** Longest stretch of work (ms) before handing the event loop a turn; default 12. */
  sliceMs?: number;
}

/** The options a result was mined with, defaults filled in (plain data: no callbacks). */
export interface ResolvedAprioriOptions {
  minSupport: number;
  minConfidence: number;
  minLen: number;
  maxLen: number;
  maxConsequent: number;
  emptyLhs: boolean;
  target: 'rules' | 'itemsets';
  trace: boolean;
  traceLimit: number;
  maxCandidates: number;
}

export interface FrequentItemset<T extends Item = Item> {
  /** The items in canonical order. */
  items: T[];
  /** Their ids: indices into `AprioriResult.items`. */
  ids: number[];
  /** Transactions that contain every item. */
  count: number;
  /** count / N. */
  support: number;
}

export interface AssociationRule<T extends Item = Item> {
  /** Left-hand side (antecedent) X, canonical order; empty for `{} ⇒ Y`. */
  lhs: T[];
  /** Right-hand side (consequent) Y, canonical order. */
  rhs: T[];
  lhsIds: number[];
  rhsIds: number[];
  /** Transactions containing X ∪ Y. */
  count: number;
  /** Transactions containing X (N when X is empty). */
  lhsCount: number;
  /** Transactions containing Y. */
  rhsCount: number;
  /** supp(X ∪ Y) = count / N. */
  support: number;
  /** supp(X ∪ Y) / supp(X). */
  confidence: number;
  /** supp(X) (arules' "coverage"). */
  coverage: number;
  /** conf / supp(Y). */
  lift: number;
  /** supp(X ∪ Y) − supp(X)·supp(Y). */
  leverage: number;
  /** (1 − supp(Y)) / (1 − conf); Infinity when conf = 1 (arules shows NA). */
  conviction: number;
}

/** A candidate right after the join, with the two (k−1)-itemsets it was joined from. */
export interface TraceCandidate {
  items: number[];
  /** null on level 1 (every item is a candidate). */
  parents: [number[], number[]] | null;
}

export interface TracePruned {
  items: number[];
  /** The lexicographically smallest (k−1)-subset that is not frequent. */
  infrequentSubset: number[];
}

export interface TraceCounted {
  items: number[];
  count: number;
}

/** One level of the trace. Items are ids (indices into `AprioriResult.items`). */
export interface TraceLevel {
  level: number;
  /** Candidates after the join, in canonical (lexicographic) order. */
  joined: TraceCandidate[];
  /** Those removed by the subset check. */
  pruned: TracePruned[];
  /** Those counted, with their exact counts. */
  counted: TraceCounted[];
  /** The counted ones with count ≥ minCount: this level's frequent itemsets. */
  frequent: TraceCounted[];
  /** Exact sizes of the four lists (they may be longer than the kept entries). */
  totals: { joined: number; pruned: number; counted: number; frequent: number };
  /** True when some list was cut at `traceLimit` entries. */
  truncated: boolean;
}

export interface AprioriTrace {
  /** The minimum count every level compared against. */
  minCount: number;
  levels: TraceLevel[];
}

export interface AprioriResult<T extends Item = Item> {
  /** Every distinct item in canonical order; every `ids`/trace number indexes this. */
  items: T[];
  /** Transactions containing each item (same order as `items`). */
  itemCounts: number[];
  /** N: all transactions, empty ones included. */
  transactionCount: number;
  /** The count an itemset needs: max(1, ⌈s·N − 10⁻⁹·max(1, s·N)⌉). */
  minCount: number;
  /** Frequent itemsets with minLen ≤ size ≤ maxLen, by size, then lexicographically. */
  itemsets: FrequentItemset<T>[];
  /** Rules by (lhs ∪ rhs) as itemsets are ordered, then rhs size, then rhs lexicographically. */
  rules: AssociationRule<T>[];
  /** One entry per level searched (the last may have no candidates: that is why it stopped). */
  levels: LevelSummary[];
  /** True when maxLen stopped the search while the next level still had candidates. */
  stoppedByMaxLen: boolean;
  options: ResolvedAprioriOptions;
  /** Only with `trace: true`. */
  trace: AprioriTrace | null;
}
