// The LSTM layer's fast path: the same function as `unroll` (src/core/unroll.ts) for an LSTM
// without taps or recording, computed with far fewer kernels, and its exact gradient written
// out by hand (back-propagation through time) through tf.customGrad.
//
// Forward: the input products Wᵀ·x_t of ALL steps are one matmul before the loop; a step is one
// matmul Uᵀ·h₋₁ and one fused element-wise kernel (gates, cell update, h).
// Backward: per step one fused kernel (∂z_t and ∂c_{t−1}) and one matmul U·∂z_t for ∂h_{t−1};
// the weight gradients Σ_t ∂z_t·[x_t; h_{t−1}]ᵀ, the bias gradient and ∂x are one matmul (or sum)
// each after the loop, over the stacked steps.
import * as tf from '@tensorflow/tfjs';
import {
  LSTM_STEP_BACKWARD,
  LSTM_STEP_BACKWARD_SAVED,
  LSTM_STEP_FORWARD,
  keepsActivations,
  lstmKernelsAvailable,
  runStepKernel,
  unpacked,
} from './lstmKernels';

export interface FastLstmResult {
  hs: tf.Tensor3D | null;
  hLast: tf.Tensor2D;
  cLast: tf.Tensor2D;
}

/** Whether the fast path can run on the active backend. */
export function fastLstmAvailable(): boolean {
  return lstmKernelsAvailable();
}

/**
 * One LSTM layer over x [B, T, D] with stacked weights (kernel [D, 4H], recurrentKernel
 * [H, 4H], bias [4H], gate blocks i, f, o, c̃), from h0/c0 [B, H] (zeros when left out).
 * Differentiable with respect to all of them.
 */
export function fastLstm(
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  x: tf.Tensor3D,
  h0: tf.Tensor2D | undefined,
  c0: tf.Tensor2D | undefined,
  returnSequences: boolean,
): FastLstmResult {
  const [B, T] = x.shape;
  const H = recurrentKernel.shape[0];
  const hStart = h0 ?? (tf.zeros([B, H]) as tf.Tensor2D);
  const cStart = c0 ?? (tf.zeros([B, H]) as tf.Tensor2D);
  // Outside a gradient tape (inference) nothing is kept for the backward pass.
  const taping = tf.engine().isTapeOn();
  const run = tf.customGrad(((...args: unknown[]) =>
    lstmLayer(args, returnSequences, taping)) as never);
  // One output for customGrad: [B, T + 1, H] (h_0 … h_{T−1}, c_{T−1}) or [B, 2, H] (h, c).
  const packed = run(x, kernel, recurrentKernel, bias, hStart, cStart) as tf.Tensor3D;
  const K = packed.shape[1];
  const at = (k: number) => tf.reshape(tf.slice(packed, [0, k, 0], [B, 1, H]), [B, H]);
  return {
    hs: returnSequences ? (tf.slice(packed, [0, 0, 0], [B, T, H]) as tf.Tensor3D) : null,
    hLast: at(K - 2) as tf.Tensor2D,
    cLast: at(K - 1) as tf.Tensor2D,
  };
}

/**
 * a·b with a or b transposed, as the active backend computes it fastest. tfjs-wasm hands a
 * product with a transpose flag to a plain triple loop (≈ 2 GFLOP/s: 20+ ms for ∂U at the
 * benchmark's size), and only a flagless one to XNNPACK, which packs its right factor once per
 * tensor and caches it; a Transpose kernel is cheap there. tfjs-cpu multiplies either layout
 * at the same rate but transposes element by element, and webgl reads the flags in its shader,
 * so both keep them.
 */
