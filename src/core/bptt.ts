import * as tf from '@tensorflow/tfjs';
import { formatShape, toDense, type NestedNumbers } from './arrays';
import { validateCell, type Cell, type CellKind } from './cells';
import { CoreInputError, check } from './errors';
import { toSequenceBatch, toStateBatch, type SequenceInput } from './sequences';
import type { TraceOptions } from './trace';
import { cellTensors, productLayout, unroll } from './unroll';

/**
 * Which loss BPTT differentiates:
 * - `last`: L = ½‖h_T − y‖² at the last step (y [units] or [batch, units]; zeros by default);
 * - `sum`:  L = Σ_t ½‖h_t − y_t‖² over all steps (y [steps, units] or [batch, steps, units]).
 * Both are averaged over the batch.
 */
export type BpttLoss = 'last' | 'sum';

/** A loss of your own: a scalar from all hidden states hs [B, T, H] (and the last, [B, H]). */
export type BpttLossFn = (hs: tf.Tensor3D, hLast: tf.Tensor2D) => tf.Scalar;

export interface BpttOptions extends TraceOptions {
  /** Default `'last'`. Ignored when `lossFn` is given. */
  loss?: BpttLoss;
  /** Targets of the built-in losses (see BpttLoss); zeros when left out. */
  target?: NestedNumbers | Float32Array;
  lossFn?: BpttLossFn;
}

/**
 * The numbers behind the vanishing / exploding gradient plot. Index t is step t (0-based);
 * h_t is the state after reading x_t. Norms are Frobenius norms over the whole batch.
 */
export interface BpttResult {
  kind: CellKind;
  batch: number;
  steps: number;
  units: number;
  loss: number;
  /**
   * ‖∂L/∂h_t‖ [steps]: the total derivative, through every later step (for an LSTM with the
   * cell state c_t held as its own variable).
   */
  hGradNorm: Float32Array;
  /** ‖∂L/∂h_0‖ for the initial state. */
  h0GradNorm: number;
  /** LSTM: ‖∂L/∂c_t‖ [steps] (the conveyor belt); null for other cells. */
  cGradNorm: Float32Array | null;
  /**
   * ‖contribution of step t to ∂L/∂U‖ [steps], U the shared recurrent kernel (all gates):
   * ∂L/∂U = Σ_t (step t's term), and this is each term's norm.
   */
  recurrentGradNormByStep: Float32Array;
  /** ‖∂L/∂U‖ of the whole recurrent kernel. */
  recurrentGradNorm: number;
  /** The same split for the input kernel W: ‖x_tᵀ · ∂L/∂(x_t W)‖ [steps]. */
  kernelGradNormByStep: Float32Array;
  kernelGradNorm: number;
  /**
   * A sentence for the learner when a value overflowed (exploding) or the loss is not finite;
   * null when all is well. Norms smaller than about 1e-38 underflow to 0 in float32.
   */
  warning: string | null;
}

/** Frobenius norm of each [width] block of a [T, B·width]-like flat array grouped by step. */
function normsByStep(values: Float32Array, steps: number): Float32Array {
  const per = values.length / steps;
  const out = new Float32Array(steps);
  for (let t = 0; t < steps; t++) {
    let sum = 0;
    for (let k = t * per; k < (t + 1) * per; k++) sum += values[k]! * values[k]!;
    out[t] = Math.sqrt(sum);
  }
  return out;
}

/**
 * The batch Gram matrix Σ_r V[t, r, b] · V[t, r, b'] over rows [from, to) of step t, for V
 * laid out [T, rows, B]; in float64.
 */
function gram(
  values: Float32Array,
  t: number,
  rows: number,
  from: number,
  to: number,
  B: number,
): Float64Array {
  const out = new Float64Array(B * B);
  for (let r = from; r < to; r++) {
    const base = (t * rows + r) * B;
    for (let b = 0; b < B; b++) {
      const v = values[base + b]!;
      if (v === 0) continue;
      for (let b2 = 0; b2 < B; b2++) out[b * B + b2] = out[b * B + b2]! + v * values[base + b2]!;
    }
  }
  return out;
}

/** ‖G Xᵀ‖² from the Gram matrices GᵀG and XᵀX: Σ_{b,b'} (GᵀG)_{bb'} (XᵀX)_{bb'} (≥ 0). */
function dotGram(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * b[k]!;
  return Math.max(0, sum);
}

function frobenius(values: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k]! * values[k]!;
  return Math.sqrt(sum);
}

