// Latent Dirichlet allocation by variational Bayes, with the update rules and defaults of
// scikit-learn's LatentDirichletAllocation (batch and online learning). On cpu and wasm the
// E-step is one fused kernel that loops over the documents (./eStepKernel.ts); elsewhere (webgl)
// it runs over whole blocks of documents as tensor operations on a padded sparse layout. The
// bound is computed in float64 from the read-back λ and γ.
import * as tf from '@tensorflow/tfjs';
import { CoreInputError } from '../errors';
import { createRng, type Rng } from '../random';
import { totalCount, type DocTermMatrix } from './docTerm';
import { LDA_EPS, ldaEStepKernelAvailable, runLdaEStep } from './eStepKernel';
import { sampleGammaArray } from './gamma';
import { dirichletExpectation, dirichletExpectation1d, lgamma } from './special';

export { LDA_EPS };

export interface LdaOptions {
  /** Number of topics K (n_components); default 10. */
  nComponents?: number;
  /** α, the prior of every document's topic mixture; default 1/K. */
  docTopicPrior?: number;
  /** η, the prior of every topic's word distribution; default 1/K. */
  topicWordPrior?: number;
  /** 'batch' (default, sklearn's default) or 'online'. */
  learningMethod?: 'batch' | 'online';
  /** Passes over the corpus; default 10. */
  maxIter?: number;
  /** A document's E-step stops when mean |Δγ| < this; default 1e-3. */
  meanChangeTol?: number;
  /** At most this many E-step updates per document; default 100. */
  maxDocUpdateIter?: number;
  /** Online: κ, the decay of the step size (n + τ₀)^(−κ); default 0.7. */
  learningDecay?: number;
  /** Online: τ₀; default 10. */
  learningOffset?: number;
  /** Online: documents per mini-batch; default 128. */
  batchSize?: number;
  /** Online: D in the update's D / |batch| scaling; default the number of documents (fit). */
  totalSamples?: number;
  /** Compute the bound every this many iterations and stop when perplexity moves < perpTol; −1 = never (default). */
  evaluateEvery?: number;
  /** Default 0.1. */
  perpTol?: number;
  /** Seed of our RNG (λ's Gamma(100, 1/100) start and every E-step's γ start); default 0. */
  seed?: number | string;
  /** A starting λ, [K][V] or row-major K·V, instead of the seeded Gamma draw. */
  initialLambda?: ReadonlyArray<ArrayLike<number>> | ArrayLike<number>;
  /** The γ every training E-step starts from: 'random' Gamma(100, 1/100) draws (sklearn, default) or 'ones'. */
  docInit?: 'random' | 'ones';
  /** Padded cells (documents × longest document) per E-step block; default 2¹⁷. */
  blockCells?: number;
  /** Check whether every document of a block converged every this many updates; default 4. */
  checkEvery?: number;
  /**
   * How the E-step runs: 'fused' (one kernel per E-step that loops over the documents in
   * JavaScript; cpu and wasm), 'tensor' (blocks of documents as tensor operations; every
   * backend) or 'auto' (default: fused where the backend has the kernel, else tensor).
   */
  eStep?: 'auto' | 'fused' | 'tensor';
}

export interface ResolvedLdaOptions {
  nComponents: number;
  docTopicPrior: number;
  topicWordPrior: number;
  learningMethod: 'batch' | 'online';
  maxIter: number;
  meanChangeTol: number;
  maxDocUpdateIter: number;
  learningDecay: number;
  learningOffset: number;
  batchSize: number;
  totalSamples: number;
  evaluateEvery: number;
  perpTol: number;
  seed: number | string;
  docInit: 'random' | 'ones';
  blockCells: number;
  checkEvery: number;
  eStep: 'auto' | 'fused' | 'tensor';
}

/** What one iteration (one pass over the corpus) leaves behind, as plain arrays. */
export interface LdaIterationState {
  /** 1-based. */
  iteration: number;
  /** λ, [K, V] row-major (sklearn's components_). */
  lambda: Float32Array;
  /** γ of every document, [D, K] row-major: from this iteration's E-step, or from the evaluation E-step when `bound` is set. */
  gamma: Float32Array;
  /** The variational bound (ELBO) of the corpus under λ, or null when not evaluated. */
  bound: number | null;
  /** sklearn's perplexity exp(−bound / word count), or null. */
  perplexity: number | null;
  /** Mean number of γ updates per document in this iteration's E-step. */
  meanDocUpdates: number;
  /** Wall time of the iteration's EM step (without the evaluation), ms. */
  ms: number;
}

