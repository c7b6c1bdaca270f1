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
  LSTM_STEP_FORWARD,
  lstmKernelsAvailable,
  runStepKernel,
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
  const run = returnSequences ? layerSequences : layerLast;
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

const layerSequences = tf.customGrad(((...args: unknown[]) => lstmLayer(args, true)) as never);
const layerLast = tf.customGrad(((...args: unknown[]) => lstmLayer(args, false)) as never);

/** The body of the customGrad: forward value and the hand-written gradient. */
function lstmLayer(args: unknown[], sequences: boolean) {
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

  // Every step's input product at once: [4H, T·B], column t·B + b.
  const xr = tf.reshape(tf.transpose(x, [2, 1, 0]), [D, T * B]) as tf.Tensor2D;
  const xz = tf.matMul(kernel, xr, true, false);
  const uT = tf.transpose(recurrentKernel) as tf.Tensor2D; // [4H, H]
  let h = tf.transpose(h0) as tf.Tensor2D; // [H, B]
  let c = tf.transpose(c0) as tf.Tensor2D;
  const hs: tf.Tensor2D[] = [h];
  const cs: tf.Tensor2D[] = [c];
  const rzs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const rz = tf.matMul(uT, h) as tf.Tensor2D;
    [c, h] = runStepKernel(LSTM_STEP_FORWARD, { rz, xz, bias, cPrev: c }, { t, T });
    rzs.push(rz);
    hs.push(h);
    cs.push(c);
  }
  const hAll = tf.stack(hs, 1) as tf.Tensor3D; // [H, T + 1, B]: h₋₁, h_0 … h_{T−1}
  const cAll = tf.stack(cs, 0) as tf.Tensor3D; // [T + 1, H, B]
  const rzAll = tf.stack(rzs, 0) as tf.Tensor3D; // [T, 4H, B]
  save([xr, xz, rzAll, cAll, hAll, kernel, recurrentKernel, bias]);

  const value = sequences
    ? tf.transpose(
        tf.concat([tf.slice(hAll, [0, 1, 0], [H, T, B]), tf.reshape(c, [H, 1, B])], 1),
        [2, 1, 0],
      )
    : tf.transpose(tf.stack([h, c], 1), [2, 1, 0]);

  const gradFunc = (dValue: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [sXr, sXz, sRz, sC, sH, sKernel, sRecurrent, sBias] = saved as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor3D,
      tf.Tensor3D,
      tf.Tensor3D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
    ];
    const dOut = tf.transpose(dValue, [1, 2, 0]); // [K, H, B]
    const dzs: tf.Tensor2D[] = new Array<tf.Tensor2D>(T);
    let dhRec: tf.Tensor2D | null = null;
    let dcNext: tf.Tensor2D | null = null;
    for (let t = T - 1; t >= 0; t--) {
      const inputs: Record<string, tf.Tensor> = {
        rz: sRz,
        xz: sXz,
        bias: sBias,
        cAll: sC,
        dOut,
      };
      if (dhRec && dcNext) {
        inputs.dhRec = dhRec;
        inputs.dcNext = dcNext;
      }
      const [dz, dcPrev] = runStepKernel(LSTM_STEP_BACKWARD, inputs, { t, T, sequences });
      dzs[t] = dz;
      dhRec = tf.matMul(sRecurrent, dz); // [H, B]
      dcNext = dcPrev;
    }
    const dZ = tf.reshape(tf.stack(dzs, 1), [4 * H, T * B]) as tf.Tensor2D; // column t·B + b
    const hPrev = tf.reshape(tf.slice(sH, [0, 0, 0], [H, T, B]), [H, T * B]) as tf.Tensor2D;
    const dKernel = tf.matMul(sXr, dZ, false, true); // [D, 4H]
    const dRecurrent = tf.matMul(hPrev, dZ, false, true); // [H, 4H]
    const dBias = tf.sum(dZ, 1);
    const dx = tf.transpose(tf.reshape(tf.matMul(sKernel, dZ), [D, T, B]), [2, 1, 0]);
    return [dx, dKernel, dRecurrent, dBias, tf.transpose(dhRec!), tf.transpose(dcNext!)];
  };
  return { value, gradFunc };
}
