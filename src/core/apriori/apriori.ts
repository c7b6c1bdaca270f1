import { CoreInputError } from '../errors';
import { nextMacrotask } from '../training/yield';
import { encodeTransactions } from './encode';
import { mine } from './miner';
import { deriveRules } from './rules';
import type {
  AprioriAsyncOptions,
  AprioriOptions,
  AprioriResult,
  FrequentItemset,
  Item,
  ResolvedAprioriOptions,
} from './types';

/** arules' defaults (APparameter), plus ours for what arules does not have. */
export const APRIORI_DEFAULTS: ResolvedAprioriOptions = Object.freeze({
  minSupport: 0.1,
  minConfidence: 0.8,
  minLen: 1,
  maxLen: 10,
  maxConsequent: 1,
  emptyLhs: true,
  target: 'rules',
  trace: false,
  traceLimit: 5000,
  maxCandidates: 200_000,
});

/**
 * The count an itemset needs: max(1, ⌈x − 10⁻⁹·max(1, x)⌉) with x = minSupport·N. The small
 * allowance keeps an itemset whose count is exactly minSupport·N when floating point puts the
 * product a hair above the integer (0.07 × 100 = 7.000000000000001; arules' plain ceil would
 * then ask for 8).
 */
export function minCountFor(minSupport: number, transactionCount: number): number {
  const x = minSupport * transactionCount;
  return Math.max(1, Math.ceil(x - 1e-9 * Math.max(1, x)));
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function wholeNumber(value: unknown, what: string, min: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min)) {
    throw new CoreInputError(
      `${what} must be a whole number of at least ${min}, got ${show(value)}.`,
    );
  }
  return value;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Fills in defaults and checks every option; throws a CoreInputError a learner can read. */
export function resolveAprioriOptions(options: AprioriOptions = {}): ResolvedAprioriOptions {
  const o = { ...APRIORI_DEFAULTS, ...definedOnly(options) };
  if (!(isNumber(o.minSupport) && o.minSupport > 0 && o.minSupport <= 1)) {
    throw new CoreInputError(
      `Minimum support must be a number above 0 and at most 1, got ${show(o.minSupport)}.`,
    );
  }
  if (!(isNumber(o.minConfidence) && o.minConfidence >= 0 && o.minConfidence <= 1)) {
    throw new CoreInputError(
      `Minimum confidence must be a number from 0 to 1, got ${show(o.minConfidence)}.`,
    );
  }
  wholeNumber(o.minLen, 'minLen (fewest items)', 1);
  wholeNumber(o.maxLen, 'maxLen (most items)', 1);
  if (o.minLen > o.maxLen) {
    throw new CoreInputError(`minLen (${o.minLen}) must not be above maxLen (${o.maxLen}).`);
  }
  wholeNumber(o.maxConsequent, 'maxConsequent (most items on the right-hand side)', 1);
  wholeNumber(o.traceLimit, 'traceLimit', 0);
  wholeNumber(o.maxCandidates, 'maxCandidates', 1);
  if (o.target !== 'rules' && o.target !== 'itemsets') {
    throw new CoreInputError(`target must be "rules" or "itemsets", got ${show(o.target)}.`);
  }
  return {
    minSupport: o.minSupport,
    minConfidence: o.minConfidence,
    minLen: o.minLen,
    maxLen: o.maxLen,
    maxConsequent: o.maxConsequent,
    emptyLhs: o.emptyLhs !== false,
    target: o.target,
    trace: o.trace === true,
    traceLimit: o.traceLimit,
    maxCandidates: o.maxCandidates,
  };
}

function definedOnly(options: AprioriOptions): Partial<ResolvedAprioriOptions> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && key in APRIORI_DEFAULTS) out[key] = value;
  }
  return out as Partial<ResolvedAprioriOptions>;
}