function positive(value: number, what: string): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new CoreInputError(`${what} must be a positive number, got ${String(value)}.`);
  }
  return value;
}

function wholeNumber(value: number, what: string, min = 1): number {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new CoreInputError(
      `${what} must be a whole number of at least ${min}, got ${String(value)}.`,
    );
  }
  return value;
}

export function resolveLdaOptions(options: LdaOptions = {}, nDocs = 0): ResolvedLdaOptions {
  const k = wholeNumber(options.nComponents ?? 10, 'Number of topics (nComponents)');
  const method = options.learningMethod ?? 'batch';
  if (method !== 'batch' && method !== 'online') {
    throw new CoreInputError(`learningMethod must be 'batch' or 'online', got ${String(method)}.`);
  }
  const decay = options.learningDecay ?? 0.7;
  if (!(decay > 0.5 && decay <= 1)) {
    throw new CoreInputError(
      `learningDecay must be in (0.5, 1] for online VB to converge, got ${decay}.`,
    );
  }
  const eStep = options.eStep ?? 'auto';
  if (eStep !== 'auto' && eStep !== 'fused' && eStep !== 'tensor') {
    throw new CoreInputError(`eStep must be 'auto', 'fused' or 'tensor', got ${String(eStep)}.`);
  }
  return {
    nComponents: k,
    docTopicPrior: positive(options.docTopicPrior ?? 1 / k, 'docTopicPrior (α)'),
    topicWordPrior: positive(options.topicWordPrior ?? 1 / k, 'topicWordPrior (η)'),
    learningMethod: method,
    maxIter: wholeNumber(options.maxIter ?? 10, 'maxIter'),
    meanChangeTol: positive(options.meanChangeTol ?? 1e-3, 'meanChangeTol'),
    maxDocUpdateIter: wholeNumber(options.maxDocUpdateIter ?? 100, 'maxDocUpdateIter'),
    learningDecay: decay,
    learningOffset: positive(options.learningOffset ?? 10, 'learningOffset'),
    batchSize: wholeNumber(options.batchSize ?? 128, 'batchSize'),
    totalSamples: positive(options.totalSamples ?? Math.max(nDocs, 1), 'totalSamples'),
    evaluateEvery: options.evaluateEvery ?? -1,
    perpTol: options.perpTol ?? 0.1,
    seed: options.seed ?? 0,
    docInit: options.docInit ?? 'random',
    blockCells: wholeNumber(options.blockCells ?? 1 << 17, 'blockCells'),
    checkEvery: wholeNumber(options.checkEvery ?? 4, 'checkEvery'),
    eStep,
  };
}

/**
 * Documents of one E-step block as [documents, longest document] index and count matrices
 * (count 0 = padding). Sums over a document's terms are then batched matrix products, which
 * every backend runs well; a flat layout with segment sums was 5–10× slower on wasm (its
 * gather and scatter kernels are slow) and WebGL's scatter loops over every update per output.
 */
interface Block {
  docs: Int32Array;
  ids: tf.Tensor2D;
  cnts: tf.Tensor2D;
}

function makeBlock(data: DocTermMatrix, docs: ArrayLike<number>): Block {
  let width = 1;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    width = Math.max(width, data.indptr[d + 1]! - data.indptr[d]!);
  }
  const ids = new Int32Array(docs.length * width);
  const cnts = new Float32Array(docs.length * width);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const start = data.indptr[d]!;
    const n = data.indptr[d + 1]! - start;
    ids.set(data.indices.subarray(start, start + n), i * width);
    cnts.set(data.counts.subarray(start, start + n), i * width);
  }
  return {
    docs: Int32Array.from(docs),
    ids: tf.tensor2d(ids, [docs.length, width], 'int32'),
    cnts: tf.tensor2d(cnts, [docs.length, width], 'float32'),
  };
}

/**
 * Blocks for a pass over `docs`: sorted by length (so a block wastes little padding), cut so
 * that no block has more than `cells` padded cells (documents × longest document).
 */