function readTarget(
  target: BpttOptions['target'],
  loss: BpttLoss,
  batch: number,
  steps: number,
  units: number,
): Float32Array {
  const size = loss === 'last' ? batch * units : batch * steps * units;
  const out = new Float32Array(size);
  if (target === undefined || target === null) return out;
  const dense =
    target instanceof Float32Array
      ? toDense({ data: target, shape: [target.length] }, 'The BPTT target')
      : toDense(target, 'The BPTT target');
  const s = dense.shape;
  const same = (want: number[]) => s.length === want.length && s.every((n, k) => n === want[k]);
  if (loss === 'last') {
    if (same([units])) {
      for (let b = 0; b < batch; b++) out.set(dense.data, b * units);
      return out;
    }
    check(
      same([batch, units]),
      () =>
        `The target of the last-step loss must be [${units}] or [${batch}, ${units}], got ${formatShape(s)}.`,
    );
    return dense.data;
  }
  if (same([steps, units])) {
    for (let b = 0; b < batch; b++) out.set(dense.data, b * steps * units);
    return out;
  }
  check(
    same([batch, steps, units]),
    () =>
      `The targets of the summed loss must be [${steps}, ${units}] or [${batch}, ${steps}, ${units}], ` +
      `got ${formatShape(s)}.`,
  );
  return dense.data;
}

/**
 * Back-propagation through time made visible: runs the cell over the sequence, differentiates
 * the loss on the unrolled graph (tf.valueAndGrads with zero probes added to every h_t, c_t
 * and recurrent product) and returns the per-step gradient norms. Leaves no tensors behind.
 */