function* run<T extends Item>(
  transactions: ReadonlyArray<ArrayLike<T>>,
  options: AprioriOptions,
): Generator<void, AprioriResult<T>, void> {
  const resolved = resolveAprioriOptions(options);
  const onProgress = options.onProgress ?? null;
  if (onProgress !== null && typeof onProgress !== 'function') {
    throw new CoreInputError(`onProgress must be a function, got ${show(onProgress)}.`);
  }
  const { items, rowOff, rowItems, itemCounts } = encodeTransactions(transactions);
  yield;
  const N = rowOff.length - 1;
  const minCount = minCountFor(resolved.minSupport, N);
  const mined = yield* mine({
    rowOff,
    rowItems,
    itemCounts,
    minCount,
    minSupport: resolved.minSupport,
    maxLen: resolved.maxLen,
    maxCandidates: resolved.maxCandidates,
    trace: resolved.trace,
    traceLimit: resolved.traceLimit,
    onProgress,
  });

  const itemsets: FrequentItemset<T>[] = [];
  for (const level of mined.levels) {
    if (level.k < resolved.minLen || level.k > resolved.maxLen) continue;
    const { k, sets, counts } = level;
    for (let z = 0; z < level.m; z++) {
      const ids = new Array<number>(k);
      const labels = new Array<T>(k);
      for (let q = 0; q < k; q++) {
        const id = mined.frequentItems[sets[z * k + q]!]!;
        ids[q] = id;
        labels[q] = items[id]!;
      }
      const count = counts[z]!;
      itemsets.push({ items: labels, ids, count, support: count / N });
    }
  }
  const rules =
    resolved.target === 'rules'
      ? yield* deriveRules({
          mined,
          transactionCount: N,
          items,
          minConfidence: resolved.minConfidence,
          minLen: resolved.minLen,
          maxLen: resolved.maxLen,
          maxConsequent: resolved.maxConsequent,
          emptyLhs: resolved.emptyLhs,
        })
      : [];
  return {
    items,
    itemCounts: Array.from(itemCounts),
    transactionCount: N,
    minCount,
    itemsets,
    rules,
    levels: mined.summaries,
    stoppedByMaxLen: mined.stoppedByMaxLen,
    options: resolved,
    trace: mined.trace ? { minCount, levels: mined.trace } : null,
  };
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal === undefined || signal === null) return;
  if (typeof signal !== 'object' || typeof signal.aborted !== 'boolean') {
    throw new CoreInputError('signal must be an AbortSignal.');
  }
  signal.throwIfAborted();
}

/**
 * Mines frequent itemsets and association rules with arules' `apriori()` semantics (README).
 * Synchronous: in a worker, or on the page for small data; `aprioriAsync` yields to the event
 * loop so that the page stays responsive and an abort can arrive.
 */
export function apriori<T extends Item>(
  transactions: ReadonlyArray<ArrayLike<T>>,
  options: AprioriOptions = {},
): AprioriResult<T> {
  const { signal } = options;
  checkSignal(signal);
  const steps = run(transactions, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    signal?.throwIfAborted();
  }
}

/**
 * The same mining, handing the event loop a turn every `sliceMs` (default 12 ms) so that the
 * page keeps drawing and an AbortSignal can fire mid-level (in a worker the abort message can
 * only be delivered between slices). Rejects with the signal's reason when aborted.
 */
export async function aprioriAsync<T extends Item>(
  transactions: ReadonlyArray<ArrayLike<T>>,
  options: AprioriAsyncOptions = {},
): Promise<AprioriResult<T>> {
  const { signal } = options;
  const sliceMs = options.sliceMs ?? 12;
  if (!(isNumber(sliceMs) && sliceMs >= 0)) {
    throw new CoreInputError(`sliceMs must be a number of at least 0, got ${show(sliceMs)}.`);
  }
  checkSignal(signal);
  const steps = run(transactions, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    signal?.throwIfAborted();
    if (performance.now() - sliceStart >= sliceMs) {
      await nextMacrotask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