function makeBlocks(data: DocTermMatrix, docs: ArrayLike<number>, cells: number): Block[] {
  const order = Array.from(docs);
  const len = (d: number) => data.indptr[d + 1]! - data.indptr[d]!;
  order.sort((a, b) => len(a) - len(b) || a - b);
  const blocks: Block[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    let width = 1;
    while (end < order.length) {
      const w = Math.max(width, len(order[end]!));
      if (end > start && (end - start + 1) * w > cells) break;
      width = w;
      end++;
    }
    blocks.push(makeBlock(data, order.slice(start, end)));
    start = end;
  }
  return blocks;
}

/** What one E-step covers: documents docStart … docEnd − 1 of `data`, γ starting at `start`. */
interface EStepRange {
  data: DocTermMatrix;
  docStart: number;
  docEnd: number;
  start: Float32Array;
  withSstats: boolean;
}

/** An E-step's γ ([n, K]), its unscaled sufficient statistics [V, K] and its γ updates. */
interface EStepSums {
  gamma: Float32Array;
  sstatsT: tf.Tensor2D | null;
  updates: number;
}

/** A CSR document-term matrix as the fused E-step's input tensors. */
interface Csr {
  indptr: tf.Tensor1D;
  indices: tf.Tensor1D;
  counts: tf.Tensor1D;
}

function makeCsr(data: DocTermMatrix): Csr {
  return {
    indptr: tf.tensor1d(data.indptr, 'int32'),
    indices: tf.tensor1d(data.indices, 'int32'),
    counts: tf.tensor1d(data.counts, 'float32'),
  };
}

function disposeCsr(c: Csr) {
  c.indptr.dispose();
  c.indices.dispose();
  c.counts.dispose();
}

function disposeBlocks(blocks: Block[]) {
  for (const b of blocks) {
    b.ids.dispose();
    b.cnts.dispose();
  }
}

interface EStepResult {
  gamma: Float32Array;
  /** Σ over the block of φ-weighted counts, [V, K], not yet multiplied by exp(E[log β]). */
  sstatsT: tf.Tensor2D | null;
  updates: number;
}

/** Rows of `values` ([N, K]) added into `rows` output rows at `index` ([N]). */
function scatterAdd(index: tf.Tensor1D, values: tf.Tensor2D, rows: number): tf.Tensor2D {
  const k = values.shape[1];
  const backend = tf.getBackend();
  if (backend === 'cpu') return tf.unsortedSegmentSum(values, index, rows);
  if (backend === 'webgl') {
    // WebGL's scatter loops over every update for every output: add on the CPU instead.
    const v = values.dataSync();
    const ids = index.dataSync();
    const out = new Float32Array(rows * k);
    for (let i = 0; i < ids.length; i++) {
      const base = ids[i]! * k;
      for (let t = 0; t < k; t++) out[base + t]! += v[i * k + t]!;
    }
    return tf.tensor2d(out, [rows, k]);
  }
  // wasm has no unsortedSegmentSum; its scatterND adds the values of repeated indices.
  return tf.scatterND(tf.reshape(index, [-1, 1]), values, [rows, k]) as tf.Tensor2D;
}

/** normPhi = Σ_k exp E[log θ_dk] · exp E[log β_kw] + ε for every padded entry, [C, L]. */
const normPhiOf = (W: tf.Tensor3D, expTheta: tf.Tensor2D) =>
  tf.add(tf.squeeze(tf.matMul(W, tf.expandDims(expTheta, 2)), [2]), LDA_EPS);

/** Rows `rows` of `t` as a new tensor. */
const takeRows = <T extends tf.Tensor>(t: T, rows: tf.Tensor1D): T => tf.gather(t, rows) as T;

/**
 * sklearn's `_update_doc_distribution` for a whole block at once. Every document keeps
 * updating until its own mean |Δγ| < tol (then it is frozen, as sklearn's loop breaks), or
 * until maxIter updates. Every `checkEvery` updates the block is compacted to the documents
 * still moving once a quarter of them has converged (the frozen ones would not change).
 */
