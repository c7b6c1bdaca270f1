// The whole LDA E-step (scikit-learn's `_update_doc_distribution` for every document of a
// batch, plus the sufficient statistics) as ONE tfjs kernel for the cpu and wasm backends,
// registered with tf.registerKernel as src/core/fast/lstmKernels.ts registers the LSTM step.
//
// The tensor path (lda.ts) needs about a dozen kernels per γ update of a block of documents,
// and documents converge after anywhere from 3 to 100 updates, so most of its time goes to
// kernel dispatch, padding and the bookkeeping of converged documents. Here each document runs
// its own fixed-point loop over the backend's typed arrays: its terms' rows of exp E[log β] are
// gathered once, every update is two passes over them (the φ normalisers, then the new γ), and
// the loop stops for that document alone once mean |Δγ| < tol, exactly as sklearn's loop does.
// Arithmetic is float64 inside (as numpy's), float32 out.
//
// Inputs:  expElogBetaT [V, K] float32    exp E[log β], term-major (row w is term w's K values)
//          indptr [D + 1] int32, indices [nnz] int32, counts [nnz] float32   the corpus (CSR)
//          gamma0 [n, K] float32           the starting γ of documents docStart … docStart + n − 1
// Outputs: gamma [n, K] float32, updates [n] int32 (γ updates per document), and when
//          `withSstats`: sstatsT [V, K] float32, Σ_d exp E[log θ_d] ⊗ (n_dw / φ-normaliser_dw)
//          (not yet multiplied by exp E[log β], as in sklearn's `_e_step` before its last line).
import * as tf from '@tensorflow/tfjs';
import { digamma } from './special';

export const LDA_E_STEP = 'GatebookLdaEStep';

/** numpy's float64 machine epsilon, which scikit-learn adds to every φ normaliser. */
export const LDA_EPS = 2.220446049250313e-16;

export interface LdaEStepAttrs {
  /** The first document (row of the CSR matrix) of this call; gamma0 row 0 belongs to it. */
  docStart: number;
  /** α, the document-topic prior. */
  alpha: number;
  /** A document stops once mean |Δγ| < tol (sklearn's mean_change_tol). */
  tol: number;
  /** At most this many γ updates per document (max_doc_update_iter). */
  maxIter: number;
  /** Also return the sufficient statistics. */
  withSstats: boolean;
}

/** The plain arrays the E-step reads and writes (the kernels pass the backends' own). */
export interface LdaEStepArrays {
  expElogBetaT: Float32Array;
  indptr: Int32Array;
  indices: Int32Array;
  counts: Float32Array;
  gamma0: Float32Array;
  /** [n, K] out. */
  gamma: Float32Array;
  /** [n] out. */
  updates: Int32Array;
  /** [V, K] out, or null. */
  sstatsT: Float32Array | null;
}

/** exp E[log θ] of one document's γ: exp(ψ(γ_t) − ψ(Σ γ)), in float64. */
function expDirichlet(g: Float64Array, out: Float64Array, k: number) {
  let total = 0;
  for (let t = 0; t < k; t++) total += g[t]!;
  const psiTotal = digamma(total);
  for (let t = 0; t < k; t++) out[t] = Math.exp(digamma(g[t]!) - psiTotal);
}

/**
 * The E-step on plain arrays, for documents docStart … docStart + n − 1 (n = gamma0.length / K).
 * Exported for tests; the kernels below call it on the backends' memory.
 */
export function ldaEStepOnArrays(a: LdaEStepArrays, k: number, attrs: LdaEStepAttrs): void {
  const { docStart, alpha, tol, maxIter } = attrs;
  const { expElogBetaT: beta, indptr, indices, counts } = a;
  const n = a.updates.length;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    longest = Math.max(longest, indptr[docStart + i + 1]! - indptr[docStart + i]!);
  }
  const w = new Float64Array(longest * k); // this document's rows of exp E[log β]
  const cnt = new Float64Array(longest);
  const g = new Float64Array(k);
  const eTheta = new Float64Array(k);
  const s = new Float64Array(k);
  const sstats = a.sstatsT ? new Float64Array(a.sstatsT.length) : null;
  for (let i = 0; i < n; i++) {
    const start = indptr[docStart + i]!;
    const len = indptr[docStart + i + 1]! - start;
    for (let j = 0; j < len; j++) {
      const from = indices[start + j]! * k;
      for (let t = 0; t < k; t++) w[j * k + t] = beta[from + t]!;
      cnt[j] = counts[start + j]!;
    }
    for (let t = 0; t < k; t++) g[t] = a.gamma0[i * k + t]!;
    expDirichlet(g, eTheta, k);
    let updates = 0;
    while (updates < maxIter) {
      // s = Σ_j n_j / (exp E[log θ] · W_j + ε) · W_j
      s.fill(0);
      for (let j = 0, row = 0; j < len; j++, row += k) {
        let dot = 0;
        for (let t = 0; t < k; t++) dot += eTheta[t]! * w[row + t]!;
        const ratio = cnt[j]! / (dot + LDA_EPS);
        for (let t = 0; t < k; t++) s[t]! += ratio * w[row + t]!;
      }
      let change = 0;
      for (let t = 0; t < k; t++) {
        const next = eTheta[t]! * s[t]! + alpha;
        change += Math.abs(next - g[t]!);
        g[t] = next;
      }
      expDirichlet(g, eTheta, k);
      updates++;
      if (change / k < tol) break;
    }
    for (let t = 0; t < k; t++) a.gamma[i * k + t] = g[t]!;
    a.updates[i] = updates;
    if (!sstats) continue;
    // sstats[w, :] += exp E[log θ] · n_w / (exp E[log θ] · W_w + ε), with the final θ.
    for (let j = 0, row = 0; j < len; j++, row += k) {
      let dot = 0;
      for (let t = 0; t < k; t++) dot += eTheta[t]! * w[row + t]!;
      const ratio = cnt[j]! / (dot + LDA_EPS);
      const to = indices[start + j]! * k;
      for (let t = 0; t < k; t++) sstats[to + t]! += eTheta[t]! * ratio;
    }
  }
  if (sstats) a.sstatsT!.set(sstats);
}

