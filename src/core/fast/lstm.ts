// The LSTM layer's fast path: the same function as `unroll` (src/core/unroll.ts) for an LSTM
// without taps or recording, computed with far fewer kernels, and its exact gradient written
// out by hand (back-propagation through time) through tf.customGrad.
//
// wasm (lstmLayer): the input products x_t·W of ALL steps are one matmul before the loop; a
// step is one matmul h₋₁·U and one fused element-wise kernel (gates, cell update, h).
// Backward: per step one fused kernel (∂z_t and ∂c_{t−1}) and one matmul ∂z_t·Uᵀ for ∂h_{t−1};
// the weight gradients Σ_t [x_t; h_{t−1}]ᵀ·∂z_t, the bias gradient and ∂x are one matmul each
// after the loop, over the stacked steps.
// cpu (lstmLayerCpu): the same steps with the products inside the kernels (tfjs-cpu's matmul is
// a slow generic loop): one kernel a step forward (b + x_t·W + h₋₁·U, gates, c, h), one
// backward (∂z_t, ∂c_{t−1}, ∂h_{t−1} = ∂z_t·Uᵀ), and one after the loop for ∂x, ∂W, ∂U and ∂b.
// webgl (lstmLayerWebgl): four shader programs a step on packed textures, two forward (the
// gates' pre-activations with both products; the cell) and two backward (∂h with ∂x and a
// running sum that ends as ∂U, ∂b and ∂W; ∂z), and nothing else in the loop: no pack, unpack
// or stack kernels, which on SwiftShader cost as much as the arithmetic (lstmKernels.ts).
import * as tf from '@tensorflow/tfjs';
import {
  LSTM_CPU_GRADS,
  LSTM_CPU_STEP,
  LSTM_CPU_STEP_BACKWARD,
  LSTM_STEP_BACKWARD_SAVED,
  LSTM_STEP_FORWARD,
  LSTM_WEBGL_CELL,
  LSTM_WEBGL_DH,
  LSTM_WEBGL_DZ,
  LSTM_WEBGL_GATES,
  cpuKernelsActive,
  keepsActivations,
  lstmKernelsAvailable,
  gatherSteps,
  packed,
  runKernel1,
  runStepKernel,
  webglKernelsActive,
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
  const webgl = webglKernelsActive();
  if (webgl && H % 2 === 1) {
    return withEvenUnits(kernel, recurrentKernel, bias, x, h0, c0, returnSequences);
  }
  const hStart = h0 ?? (tf.zeros([B, H]) as tf.Tensor2D);
  const cStart = c0 ?? (tf.zeros([B, H]) as tf.Tensor2D);
  // Outside a gradient tape (inference) nothing is kept for the backward pass.
  const taping = tf.engine().isTapeOn();
  const layer = webgl ? lstmLayerWebgl : cpuKernelsActive() ? lstmLayerCpu : lstmLayer;
  const run = tf.customGrad(((...args: unknown[]) =>
    layer(args, returnSequences, taping)) as never);
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
 * webgl's kernels read 2 × 2 blocks and need an even H: the layer with one more unit whose
 * weights, bias and initial state are zero. That unit's pre-activations are 0, so its c stays
 * 0 (c = σ(0)·c₋₁ + σ(0)·tanh 0) and its h too, and its zero row of U feeds nothing into the
 * other units; its outputs are dropped, and the padding and slicing are differentiated by tfjs.
 */
function withEvenUnits(
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  x: tf.Tensor3D,
  h0: tf.Tensor2D | undefined,
  c0: tf.Tensor2D | undefined,
  returnSequences: boolean,
): FastLstmResult {
  const [B] = x.shape;
  const [D, H] = [kernel.shape[0], recurrentKernel.shape[0]];
  const padGates = (w: tf.Tensor, rows: number) =>
    tf.reshape(
      tf.pad(tf.reshape(w, [rows, 4, H]), [
        [0, 0],
        [0, 0],
        [0, 1],
      ]),
      [rows, 4 * (H + 1)],
    );
  const padUnit = (s: tf.Tensor2D | undefined) =>
    s
      ? (tf.pad(s, [
          [0, 0],
          [0, 1],
        ]) as tf.Tensor2D)
      : undefined;
  const out = fastLstm(
    padGates(kernel, D) as tf.Tensor2D,
    tf.pad(padGates(recurrentKernel, H), [
      [0, 1],
      [0, 0],
    ]) as tf.Tensor2D,
    tf.reshape(padGates(bias, 1), [4 * (H + 1)]) as tf.Tensor1D,
    x,
    padUnit(h0),
    padUnit(c0),
    returnSequences,
  );
  const T = x.shape[1];
  return {
    hs: out.hs ? (tf.slice(out.hs, [0, 0, 0], [B, T, H]) as tf.Tensor3D) : null,
    hLast: tf.slice(out.hLast, [0, 0], [B, H]) as tf.Tensor2D,
    cLast: tf.slice(out.cLast, [0, 0], [B, H]) as tf.Tensor2D,
  };
}

/**
 * a·b with a or b transposed, as the active backend computes it fastest. tfjs-wasm hands a
 * product with a transpose flag to a plain triple loop (≈ 2 GFLOP/s: 20+ ms for ∂U at the
 * benchmark's size), and only a flagless one to XNNPACK, which packs its right factor once per
 * tensor and caches it; a Transpose kernel is cheap there.
 */
function matMulT(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean) {
  if (tf.getBackend() !== 'wasm') return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** The customGrad's arguments as the layer bodies below read them (the last is `save`). */
function layerArgs(args: unknown[]) {
  const [x, kernel, recurrentKernel, bias, h0, c0, save] = args as [
    tf.Tensor3D,
    tf.Tensor2D,
    tf.Tensor2D,
    tf.Tensor1D,
    tf.Tensor2D,
    tf.Tensor2D,
    (tensors: tf.Tensor[]) => void,
  ];
  return { x, kernel, recurrentKernel, bias, h0, c0, save };
}

/** The body of the customGrad on wasm: forward value and the hand-written gradient. */
function lstmLayer(args: unknown[], sequences: boolean, taping: boolean) {
  const { x, kernel, recurrentKernel, bias, h0, c0, save } = layerArgs(args);
  const [B, T, D] = x.shape;
  const H = recurrentKernel.shape[0];
  // While taping, the forward kernel keeps each step's activations for the backward kernel,
  // which then evaluates no exponential.
  const keep = taping && keepsActivations();

  // Every step's input product at once: [T·B, 4H], row t·B + b.
  const xr = tf.reshape(tf.transpose(x, [1, 0, 2]), [T * B, D]) as tf.Tensor2D;
  const xz = tf.matMul(xr, kernel);
  let h = h0;
  let c = c0;
  const hs: tf.Tensor2D[] = [h];
  const cs: tf.Tensor2D[] = [c];
  // The kept activations of each step, for the backward kernel.
  const acts: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const rz = tf.matMul(h, recurrentKernel) as tf.Tensor2D; // [B, 4H]
    const out = runStepKernel(LSTM_STEP_FORWARD, { rz, xz, bias, cPrev: c }, { t, T, keep });
    [c, h] = out as [tf.Tensor2D, tf.Tensor2D];
    if (keep) acts.push(out[2]!);
    hs.push(h);
    cs.push(c);
  }
  // [B, T + 1, H] (h_0 … h_{T−1}, c_{T−1}) or [B, 2, H] (h_{T−1}, c_{T−1}).
  const value = tf.stack(sequences ? [...hs.slice(1), c] : [h, c], 1);
  if (taping) {
    // h₋₁ … h_{T−2} stacked for the weight gradient; the per-step tensors as they are (a
    // stack of them would be a copy the backward pass does not need).
    const hPrev = tf.reshape(tf.stack(hs.slice(0, T), 0), [T * B, H]);
    save([xr, hPrev, kernel, recurrentKernel, ...acts, ...cs]);
  }

  const gradFunc = (dValue: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [sXr, sHPrev, sKernel, sRecurrent] = saved as tf.Tensor2D[];
    const sAct = saved.slice(4, 4 + T);
    const sC = saved.slice(4 + T);
    const dOut = tf.transpose(dValue, [1, 0, 2]); // [K, B, H]
    const uT = tf.transpose(sRecurrent!) as tf.Tensor2D; // [4H, H]
    const dzs: tf.Tensor2D[] = new Array<tf.Tensor2D>(T);
    let dhRec: tf.Tensor2D | null = null;
    let dcNext: tf.Tensor2D | null = null;
    for (let t = T - 1; t >= 0; t--) {
      const inputs: Record<string, tf.Tensor> = { act: sAct[t]!, cPrev: sC[t]!, dOut };
      if (dhRec && dcNext) {
        inputs.dhRec = dhRec;
        inputs.dcNext = dcNext;
      }
      const [dz, dcPrev] = runStepKernel(LSTM_STEP_BACKWARD_SAVED, inputs, { t, T, sequences });
      dzs[t] = dz!;
      dhRec = tf.matMul(dz!, uT) as tf.Tensor2D; // [B, H]
      dcNext = dcPrev!;
    }
    const dZ = tf.reshape(tf.stack(dzs, 0), [T * B, 4 * H]) as tf.Tensor2D; // row t·B + b
    return [...weightGradients(dZ, sXr!, sHPrev!, sKernel!, [T, B, D]), dhRec!, dcNext!];
  };
  return { value, gradFunc };
}

/**
 * The body of the customGrad on cpu: a step is one kernel forward and one backward with the
 * products inside (lstmKernels.ts), and the weight gradients one kernel after the loop.
 */
function lstmLayerCpu(args: unknown[], sequences: boolean, taping: boolean) {
  const { x, kernel, recurrentKernel, bias, h0, c0, save } = layerArgs(args);
  const T = x.shape[1];
  let h = h0;
  let c = c0;
  const hs: tf.Tensor2D[] = [h];
  const cs: tf.Tensor2D[] = [c];
  const acts: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const inputs = { x, w: kernel, u: recurrentKernel, bias, hPrev: h, cPrev: c };
    const out = runStepKernel(LSTM_CPU_STEP, inputs, { t, T, keep: taping });
    [c, h] = out as [tf.Tensor2D, tf.Tensor2D];
    if (taping) acts.push(out[2]!);
    hs.push(h);
    cs.push(c);
  }
  // [B, T + 1, H] (h_0 … h_{T−1}, c_{T−1}) or [B, 2, H] (h_{T−1}, c_{T−1}).
  const value = tf.stack(sequences ? [...hs.slice(1), c] : [h, c], 1);
  // h₋₁ … h_{T−2}, the activations, c₋₁ … c_{T−2}: the per-step tensors as they are.
  if (taping) save([x, kernel, recurrentKernel, ...hs.slice(0, T), ...acts, ...cs.slice(0, T)]);

  const gradFunc = (dValue: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [sX, sKernel, sRecurrent] = saved;
    const sH = saved.slice(3, 3 + T);
    const sAct = saved.slice(3 + T, 3 + 2 * T);
    const sC = saved.slice(3 + 2 * T);
    const dOut = tf.transpose(dValue, [1, 0, 2]); // [K, B, H]
    const grads: Record<string, tf.Tensor> = { x: sX!, w: sKernel! };
    let dhRec: tf.Tensor2D | null = null;
    let dcNext: tf.Tensor2D | null = null;
    for (let t = T - 1; t >= 0; t--) {
      const inputs: Record<string, tf.Tensor> = {
        act: sAct[t]!,
        cPrev: sC[t]!,
        dOut,
        u: sRecurrent!,
      };
      if (dhRec && dcNext) {
        inputs.dhRec = dhRec;
        inputs.dcNext = dcNext;
      }
      const [dz, dcPrev, dhPrev] = runStepKernel(LSTM_CPU_STEP_BACKWARD, inputs, {
        t,
        T,
        sequences,
      });
      grads[`h${t}`] = sH[t]!;
      grads[`dz${t}`] = dz!;
      dhRec = dhPrev!;
      dcNext = dcPrev!;
    }
    // ∂x [B, T, D], ∂W, ∂U, ∂b.
    const weightGrads = tf
      .engine()
      .runKernel(LSTM_CPU_GRADS, grads as unknown as tf.NamedTensorMap, {}) as tf.Tensor[];
    return [...weightGrads, dhRec!, dcNext!];
  };
  return { value, gradFunc };
}