function matMulT(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean) {
  if (tf.getBackend() !== 'wasm') return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** The body of the customGrad: forward value and the hand-written gradient. */
function lstmLayer(args: unknown[], sequences: boolean, taping: boolean) {
  const [x, kernel, recurrentKernel, bias, h0, c0] = args as [
    tf.Tensor3D,
    tf.Tensor2D,
    tf.Tensor2D,
    tf.Tensor1D,
    tf.Tensor2D,
    tf.Tensor2D,
  ];
  const save = args[6] as (tensors: tf.Tensor[]) => void;
  const [B, T, D] = x.shape;
  const H = recurrentKernel.shape[0];
  // cpu and wasm: the forward kernel keeps each step's activations for the backward kernel,
  // which then evaluates no exponential; webgl's backward kernel recomputes them.
  const keep = taping && keepsActivations();

  // Every step's input product at once: [T·B, 4H], row t·B + b.
  const xr = tf.reshape(tf.transpose(x, [1, 0, 2]), [T * B, D]) as tf.Tensor2D;
  const xz = unpacked(tf.matMul(xr, kernel));
  let h = h0;
  let c = c0;
  const hs: tf.Tensor2D[] = [h];
  const cs: tf.Tensor2D[] = [c];
  // What the backward kernel of each step reads: the kept activations or the recurrent product.
  const perStep: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const rz = unpacked(tf.matMul(h, recurrentKernel) as tf.Tensor2D); // [B, 4H]
    const out = runStepKernel(LSTM_STEP_FORWARD, { rz, xz, bias, cPrev: c }, { t, T, keep });
    [c, h] = out as [tf.Tensor2D, tf.Tensor2D];
    perStep.push(keep ? out[2]! : rz);
    hs.push(h);
    cs.push(c);
  }
  // [B, T + 1, H] (h_0 … h_{T−1}, c_{T−1}) or [B, 2, H] (h_{T−1}, c_{T−1}).
  const value = tf.stack(sequences ? [...hs.slice(1), c] : [h, c], 1);
  if (taping) {
    // h₋₁ … h_{T−2} stacked for the weight gradient; the per-step tensors as they are (a
    // stack of them would be a copy the backward pass does not need).
    const hPrev = tf.reshape(tf.stack(hs.slice(0, T), 0), [T * B, H]);
    save([xr, xz, hPrev, kernel, recurrentKernel, bias, ...perStep, ...cs]);
  }

  const gradFunc = (dValue: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [sXr, sXz, sHPrev, sKernel, sRecurrent, sBias] = saved as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
    ];
    const sPerStep = saved.slice(6, 6 + T);
    const sC = saved.slice(6 + T);
    const dOut = unpacked(tf.transpose(dValue, [1, 0, 2])); // [K, B, H]
    const uT = tf.transpose(sRecurrent) as tf.Tensor2D; // [4H, H]
    const dzs: tf.Tensor2D[] = new Array<tf.Tensor2D>(T);
    let dhRec: tf.Tensor2D | null = null;
    let dcNext: tf.Tensor2D | null = null;
    for (let t = T - 1; t >= 0; t--) {
      const inputs: Record<string, tf.Tensor> = keep
        ? { act: sPerStep[t]!, cPrev: sC[t]!, dOut }
        : { rz: sPerStep[t]!, xz: sXz, bias: sBias, cPrev: sC[t]!, c: sC[t + 1]!, dOut };
      if (dhRec && dcNext) {
        inputs.dhRec = dhRec;
        inputs.dcNext = dcNext;
      }
      const kernelName = keep ? LSTM_STEP_BACKWARD_SAVED : LSTM_STEP_BACKWARD;
      const [dz, dcPrev] = runStepKernel(kernelName, inputs, { t, T, sequences });
      dzs[t] = dz!;
      dhRec = unpacked(tf.matMul(dz!, uT) as tf.Tensor2D); // [B, H]
      dcNext = dcPrev!;
    }
    const dZ = tf.reshape(tf.stack(dzs, 0), [T * B, 4 * H]) as tf.Tensor2D; // row t·B + b
    // On wasm the three products below share their right factor ∂Z, so XNNPACK packs it once.
    const dKernel = matMulT(sXr, dZ, true, false); // [D, 4H]
    const dRecurrent = matMulT(sHPrev, dZ, true, false); // [H, 4H]
    // Σ over the T·B rows as a product with a row of ones: a column sum is a transposing
    // reduction on wasm, several times slower than the matmul.
    const dBias = tf.reshape(tf.matMul(tf.ones([1, T * B]), dZ), [4 * H]);
    const dx = tf.transpose(tf.reshape(matMulT(dZ, sKernel, false, true), [T, B, D]), [1, 0, 2]);
    return [dx, dKernel, dRecurrent, dBias, dhRec!, dcNext!];
  };
  return { value, gradFunc };
}