type Info = tf.TensorInfo;
type Typed = Float32Array | Int32Array;

interface ArrayAccess {
  /** The values of an input (a view where the backend allows). Call after every `alloc`. */
  read(info: Info): Typed;
  alloc(shape: number[], dtype: 'float32' | 'int32'): Info;
  values(info: Info): Typed;
}

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: 'float32' | 'int32', values?: Typed): Info;
}

function cpuAccess(backend: CpuBackendLike): ArrayAccess {
  const pending = new Map<Info, Typed>();
  return {
    read: (info) =>
      (backend.data.get(info.dataId).values ?? backend.readSync(info.dataId)) as Typed,
    alloc(shape, dtype) {
      const size = shape.reduce((x, y) => x * y, 1);
      const values = dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
      const info = backend.makeTensorInfo(shape, dtype, values);
      pending.set(info, values);
      return info;
    },
    values: (info) => pending.get(info)!,
  };
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32' | 'int32'): Info;
  typedArrayFromHeap(info: Info): Typed;
}

function wasmAccess(backend: WasmBackendLike): ArrayAccess {
  // Views into the wasm heap, taken after every output is allocated (a growing heap detaches
  // older views); the JavaScript loop itself allocates nothing on that heap.
  return {
    read: (info) => backend.typedArrayFromHeap(info),
    alloc: (shape, dtype) => backend.makeOutput(shape, dtype),
    values: (info) => backend.typedArrayFromHeap(info),
  };
}

function arrayKernel(access: (backend: unknown) => ArrayAccess): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { expElogBetaT, indptr, indices, counts, gamma0 } = inputs as Record<string, Info>;
    const at = attrs as unknown as LdaEStepAttrs;
    const [v, k] = expElogBetaT!.shape as [number, number];
    const n = gamma0!.shape[0]!;
    const a = access(backend);
    const gamma = a.alloc([n, k], 'float32');
    const updates = a.alloc([n], 'int32');
    const sstatsT = at.withSstats ? a.alloc([v, k], 'float32') : null;
    ldaEStepOnArrays(
      {
        expElogBetaT: a.read(expElogBetaT!) as Float32Array,
        indptr: a.read(indptr!) as Int32Array,
        indices: a.read(indices!) as Int32Array,
        counts: a.read(counts!) as Float32Array,
        gamma0: a.read(gamma0!) as Float32Array,
        gamma: a.values(gamma) as Float32Array,
        updates: a.values(updates) as Int32Array,
        sstatsT: sstatsT ? (a.values(sstatsT) as Float32Array) : null,
      },
      k,
      at,
    );
    return sstatsT ? [gamma, updates, sstatsT] : [gamma, updates];
  };
}

const IMPLEMENTATIONS: Record<string, tf.KernelFunc> = {
  cpu: arrayKernel((b) => cpuAccess(b as CpuBackendLike)),
  wasm: arrayKernel((b) => wasmAccess(b as WasmBackendLike)),
};

let registered = false;

/** Registers the E-step kernel for cpu and wasm (once; harmless before those backends load). */
export function registerLdaEStepKernel(): void {
  if (registered) return;
  registered = true;
  for (const [backendName, kernelFunc] of Object.entries(IMPLEMENTATIONS)) {
    if (!tf.getKernel(LDA_E_STEP, backendName)) {
      tf.registerKernel({ kernelName: LDA_E_STEP, backendName, kernelFunc });
    }
  }
}

/** Whether the active backend has the fused E-step (cpu and wasm do; webgl does not). */
export function ldaEStepKernelAvailable(): boolean {
  registerLdaEStepKernel();
  const backend = tf.getBackend();
  return backend !== undefined && tf.getKernel(LDA_E_STEP, backend) !== undefined;
}

export interface LdaEStepInputs {
  expElogBetaT: tf.Tensor2D;
  indptr: tf.Tensor1D;
  indices: tf.Tensor1D;
  counts: tf.Tensor1D;
  gamma0: tf.Tensor2D;
}

/**
 * Runs the kernel through the engine (so its outputs are tracked tensors): γ [n, K], the
 * updates of every document [n] and, when asked, the unscaled sufficient statistics [V, K].
 */
export function runLdaEStep(
  inputs: LdaEStepInputs,
  attrs: LdaEStepAttrs,
): { gamma: tf.Tensor2D; updates: tf.Tensor1D; sstatsT: tf.Tensor2D | null } {
  registerLdaEStepKernel();
  const out = tf
    .engine()
    .runKernel(
      LDA_E_STEP,
      inputs as unknown as tf.NamedTensorMap,
      attrs as unknown as tf.NamedAttrMap,
    ) as unknown as tf.Tensor[];
  return {
    gamma: out[0] as tf.Tensor2D,
    updates: out[1] as tf.Tensor1D,
    sstatsT: (out[2] as tf.Tensor2D | undefined) ?? null,
  };
}