function eStepBlock(
  block: Block,
  expElogBetaT: tf.Tensor2D,
  gamma0: tf.Tensor2D,
  o: ResolvedLdaOptions,
  nTerms: number,
  withSstats: boolean,
): EStepResult {
  const n = block.docs.length;
  const k = o.nComponents;
  const Wfull = tf.gather(expElogBetaT, block.ids) as unknown as tf.Tensor3D; // [C, L, K]
  let W = Wfull;
  let cnts = block.cnts;
  let rows = Int32Array.from({ length: n }, (_, i) => i);
  let gamma = gamma0;
  let expTheta = tf.tidy(() => tf.exp(dirichletExpectation(gamma0)));
  let active = tf.ones([n], 'bool') as tf.Tensor1D;
  let updates = tf.zeros([n]) as tf.Tensor1D;
  const outGamma = new Float32Array(n * k);
  const outExp = new Float32Array(n * k);
  let updateCount = 0;
  const alpha = o.docTopicPrior;
  /** Copies rows `keep === false` (or all) of the current subset to the outputs. */
  const retire = (keep: Uint8Array | null) => {
    const g = gamma.dataSync();
    const e = expTheta.dataSync();
    const u = updates.dataSync();
    for (let i = 0; i < rows.length; i++) {
      if (keep && keep[i]) continue;
      const r = rows[i]! * k;
      outGamma.set(g.subarray(i * k, i * k + k), r);
      outExp.set(e.subarray(i * k, i * k + k), r);
      updateCount += u[i]!;
    }
  };
  for (let it = 1; it <= o.maxDocUpdateIter; it++) {
    const next = tf.tidy(() => {
      const ratio = tf.div(cnts, normPhiOf(W, expTheta));
      const s = tf.squeeze(tf.matMul(tf.expandDims(ratio, 1), W), [1]);
      const upd = tf.add(tf.mul(expTheta, s), alpha);
      const change = tf.mean(tf.abs(tf.sub(upd, gamma)), 1);
      const column = tf.expandDims(active, 1);
      return [
        tf.where(column, upd, gamma),
        tf.where(column, tf.exp(dirichletExpectation(upd as tf.Tensor2D)), expTheta),
        tf.logicalAnd(active, tf.greaterEqual(change, o.meanChangeTol)),
        tf.add(updates, tf.cast(active, 'float32')),
      ] as const;
    });
    gamma.dispose();
    expTheta.dispose();
    active.dispose();
    updates.dispose();
    gamma = next[0] as tf.Tensor2D;
    expTheta = next[1] as tf.Tensor2D;
    active = next[2] as tf.Tensor1D;
    updates = next[3] as tf.Tensor1D;
    if (it % o.checkEvery !== 0 || it === o.maxDocUpdateIter) continue;
    const flags = active.dataSync() as Uint8Array;
    let still = 0;
    for (let i = 0; i < flags.length; i++) still += flags[i] ? 1 : 0;
    if (still === 0) break;
    if (still > 0.75 * rows.length) continue;
    // Compact: retire the converged documents, keep computing only the others.
    const keep = Uint8Array.from(flags);
    retire(keep);
    const local = new Int32Array(still);
    for (let i = 0, j = 0; i < keep.length; i++) if (keep[i]) local[j++] = i;
    const sub = tf.tensor1d(local, 'int32');
    const swap = <T extends tf.Tensor>(t: T, owned: boolean): T => {
      const taken = takeRows(t, sub);
      if (owned) t.dispose();
      return taken;
    };
    W = swap(W, W !== Wfull);
    cnts = swap(cnts, cnts !== block.cnts);
    gamma = swap(gamma, true);
    expTheta = swap(expTheta, true);
    updates = swap(updates, true);
    active.dispose();
    active = tf.ones([still], 'bool') as tf.Tensor1D;
    sub.dispose();
    rows = Int32Array.from(local, (i) => rows[i]!);
  }
  retire(null);
  if (W !== Wfull) W.dispose();
  if (cnts !== block.cnts) cnts.dispose();
  gamma.dispose();
  expTheta.dispose();
  active.dispose();
  updates.dispose();
  let sstatsT: tf.Tensor2D | null = null;
  if (withSstats) {
    sstatsT = tf.tidy(() => {
      const expFull = tf.tensor2d(outExp, [n, k]);
      const ratio = tf.div(block.cnts, normPhiOf(Wfull, expFull)); // [C, L]
      const contrib = tf.mul(tf.expandDims(expFull, 1), tf.expandDims(ratio, 2)); // [C, L, K]
      return scatterAdd(
        tf.reshape(block.ids, [-1]) as tf.Tensor1D,
        tf.reshape(contrib, [-1, k]) as tf.Tensor2D,
        nTerms,
      );
    });
  }
  Wfull.dispose();
  return { gamma: outGamma, sstatsT, updates: updateCount };
}