export function bptt(cell: Cell, input: SequenceInput, options: BpttOptions = {}): BpttResult {
  validateCell(cell);
  const seq = toSequenceBatch(input, cell.inputSize);
  const { batch: B, steps: T } = seq;
  const H = cell.units;
  const D = cell.inputSize;
  const loss = options.loss ?? 'last';
  check(
    loss === 'last' || loss === 'sum',
    () => `Unknown loss "${String(loss)}": use "last" or "sum".`,
  );
  check(
    options.lossFn === undefined || typeof options.lossFn === 'function',
    'lossFn must be a function of the hidden states.',
  );
  const target = options.lossFn ? null : readTarget(options.target, loss, B, T, H);
  const h0Data = toStateBatch(options.h0, B, H, 'The initial hidden state h0');
  const c0Data =
    cell.kind === 'lstm' ? toStateBatch(options.c0, B, H, 'The initial cell state c0') : null;
  const layout = productLayout(cell);

  const kept: tf.Tensor[] = [];
  try {
    let out: Omit<BpttResult, 'kind' | 'batch' | 'steps' | 'units' | 'warning'> | null = null;
    tf.tidy(() => {
      const w = cellTensors(cell);
      const x = tf.tensor3d(seq.data, [B, T, D]);
      const h0 = tf.tensor2d(h0Data, [B, H]);
      const c0 = c0Data ? tf.tensor2d(c0Data, [B, H]) : undefined;
      // Zero probes (feature-major, [rows, B]) added to every h_t, c_t and per-step product.
      const hProbes = Array.from({ length: T }, () => tf.zeros([H, B]) as tf.Tensor2D);
      const cProbes = c0 ? Array.from({ length: T }, () => tf.zeros([H, B]) as tf.Tensor2D) : [];
      const prodProbes = Array.from({ length: T }, () =>
        layout.map((blocks) => tf.zeros([blocks[blocks.length - 1]!.to, B]) as tf.Tensor2D),
      );
      const prodInputs: tf.Tensor2D[][] = Array.from({ length: T }, () => []);
      const args: tf.Tensor[] = [h0, ...hProbes, ...cProbes, ...prodProbes.flat()];
      const targetTensor = target
        ? loss === 'last'
          ? tf.tensor2d(target, [B, H])
          : tf.tensor3d(target, [B, T, H])
        : null;
      const sequences = loss === 'sum' || options.lossFn !== undefined;

      if (options.lossFn) {
        // A dry run outside the gradient tape: a loss function that throws or returns no scalar
        // must fail here, where tf.tidy cleans up, not inside tf.valueAndGrads, whose tape
        // would keep its saved tensors.
        const run = unroll(cell, w, x, { h0, ...(c0 ? { c0 } : {}) });
        checkScalarLoss(options.lossFn(run.hs!, run.hLast));
      }

      const f = (): tf.Scalar => {
        const run = unroll(cell, w, x, {
          h0,
          ...(c0 ? { c0 } : {}),
          returnSequences: sequences,
          taps: {
            product: (t, part, input, product) => {
              prodInputs[t]![part] = tf.keep(input);
              kept.push(input);
              return tf.add(product, prodProbes[t]![part]!);
            },
            hidden: (t, h) => tf.add(h, hProbes[t]!),
            cell: (t, c) => tf.add(c, cProbes[t]!),
          },
        });
        let value: tf.Tensor;
        if (options.lossFn) {
          value = checkScalarLoss(options.lossFn(run.hs!, run.hLast));
          // Ties every probe to the loss (with gradient 0) so steps the loss ignores read 0.
          value = tf.add(value, tf.mul(0, tf.addN(args.slice(1).map((p) => tf.sum(p)))));
        } else {
          const diff =
            loss === 'last' ? tf.sub(run.hLast, targetTensor!) : tf.sub(run.hs!, targetTensor!);
          value = tf.div(tf.mul(0.5, tf.sum(tf.square(diff))), B);
        }
        return value as tf.Scalar;
      };

      const { value, grads } = tf.valueAndGrads(f)(args);
      const [gH0, ...rest] = grads;
      const gH = rest.slice(0, T);
      const gC = rest.slice(T, T + cProbes.length);
      const gProd = rest.slice(T + cProbes.length);

      const hGradNorm = normsByStep(tf.stack(gH).dataSync() as Float32Array, T);
      const cGradNorm = gC.length ? normsByStep(tf.stack(gC).dataSync() as Float32Array, T) : null;

      // Step t's term of ∂L/∂M is ∂L/∂(product_t) · input_tᵀ; its input columns belong to W,
      // its state columns to U (only in the row blocks that hold those weights).
      const recSq = new Float64Array(T);
      const kerSq = new Float64Array(T);
      let recTotalSq = 0;
      let kerTotalSq = 0;
      layout.forEach((blocks, part) => {
        const rows = blocks[blocks.length - 1]!.to;
        const Gs = tf.stack(gProd.filter((_g, k) => k % layout.length === part)) as tf.Tensor3D;
        const Xs = tf.stack(prodInputs.map((p) => p[part]!)) as tf.Tensor3D; // [T, D + H, B]
        const G = Gs.dataSync() as Float32Array;
        const X = Xs.dataSync() as Float32Array;
        // Σ_t ∂L/∂(product_t) · input_tᵀ, [rows, D + H], in one matmul over (t, b).
        const flat = (m: tf.Tensor3D, n: number) =>
          tf.reshape(tf.transpose(m, [1, 0, 2]), [n, T * B]) as tf.Tensor2D;
        const total = tf.matMul(flat(Gs, rows), flat(Xs, D + H), false, true).dataSync();
        for (let t = 0; t < T; t++) {
          const xGram = gram(X, t, D + H, 0, D, B);
          const hGram = gram(X, t, D + H, D, D + H, B);
          for (const block of blocks) {
            const gGram = gram(G, t, rows, block.from, block.to, B);
            if (block.usesW) kerSq[t] = kerSq[t]! + dotGram(gGram, xGram);
            if (block.usesU) recSq[t] = recSq[t]! + dotGram(gGram, hGram);
          }
        }
        for (const block of blocks) {
          for (let r = block.from; r < block.to; r++) {
            for (let k = 0; k < D + H; k++) {
              const v = total[r * (D + H) + k]!;
              if (k < D && block.usesW) kerTotalSq += v * v;
              if (k >= D && block.usesU) recTotalSq += v * v;
            }
          }
        }
      });

      out = {
        loss: value.dataSync()[0]!,
        hGradNorm,
        h0GradNorm: frobenius(gH0!.dataSync() as Float32Array),
        cGradNorm,
        recurrentGradNormByStep: Float32Array.from(recSq, Math.sqrt),
        recurrentGradNorm: Math.sqrt(recTotalSq),
        kernelGradNormByStep: Float32Array.from(kerSq, Math.sqrt),
        kernelGradNorm: Math.sqrt(kerTotalSq),
      };
    });
    const result = out!;
    return {
      kind: cell.kind,
      batch: B,
      steps: T,
      units: H,
      ...result,
      warning: bpttWarning(result),
    };
  } finally {
    tf.dispose(kept);
  }
}

function checkScalarLoss(value: unknown): tf.Scalar {
  if (!(value instanceof tf.Tensor) || value.rank !== 0) {
    throw new CoreInputError('The loss function must return a scalar tensor (e.g. tf.sum(...)).');
  }
  return value as tf.Scalar;
}

function bpttWarning(
  r: Pick<BpttResult, 'loss' | 'hGradNorm' | 'recurrentGradNormByStep'>,
): string | null {
  if (!Number.isFinite(r.loss)) {
    return 'The loss is not a finite number: the hidden states overflowed. Lower the recurrent weights or shorten the sequence.';
  }
  for (let t = r.hGradNorm.length - 1; t >= 0; t--) {
    if (!Number.isFinite(r.hGradNorm[t]) || !Number.isFinite(r.recurrentGradNormByStep[t])) {
      return `The gradient overflowed (became infinite) going back to step ${t}: it exploded.`;
    }
  }
  return null;
}