/**
 * The gradients for x, kernel, recurrent kernel and bias from ∂Z [T·B, 4H] (row t·B + b), each
 * one product over all steps at once. On wasm the three products share their right factor ∂Z,
 * so XNNPACK packs it once.
 */
function weightGradients(
  dZ: tf.Tensor2D,
  xr: tf.Tensor2D,
  hPrev: tf.Tensor2D,
  kernel: tf.Tensor2D,
  [T, B, D]: [number, number, number],
): tf.Tensor[] {
  const dKernel = matMulT(xr, dZ, true, false); // [D, 4H]
  const dRecurrent = matMulT(hPrev, dZ, true, false); // [H, 4H]
  // Σ over the T·B rows as a product with a row of ones: a column sum is a transposing
  // reduction on wasm, several times slower than the matmul.
  const dBias = tf.reshape(tf.matMul(tf.ones([1, T * B]), dZ), [dZ.shape[1]]);
  const dx = tf.transpose(tf.reshape(matMulT(dZ, kernel, false, true), [T, B, D]), [1, 0, 2]);
  return [dx, dKernel, dRecurrent, dBias];
}

/**
 * The body of the customGrad on webgl (H even): the state before a step is one packed texture
 * [B, 2H + 2 + D′] (h, two columns of ones, that step's x, c), and a step is two kernels
 * forward and two backward (lstmKernels.ts).
 */