function checkData(data: DocTermMatrix) {
  if (!data || !(data.indptr instanceof Int32Array) || data.indptr.length !== data.nDocs + 1) {
    throw new CoreInputError(
      'The document-term matrix is malformed (indptr must have nDocs + 1 entries).',
    );
  }
  if (data.nDocs < 1 || data.nTerms < 1) {
    throw new CoreInputError('LDA needs at least one document and one term.');
  }
}

function flattenLambda(
  initial: ReadonlyArray<ArrayLike<number>> | ArrayLike<number>,
  k: number,
  v: number,
): Float32Array {
  const first = (initial as ArrayLike<unknown>)[0];
  let flat: Float32Array;
  if (typeof first === 'number') flat = Float32Array.from(initial as ArrayLike<number>);
  else {
    const rows = initial as ReadonlyArray<ArrayLike<number>>;
    if (rows.length !== k || rows.some((r) => r.length !== v)) {
      throw new CoreInputError(`The initial λ must be [${k}, ${v}] (topics × terms).`);
    }
    flat = new Float32Array(k * v);
    rows.forEach((r, i) => flat.set(Array.from(r), i * v));
  }
  if (flat.length !== k * v) {
    throw new CoreInputError(
      `The initial λ must have ${k}·${v} = ${k * v} entries, got ${flat.length}.`,
    );
  }
  if (flat.some((x) => !(x > 0)))
    throw new CoreInputError('Every entry of the initial λ must be positive.');
  return flat;
}

/** [V, K] tensor from a row-major [K, V] array. */
function transposedTensor(flat: Float32Array, k: number, v: number): tf.Tensor2D {
  return tf.tidy(() => tf.transpose(tf.tensor2d(flat, [k, v]))) as tf.Tensor2D;
}

/** Reads a [V, K] tensor back as row-major [K, V]. */
function readTransposed(t: tf.Tensor2D): Float32Array {
  const [v, k] = t.shape;
  const src = t.dataSync() as Float32Array;
  const out = new Float32Array(k * v);
  for (let w = 0; w < v; w++) for (let j = 0; j < k; j++) out[j * v + w] = src[w * k + j]!;
  return out;
}

/**
 * An LDA model being fitted. `step()` runs one iteration (a batch EM step, or one pass of online
 * mini-batches) and returns its state; `fit()` runs them all. Call `dispose()` when done.
 */
export class LdaModel {
  readonly options: ResolvedLdaOptions;
  readonly data: DocTermMatrix;
  /** Iterations done. */
  iteration = 0;
  /** sklearn's n_batch_iter_: starts at 1, +1 per EM step. */
  batchIter = 1;
  private lambdaT: tf.Tensor2D;
  private expElogBetaT: tf.Tensor2D;
  private readonly rng: Rng;
  /** The training documents (CSR) as tensors for the fused E-step, made on first use. */
  private csr: Csr | null = null;
  /** Tensor-path blocks of the training documents, per range `first:end` of a (mini-)batch. */
  private readonly blocks = new Map<string, Block[]>();
  private lastPerplexity: number | null = null;
  private disposed = false;
  readonly wordCount: number;

  constructor(data: DocTermMatrix, options: LdaOptions = {}) {
    checkData(data);
    this.data = data;
    this.options = resolveLdaOptions(options, data.nDocs);
    this.wordCount = totalCount(data);
    const { nComponents: k } = this.options;
    const v = data.nTerms;
    this.rng = createRng(this.options.seed);
    const lambda0 = options.initialLambda
      ? flattenLambda(options.initialLambda, k, v)
      : sampleGammaArray(this.rng, k * v);
    this.lambdaT = transposedTensor(lambda0, k, v);
    this.expElogBetaT = this.expElogBeta();
  }

  private expElogBeta(): tf.Tensor2D {
    return tf.tidy(() => tf.exp(dirichletExpectation(this.lambdaT, 0)));
  }

  private checkAlive() {
    if (this.disposed) throw new CoreInputError('This LDA model has been disposed.');
  }

  /** γ starts for `n` documents: seeded Gamma(100, 1/100) draws, or ones. */
  private gammaStart(n: number): Float32Array {
    const k = this.options.nComponents;
    return this.options.docInit === 'ones'
      ? new Float32Array(n * k).fill(1)
      : sampleGammaArray(this.rng, n * k);
  }

  /** Whether this E-step runs as the fused kernel (see the `eStep` option). */
  private fused(): boolean {
    const mode = this.options.eStep;
    if (mode === 'tensor') return false;
    const available = ldaEStepKernelAvailable();
    if (mode === 'fused' && !available) {
      throw new CoreInputError(
        `The fused E-step runs on the cpu and wasm backends, not on ${tf.getBackend()}.`,
      );
    }
    return available;
  }

  /**
   * One E-step over the documents docStart … docEnd − 1 of `data` (the training documents when
   * `data` is this.data: their tensors are kept), γ starting at `start` ([n, K], in order).
   * Returns γ ([n, K]), the sufficient statistics [V, K] (times exp E[log β]) if asked, and the
   * total number of γ updates.
   */
  private eStep(
    data: DocTermMatrix,
    docStart: number,
    docEnd: number,
    start: Float32Array,
    withSstats: boolean,
  ): { gamma: Float32Array; sstatsT: tf.Tensor2D | null; updates: number } {
    const e = this.fused()
      ? this.eStepFused({ data, docStart, docEnd, start, withSstats })
      : this.eStepTensor({ data, docStart, docEnd, start, withSstats });
    let sstats = e.sstatsT;
    if (sstats) {
      const scaled = tf.mul(sstats, this.expElogBetaT) as tf.Tensor2D;
      sstats.dispose();
      sstats = scaled;
    }
    return { gamma: e.gamma, sstatsT: sstats, updates: e.updates };
  }

  private eStepFused({ data, docStart, docEnd, start, withSstats }: EStepRange): EStepSums {
    const k = this.options.nComponents;
    const own = data === this.data;
    const csr = own ? (this.csr ??= makeCsr(data)) : makeCsr(data);
    const gamma0 = tf.tensor2d(start, [docEnd - docStart, k]);
    try {
      const out = runLdaEStep(
        { expElogBetaT: this.expElogBetaT, ...csr, gamma0 },
        {
          docStart,
          alpha: this.options.docTopicPrior,
          tol: this.options.meanChangeTol,
          maxIter: this.options.maxDocUpdateIter,
          withSstats,
        },
      );
      const gamma = out.gamma.dataSync() as Float32Array;
      const perDoc = out.updates.dataSync();
      let updates = 0;
      for (let i = 0; i < perDoc.length; i++) updates += perDoc[i]!;
      out.gamma.dispose();
      out.updates.dispose();
      return { gamma, sstatsT: out.sstatsT, updates };
    } finally {
      gamma0.dispose();
      if (!own) disposeCsr(csr);
    }
  }

  private eStepTensor({ data, docStart, docEnd, start, withSstats }: EStepRange): EStepSums {
    const k = this.options.nComponents;
    const docs = Int32Array.from({ length: docEnd - docStart }, (_, i) => docStart + i);
    const own = data === this.data;
    const key = `${docStart}:${docEnd}`;
    let blocks = own ? this.blocks.get(key) : undefined;
    if (!blocks) {
      blocks = makeBlocks(data, docs, this.options.blockCells);
      if (own) this.blocks.set(key, blocks);
    }
    const gamma = new Float32Array(docs.length * k);
    let sstats: tf.Tensor2D | null = null;
    let updates = 0;
    try {
      for (const block of blocks) {
        const init = new Float32Array(block.docs.length * k);
        block.docs.forEach((d, i) => {
          const p = (d - docStart) * k;
          init.set(start.subarray(p, p + k), i * k);
        });
        const g0 = tf.tensor2d(init, [block.docs.length, k]);
        const r = eStepBlock(block, this.expElogBetaT, g0, this.options, data.nTerms, withSstats);
        const g = r.gamma;
        block.docs.forEach((d, i) => gamma.set(g.subarray(i * k, i * k + k), (d - docStart) * k));
        updates += r.updates;
        if (r.sstatsT) {
          if (sstats) {
            const sum = tf.add(sstats, r.sstatsT) as tf.Tensor2D;
            sstats.dispose();
            r.sstatsT.dispose();
            sstats = sum;
          } else sstats = r.sstatsT;
        }
      }
    } finally {
      if (!own) disposeBlocks(blocks);
    }
    return { gamma, sstatsT: sstats, updates };
  }