function lstmLayerWebgl(args: unknown[], sequences: boolean, taping: boolean) {
  const { x, kernel, recurrentKernel, bias, h0, c0, save } = layerArgs(args);
  const [B, T, D] = x.shape;
  const H = recurrentKernel.shape[0];

  // x step-major with D rounded up to even: [T, B, D′]; the kernel with zero rows to match.
  const D2 = D + (D % 2);
  const xr = packed(
    tf.pad(tf.transpose(x, [1, 0, 2]), [
      [0, 0],
      [0, 0],
      [0, D2 - D],
    ]),
  );
  const w = packed(
    tf.pad(kernel, [
      [0, D2 - D],
      [0, 0],
    ]),
  );
  const b = packed(tf.reshape(bias, [1, 4 * H]));
  const u = packed(recurrentKernel);
  // The state before step 0: h₋₁, two columns of ones, x_0, c₋₁ (see lstmKernels.ts).
  const x0 = tf.reshape(tf.slice(xr, [0, 0, 0], [1, B, D2]), [B, D2]);
  const start = tf.concat([h0, tf.ones([B, 2]), x0, c0], 1) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [packed(start)];
  const c0Col = H + 2 + D2; // first column of c in a state
  const zs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const z = runKernel1(LSTM_WEBGL_GATES, { s: states[t]!, u, xr, w, bias: b }, { t });
    states.push(runKernel1(LSTM_WEBGL_CELL, { z, s: states[t]!, xr }, { t }));
    if (taping) zs.push(z);
    else z.dispose();
  }
  const last = states[T]!;

  const cLast = tf.slice(last, [0, c0Col], [B, H]);
  // [B, T + 1, H] (h_0 … h_{T−1}, c_{T−1}) or [B, 2, H] (h_{T−1}, c_{T−1}).
  const value = sequences
    ? tf.concat(
        [tf.transpose(gatherSteps(states.slice(1), B, H), [1, 0, 2]), tf.reshape(cLast, [B, 1, H])],
        1,
      )
    : tf.stack([tf.slice(last, [0, 0], [B, H]), cLast], 1);
  if (taping) save([w, u, ...states, ...zs]);

  const gradFunc = (dValue: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [sW, sU] = saved as tf.Tensor2D[];
    const sS = saved.slice(2, 3 + T) as tf.Tensor2D[];
    const sZ = saved.slice(3 + T) as tf.Tensor2D[];

    const dOut = packed(tf.transpose(dValue, [1, 0, 2])); // [K, B, H]

    const es: tf.Tensor2D[] = new Array<tf.Tensor2D>(T);
    // The dh kernel's outputs (∂h_t and ∂x_{t+1} on top, the running weight-gradient sum
    // below), by the step s whose ∂z_s they read: dhOuts[s] holds ∂x_s.
    const dhOuts: tf.Tensor2D[] = new Array<tf.Tensor2D>(T);
    let dhOut: tf.Tensor2D | null = null;
    const dh = (t: number) => {
      const inputs: Record<string, tf.Tensor> = {
        e: es[t + 1]!,
        u: sU!,
        sNext: sS[t + 1]!,
        w: sW!,
      };
      if (sequences && t >= 0) inputs.dOut = dOut;
      if (dhOut) inputs.acc = dhOut;
      dhOut = runKernel1(LSTM_WEBGL_DH, inputs, { t });
      dhOuts[t + 1] = dhOut;
      return dhOut;
    };
    for (let t = T - 1; t >= 0; t--) {
      const inputs: Record<string, tf.Tensor> = { z: sZ[t]!, sPrev: sS[t]!, s: sS[t + 1]! };
      if (t < T - 1) {
        inputs.dh = dh(t);
        inputs.eNext = es[t + 1]!;
      } else {
        inputs.dOut = dOut;
      }
      es[t] = runKernel1(LSTM_WEBGL_DZ, inputs, { t, T, sequences });
    }
    // Step −1: ∂h₋₁ = ∂z_0·Uᵀ, and the sum completed with step 0; ∂c₋₁ is what step 0 carries.
    const final = dh(-1);
    const B2 = B + (B % 2);
    const dh0 = tf.slice(final, [0, 0], [B, H]);
    const dc0 = tf.slice(es[0]!, [0, 4 * H], [B, H]);
    // Σ_t [h_{t−1}, 1, 1, x_t]ᵀ·∂z_t: ∂U (rows 0 … H − 1), ∂b (row H) and ∂W (rows H + 2 …).
    const sums = tf.transpose(tf.slice(final, [B2, 0], [4 * H, c0Col]));
    const dRecurrent = tf.slice(sums, [0, 0], [H, 4 * H]);
    const dBias = tf.reshape(tf.slice(sums, [H, 0], [1, 4 * H]), [4 * H]);
    const dKernel = tf.slice(sums, [H + 2, 0], [D, 4 * H]);
    const dx = tf.transpose(
      tf.slice(gatherSteps(dhOuts, B, D2, H), [0, 0, 0], [T, B, D]),
      [1, 0, 2],
    );
    return [dx, dKernel, dRecurrent, dBias, dh0, dc0];
  };
  return { value, gradFunc };
}