  /** sklearn's `_em_step` on the training documents docStart … docEnd − 1. */
  private emStep(docStart: number, docEnd: number, batchUpdate: boolean) {
    const n = docEnd - docStart;
    const start = this.gammaStart(n);
    const e = this.eStep(this.data, docStart, docEnd, start, true);
    const o = this.options;
    const sstats = e.sstatsT!;
    const next = tf.tidy(() => {
      if (batchUpdate) return tf.add(sstats, o.topicWordPrior);
      const weight = Math.pow(o.learningOffset + this.batchIter, -o.learningDecay);
      const ratio = o.totalSamples / n;
      return tf.add(
        tf.mul(this.lambdaT, 1 - weight),
        tf.mul(tf.add(tf.mul(sstats, ratio), o.topicWordPrior), weight),
      );
    }) as tf.Tensor2D;
    sstats.dispose();
    this.lambdaT.dispose();
    this.lambdaT = next;
    this.expElogBetaT.dispose();
    this.expElogBetaT = this.expElogBeta();
    this.batchIter++;
    return e;
  }

  /** True once maxIter iterations ran, or the evaluated perplexity stopped moving. */
  done = false;

  /** One iteration; `evaluate` forces (true) or skips (false) the bound, else evaluateEvery decides. */
  step(evaluate?: boolean): LdaIterationState {
    this.checkAlive();
    const t0 = performance.now();
    const o = this.options;
    const k = o.nComponents;
    let gamma: Float32Array;
    let updates = 0;
    const nDocs = this.data.nDocs;
    if (o.learningMethod === 'batch') {
      const e = this.emStep(0, nDocs, true);
      gamma = e.gamma;
      updates = e.updates;
    } else {
      gamma = new Float32Array(nDocs * k);
      for (let s = 0; s < nDocs; s += o.batchSize) {
        const e = this.emStep(s, Math.min(s + o.batchSize, nDocs), false);
        gamma.set(e.gamma, s * k);
        updates += e.updates;
      }
    }
    const ms = performance.now() - t0;
    this.iteration++;
    const every = o.evaluateEvery;
    const doEval = evaluate ?? (every > 0 && this.iteration % every === 0);
    let bound: number | null = null;
    let perplexity: number | null = null;
    const lambda = this.lambda();
    if (doEval) {
      gamma = this.transform();
      bound = approxBound(this.data, gamma, lambda, k, o.docTopicPrior, o.topicWordPrior);
      perplexity = Math.exp(-bound / this.wordCount);
      if (
        evaluate === undefined &&
        this.lastPerplexity !== null &&
        Math.abs(this.lastPerplexity - perplexity) < o.perpTol
      ) {
        this.done = true;
      }
      this.lastPerplexity = perplexity;
    }
    if (this.iteration >= o.maxIter) this.done = true;
    return {
      iteration: this.iteration,
      lambda,
      gamma,
      bound,
      perplexity,
      meanDocUpdates: updates / this.data.nDocs,
      ms,
    };
  }

  /** Runs the remaining iterations; `onIteration` sees each state (return false to stop). */
  fit(onIteration?: (state: LdaIterationState) => boolean | void): LdaIterationState | null {
    let last: LdaIterationState | null = null;
    while (!this.done) {
      last = this.step();
      if (onIteration?.(last) === false) break;
    }
    return last;
  }

  /** λ now, [K, V] row-major. */
  lambda(): Float32Array {
    this.checkAlive();
    return readTransposed(this.lambdaT);
  }

  /**
   * γ of `data`'s documents under the current λ ([D, K], not normalised), starting every γ at 1
   * as sklearn's transform does. Default: the training documents.
   */
  transform(data: DocTermMatrix = this.data): Float32Array {
    this.checkAlive();
    if (data.nTerms !== this.data.nTerms) {
      throw new CoreInputError(
        `These documents have ${data.nTerms} terms; the model has ${this.data.nTerms}.`,
      );
    }
    const start = new Float32Array(data.nDocs * this.options.nComponents).fill(1);
    return this.eStep(data, 0, data.nDocs, start, false).gamma;
  }

  /** sklearn's `perplexity(X)`: γ from `transform`, then exp(−bound / word count). */
  perplexity(data: DocTermMatrix = this.data): number {
    const gamma = this.transform(data);
    const o = this.options;
    const bound = approxBound(
      data,
      gamma,
      this.lambda(),
      o.nComponents,
      o.docTopicPrior,
      o.topicWordPrior,
    );
    return Math.exp(-bound / totalCount(data));
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.lambdaT.dispose();
    this.expElogBetaT.dispose();
    for (const b of this.blocks.values()) disposeBlocks(b);
    this.blocks.clear();
    if (this.csr) disposeCsr(this.csr);
    this.csr = null;
  }
}

/** Σ (prior − distr)·E[log] + Σ (ln Γ(distr) − ln Γ(prior)) + Σ_rows (ln Γ(prior·size) − ln Γ(Σ distr)). */
function logLikelihood(
  prior: number,
  distr: ArrayLike<number>,
  elog: Float64Array,
  rows: number,
  size: number,
): number {
  let score = 0;
  const lgPrior = lgamma(prior);
  const lgPriorSize = lgamma(prior * size);
  for (let r = 0; r < rows; r++) {
    let rowSum = 0;
    for (let c = 0; c < size; c++) {
      const x = distr[r * size + c]!;
      score += (prior - x) * elog[r * size + c]! + lgamma(x) - lgPrior;
      rowSum += x;
    }
    score += lgPriorSize - lgamma(rowSum);
  }
  return score;
}

/** E[log θ] or E[log β] of every row of a row-major matrix, float64. */
export function dirichletExpectationRows(
  distr: ArrayLike<number>,
  rows: number,
  size: number,
): Float64Array {
  const out = new Float64Array(rows * size);
  const row = new Float64Array(size);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < size; c++) row[c] = distr[r * size + c]!;
    out.set(dirichletExpectation1d(row), r * size);
  }
  return out;
}

/**
 * sklearn's `_approx_bound` (sub_sampling off), in float64: E_q[log p(docs | θ, β)] +
 * E_q[log p(θ | α) − log q(θ | γ)] + E_q[log p(β | η) − log q(β | λ)].
 */
export function approxBound(
  data: DocTermMatrix,
  gamma: ArrayLike<number>,
  lambda: ArrayLike<number>,
  k: number,
  alpha: number,
  eta: number,
): number {
  const v = data.nTerms;
  const elogTheta = dirichletExpectationRows(gamma, data.nDocs, k);
  const elogBeta = dirichletExpectationRows(lambda, k, v);
  let score = 0;
  const temp = new Float64Array(k);
  for (let d = 0; d < data.nDocs; d++) {
    for (let j = data.indptr[d]!; j < data.indptr[d + 1]!; j++) {
      const w = data.indices[j]!;
      let max = -Infinity;
      for (let t = 0; t < k; t++) {
        temp[t] = elogTheta[d * k + t]! + elogBeta[t * v + w]!;
        if (temp[t]! > max) max = temp[t]!;
      }
      let s = 0;
      for (let t = 0; t < k; t++) s += Math.exp(temp[t]! - max);
      score += data.counts[j]! * (max + Math.log(s));
    }
  }
  score += logLikelihood(alpha, gamma, elogTheta, data.nDocs, k);
  score += logLikelihood(eta, lambda, elogBeta, k, v);
  return score;
}

/** sklearn's perplexity from a bound: exp(−bound / word count). */
export function perplexityFromBound(bound: number, wordCount: number): number {
  return Math.exp(-bound / wordCount);
}

/** Runs a whole fit and frees every tensor; returns the last state (and every state if asked). */
export function fitLda(
  data: DocTermMatrix,
  options: LdaOptions = {},
  onIteration?: (state: LdaIterationState) => boolean | void,
): { last: LdaIterationState; states: LdaIterationState[] } {
  const model = new LdaModel(data, options);
  const states: LdaIterationState[] = [];
  try {
    model.fit((s) => {
      states.push(s);
      return onIteration?.(s);
    });
  } finally {
    model.dispose();
  }
  return { last: states[states.length - 1]!, states };
}
