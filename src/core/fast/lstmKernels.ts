// One LSTM time step's element-wise work as ONE tfjs kernel, forward and backward, for the wasm
// backend; on cpu a step's kernels also do its products, and on webgl a step is four shader
// programs (products included). Written through tf.registerKernel (tfjs's extension point for
// new kernels): the gate activations, the cell update and the output gate of a step would
// otherwise be about ten tiny kernels, each paying a dispatch and a pass over a few kB.
//
// wasm layouts (cpu's and webgl's are with their kernels below). Batch-major, as tf.layers: the
// matmuls then multiply by a constant right-hand matrix, which the wasm backend's XNNPACK keeps
// packed between calls; gate columns in STACK_ORDER i, f, o, c̃:
//   rz    [B, 4H]        the step's recurrent product h₋₁·U
//   xz    [T·B, 4H]      every step's input product x_t·W, row t·B + b
//   bias  [4H]
//   cPrev, c  [B, H]     the cell state before and after the step
//   dOut  [K, B, H]      the gradient reaching the layer's output: K = T + 1 slots
//                        (h_0 … h_{T−1}, then c_{T−1}) with sequences, else K = 2 (h_{T−1}, c_{T−1})
//   act   [B, 5H]        cpu and wasm, training only: the step's activations i, f, o, c̃ and
//                        tanh c, written by the forward kernel for the backward one (which then
//                        evaluates no exponential at all)
import * as tf from '@tensorflow/tfjs';

export const LSTM_STEP_FORWARD = 'GatebookLstmStepForward';
/** wasm: reads the activations the forward kernel kept (`keep: true`). */
export const LSTM_STEP_BACKWARD_SAVED = 'GatebookLstmStepBackwardSaved';

export interface ForwardAttrs {
  t: number;
  T: number;
  /** cpu and wasm: also return the step's activations `act` [B, 5H] for the backward pass. */
  keep?: boolean;
}
export interface BackwardAttrs extends ForwardAttrs {
  /** true: dOut holds a gradient for every step's h (return sequences); false: only the last. */
  sequences: boolean;
}

type Info = tf.TensorInfo;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** tanh through one exp (faster than Math.tanh in V8; ±1 at overflow, exact to float32). */
const tanh = (x: number) => 1 - 2 / (Math.exp(2 * x) + 1);

// ---------------------------------------------------------------------------------------------
// The arithmetic, on plain arrays (float64 inside, float32 out): cpu's cell, and the backward
// step of cpu and wasm

/**
 * cpu: a step's cell from its pre-activations z [B, 4H] (float64, bias and both products
 * included): c and h, and the activations i, f, o, c̃, tanh c into `act` while training.
 */
function cellFromPreActivations(
  z: Float64Array,
  cPrev: Float32Array,
  cOut: Float32Array,
  hOut: Float32Array,
  act: Float32Array | null,
  H: number,
  B: number,
): void {
  const G = 4 * H;
  for (let b = 0; b < B; b++) {
    const r = b * G;
    const a = b * 5 * H;
    for (let j = 0; j < H; j++) {
      const i = sigmoid(z[r + j]!);
      const f = sigmoid(z[r + H + j]!);
      const o = sigmoid(z[r + 2 * H + j]!);
      const g = tanh(z[r + 3 * H + j]!);
      const k = b * H + j;
      const c = Math.fround(f * cPrev[k]! + i * g);
      const tc = tanh(c);
      cOut[k] = c;
      hOut[k] = o * tc;
      if (act) {
        act[a + j] = i;
        act[a + H + j] = f;
        act[a + 2 * H + j] = o;
        act[a + 3 * H + j] = g;
        act[a + 4 * H + j] = tc;
      }
    }
  }
}

/**
 * One step of back-propagation through time from the kept activations: ∂z_t (the gradient of
 * the four pre-activations) and ∂c_{t−1}, given what reaches h_t and c_t from later steps
 * (`dhRec`, `dcNext`; null at the last step) and from the layer's output (`dOut`).
 */
function backwardArrays(
  act: Float32Array,
  cPrev: Float32Array,
  dOut: Float32Array,
  dhRec: Float32Array | null,
  dcNext: Float32Array | null,
  dz: Float32Array,
  dcPrev: Float32Array,
  H: number,
  B: number,
  attrs: BackwardAttrs,
): void {
  const { t, T, sequences } = attrs;
  const G = 4 * H;
  const BH = B * H;
  const last = t === T - 1;
  const K = sequences ? T + 1 : 2;
  const hSlot = sequences ? t : last ? 0 : -1;
  const cSlot = K - 1;
  for (let b = 0; b < B; b++) {
    const a = b * 5 * H;
    const d = b * G;
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const i = act[a + j]!;
      const f = act[a + H + j]!;
      const o = act[a + 2 * H + j]!;
      const g = act[a + 3 * H + j]!;
      const tc = act[a + 4 * H + j]!;
      let dh = dhRec ? dhRec[k]! : 0;
      if (hSlot >= 0) dh += dOut[hSlot * BH + k]!;
      const dc = (dcNext ? dcNext[k]! : dOut[cSlot * BH + k]!) + dh * o * (1 - tc * tc);
      dz[d + j] = dc * g * i * (1 - i);
      dz[d + H + j] = dc * cPrev[k]! * f * (1 - f);
      dz[d + 2 * H + j] = dh * tc * o * (1 - o);
      dz[d + 3 * H + j] = dc * i * (1 - g * g);
      dcPrev[k] = dc * f;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// cpu and wasm: the arithmetic above on the backends' own arrays

interface ArrayAccess {
  /** The values of an input (a view where the backend allows). */
  read(info: Info): Float32Array;
  /** A new float32 output; `values()` may only be called once every output is allocated. */
  alloc(shape: number[]): Info;
  values(info: Info): Float32Array;
}

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: 'float32', values?: Float32Array): Info;
}

function cpuAccess(backend: CpuBackendLike): ArrayAccess {
  const pending = new Map<Info, Float32Array>();
  return {
    read(info) {
      const values = backend.data.get(info.dataId).values ?? backend.readSync(info.dataId);
      return values as Float32Array;
    },
    alloc(shape) {
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
      const info = backend.makeTensorInfo(shape, 'float32', values);
      pending.set(info, values);
      return info;
    },
    values: (info) => pending.get(info)!,
  };
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): Info;
  typedArrayFromHeap(info: Info): Float32Array;
  disposeData(dataId: object): boolean;
  dataIdMap: { get(dataId: object): { id: number } };
  wasm: { cwrap(name: string, result: null, args: string[]): (...args: number[]) => void };
}

function wasmAccess(backend: WasmBackendLike): ArrayAccess {
  // Views into the wasm heap: taken after every allocation (a growing heap detaches them).
  return {
    read: (info) => backend.typedArrayFromHeap(info),
    alloc: (shape) => backend.makeOutput(shape, 'float32'),
    values: (info) => backend.typedArrayFromHeap(info),
  };
}

// wasm's forward step, with its exponentials in compiled code. In a JavaScript loop each of a
// unit's five exponentials costs about 10 ns (V8's Math.exp; a polynomial in JavaScript was
// no faster), in the wasm backend's own Sigmoid function about 1 ns. The kernel below calls
// that function directly, twice, on scratch buffers of its own (tanh x = 2σ(2x) − 1), so a
// step is still ONE kernel for the engine, and its loops only add and multiply.

/** Pre-activations z = rz + xz_t + bias into `z` [B, 4H], the c̃ block doubled (for tanh). */
function gatePreActivations(
  rz: Float32Array,
  xz: Float32Array,
  bias: Float32Array,
  z: Float32Array,
  H: number,
  B: number,
  t: number,
): void {
  const G = 4 * H;
  for (let b = 0; b < B; b++) {
    const r = b * G;
    const x = (t * B + b) * G;
    for (let col = 0; col < G; col++) {
      const v = rz[r + col]! + xz[x + col]! + bias[col]!;
      z[r + col] = col < 3 * H ? v : 2 * v;
    }
  }
}

/** From σ of the pre-activations: c (and 2c into `zc`, for tanh c); i, f, o, c̃ into `act`. */
function cellFromSigmoids(
  sg: Float32Array,
  cPrev: Float32Array,
  cOut: Float32Array,
  zc: Float32Array,
  act: Float32Array | null,
  H: number,
  B: number,
): void {
  const G = 4 * H;
  for (let b = 0; b < B; b++) {
    const r = b * G;
    const a = b * 5 * H;
    for (let j = 0; j < H; j++) {
      const i = sg[r + j]!;
      const f = sg[r + H + j]!;
      const g = 2 * sg[r + 3 * H + j]! - 1;
      const k = b * H + j;
      const c = Math.fround(f * cPrev[k]! + i * g);
      cOut[k] = c;
      zc[k] = 2 * c;
      if (act) {
        act[a + j] = i;
        act[a + H + j] = f;
        act[a + 2 * H + j] = sg[r + 2 * H + j]!;
        act[a + 3 * H + j] = g;
      }
    }
  }
}

/** h = o · tanh c from σ(2c) in `sc`; tanh c into `act`. */
function outputFromSigmoids(
  sg: Float32Array,
  sc: Float32Array,
  hOut: Float32Array,
  act: Float32Array | null,
  H: number,
  B: number,
): void {
  for (let b = 0; b < B; b++) {
    const r = b * 4 * H;
    const a = b * 5 * H;
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const tc = 2 * sc[k]! - 1;
      hOut[k] = sg[r + 2 * H + j]! * tc;
      if (act) act[a + 4 * H + j] = tc;
    }
  }
}

const wasmSigmoids = new WeakMap<object, (x: Info, out: Info) => void>();

/** The wasm backend's Sigmoid function on two of its buffers (not a kernel dispatch). */
function wasmSigmoid(backend: WasmBackendLike): (x: Info, out: Info) => void {
  let sigmoidOf = wasmSigmoids.get(backend);
  if (!sigmoidOf) {
    const call = backend.wasm.cwrap('Sigmoid', null, ['number', 'number']);
    const id = (info: Info) => backend.dataIdMap.get(info.dataId).id;
    sigmoidOf = (x, out) => call(id(x), id(out));
    wasmSigmoids.set(backend, sigmoidOf);
  }
  return sigmoidOf;
}

const wasmForward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { rz, xz, bias, cPrev } = inputs as Record<string, Info>;
  const { t, keep } = attrs as unknown as ForwardAttrs;
  const [B, H] = cPrev!.shape as [number, number];
  const wasm = backend as unknown as WasmBackendLike;
  const sigmoid = wasmSigmoid(wasm);
  const c = wasm.makeOutput([B, H], 'float32');
  const h = wasm.makeOutput([B, H], 'float32');
  const act = keep === true ? wasm.makeOutput([B, 5 * H], 'float32') : null;
  const scratch = [
    [B, 4 * H],
    [B, 4 * H],
    [B, H],
    [B, H],
  ].map((shape) => wasm.makeOutput(shape, 'float32'));
  const [zg, sg, zc, sc] = scratch as [Info, Info, Info, Info];
  // Views are taken after the allocations and again after each call into the module: a
  // growing heap detaches the old ones.
  const view = (info: Info) => wasm.typedArrayFromHeap(info);
  gatePreActivations(view(rz!), view(xz!), view(bias!), view(zg), H, B, t);
  sigmoid(zg, sg);
  cellFromSigmoids(view(sg), view(cPrev!), view(c), view(zc), act && view(act), H, B);
  sigmoid(zc, sc);
  outputFromSigmoids(view(sg), view(sc), view(h), act && view(act), H, B);
  for (const info of scratch) wasm.disposeData(info.dataId);
  return act ? [c, h, act] : [c, h];
};

/** The backward step from the kept activations (wasm: no exponential in it). */
function arrayBackward(access: (backend: unknown) => ArrayAccess): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { act, cPrev, dOut, dhRec, dcNext } = inputs as Record<string, Info | undefined>;
    const at = attrs as unknown as BackwardAttrs;
    const [B, H] = cPrev!.shape as [number, number];
    const a = access(backend);
    const dz = a.alloc([B, 4 * H]);
    const dcPrev = a.alloc([B, H]);
    backwardArrays(
      a.read(act!),
      a.read(cPrev!),
      a.read(dOut!),
      dhRec ? a.read(dhRec) : null,
      dcNext ? a.read(dcNext) : null,
      a.values(dz),
      a.values(dcPrev),
      H,
      B,
      at,
    );
    return [dz, dcPrev];
  };
}

// ---------------------------------------------------------------------------------------------
// cpu: the products inside the step kernels. tfjs-cpu's BatchMatMul is a generic strided triple
// loop (under 1 GFLOP/s on the step's small products); the loops below keep a 2 × 4 or 2 × 3
// tile of outputs in local variables over the shared dimension (8 or 6 multiply-adds for 6 or
// 5 loads) and run at about 4–5 GFLOP/s in V8, in float64. A training step is then, per time
// step, one kernel forward (both products and the cell) and one backward (∂z, ∂c and
// ∂h₋₁ = ∂z·Uᵀ), and one kernel after the loop for ∂W, ∂U, ∂b and ∂x, step by step over the
// per-step tensors (no stacking). Layouts as above, and:
//   x     [B, T, D]      the layer's input as it is (batch-major; no transpose)
//   w, u  [D, 4H], [H, 4H]
//   hPrev [B, H]         h₋₁, the state before the step

/** cpu: c, h (and `act` with `keep`) from x_t, h₋₁ and c₋₁; z = b + x_t·W + h₋₁·U inside. */
export const LSTM_CPU_STEP = 'GatebookLstmCpuStep';
/** cpu: ∂z_t, ∂c_{t−1} and ∂h_{t−1} = ∂z_t·Uᵀ from the kept activations. */
export const LSTM_CPU_STEP_BACKWARD = 'GatebookLstmCpuStepBackward';
/**
 * cpu: ∂x [B, T, D], ∂W, ∂U and ∂b from the input x, W, every step's h₋₁ (`h0` … `h{T−1}`) and
 * ∂z (`dz0` … `dz{T−1}`).
 */
export const LSTM_CPU_GRADS = 'GatebookLstmCpuGrads';

let zScratch = new Float64Array(0);

/** A float64 scratch array of at least n numbers (reused between calls; kernels never nest). */
function scratch(n: number): Float64Array {
  if (zScratch.length < n) zScratch = new Float64Array(n);
  return zScratch;
}

/**
 * z = b + x_t·W + h₋₁·U into `z` [B, 4H]: rows b, b + 1 and columns j … j + 3 at a time, the
 * eight sums in locals over the D + H terms (an odd B's last row one number at a time).
 */
function preActivations(
  x: Float32Array,
  w: Float32Array,
  u: Float32Array,
  bias: Float32Array,
  h: Float32Array,
  z: Float64Array,
  [B, T, D, H]: [number, number, number, number],
  t: number,
): void {
  const G = 4 * H;
  const xStride = T * D;
  let b = 0;
  for (; b + 1 < B; b += 2) {
    const x0 = b * xStride + t * D;
    const x1 = x0 + xStride;
    const h0 = b * H;
    const h1 = h0 + H;
    const z0 = b * G;
    const z1 = z0 + G;
    for (let j = 0; j < G; j += 4) {
      let s00 = bias[j]!;
      let s01 = bias[j + 1]!;
      let s02 = bias[j + 2]!;
      let s03 = bias[j + 3]!;
      let s10 = s00;
      let s11 = s01;
      let s12 = s02;
      let s13 = s03;
      for (let k = 0, m = j; k < D; k++, m += G) {
        const a0 = x[x0 + k]!;
        const a1 = x[x1 + k]!;
        const w0 = w[m]!;
        const w1 = w[m + 1]!;
        const w2 = w[m + 2]!;
        const w3 = w[m + 3]!;
        s00 += a0 * w0;
        s01 += a0 * w1;
        s02 += a0 * w2;
        s03 += a0 * w3;
        s10 += a1 * w0;
        s11 += a1 * w1;
        s12 += a1 * w2;
        s13 += a1 * w3;
      }
      for (let k = 0, m = j; k < H; k++, m += G) {
        const a0 = h[h0 + k]!;
        const a1 = h[h1 + k]!;
        const u0 = u[m]!;
        const u1 = u[m + 1]!;
        const u2 = u[m + 2]!;
        const u3 = u[m + 3]!;
        s00 += a0 * u0;
        s01 += a0 * u1;
        s02 += a0 * u2;
        s03 += a0 * u3;
        s10 += a1 * u0;
        s11 += a1 * u1;
        s12 += a1 * u2;
        s13 += a1 * u3;
      }
      z[z0 + j] = s00;
      z[z0 + j + 1] = s01;
      z[z0 + j + 2] = s02;
      z[z0 + j + 3] = s03;
      z[z1 + j] = s10;
      z[z1 + j + 1] = s11;
      z[z1 + j + 2] = s12;
      z[z1 + j + 3] = s13;
    }
  }
  for (; b < B; b++) {
    const x0 = b * xStride + t * D;
    const h0 = b * H;
    for (let j = 0; j < G; j++) {
      let s = bias[j]!;
      for (let k = 0; k < D; k++) s += x[x0 + k]! * w[k * G + j]!;
      for (let k = 0; k < H; k++) s += h[h0 + k]! * u[k * G + j]!;
      z[b * G + j] = s;
    }
  }
}

/**
 * z·mᵀ: out[b·stride + offset + k] = Σ_j z[b·G + j]·m[k·G + j] for k < K (z [B, G], m [K, G]),
 * two rows and three k at a time (both factors run contiguously over j).
 */
function productTransposed(
  z: Float32Array,
  m: Float32Array,
  out: Float32Array,
  [B, G, K]: [number, number, number],
  stride: number,
  offset: number,
): void {
  let b = 0;
  for (; b + 1 < B; b += 2) {
    const z0 = b * G;
    const z1 = z0 + G;
    const o0 = b * stride + offset;
    const o1 = o0 + stride;
    let k = 0;
    for (; k + 2 < K; k += 3) {
      const m0 = k * G;
      const m1 = m0 + G;
      const m2 = m1 + G;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      for (let j = 0; j < G; j++) {
        const a0 = z[z0 + j]!;
        const a1 = z[z1 + j]!;
        const w0 = m[m0 + j]!;
        const w1 = m[m1 + j]!;
        const w2 = m[m2 + j]!;
        s00 += a0 * w0;
        s01 += a0 * w1;
        s02 += a0 * w2;
        s10 += a1 * w0;
        s11 += a1 * w1;
        s12 += a1 * w2;
      }
      out[o0 + k] = s00;
      out[o0 + k + 1] = s01;
      out[o0 + k + 2] = s02;
      out[o1 + k] = s10;
      out[o1 + k + 1] = s11;
      out[o1 + k + 2] = s12;
    }
    for (; k < K; k++) {
      const m0 = k * G;
      let s0 = 0;
      let s1 = 0;
      for (let j = 0; j < G; j++) {
        const v = m[m0 + j]!;
        s0 += z[z0 + j]! * v;
        s1 += z[z1 + j]! * v;
      }
      out[o0 + k] = s0;
      out[o1 + k] = s1;
    }
  }
  for (; b < B; b++) {
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let j = 0; j < G; j++) s += z[b * G + j]! * m[k * G + j]!;
      out[b * stride + offset + k] = s;
    }
  }
}

/**
 * aᵀ·z added to `acc` [K, G]: acc[k·G + j] += Σ_b a[b·stride + offset + k]·z[b·G + j] over the
 * B rows, two k and four j at a time (G a multiple of 4).
 */
function accumulateOuter(
  a: Float32Array,
  stride: number,
  offset: number,
  z: Float32Array,
  acc: Float64Array,
  [B, G, K]: [number, number, number],
): void {
  let k = 0;
  for (; k + 1 < K; k += 2) {
    for (let j = 0; j < G; j += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let b = 0, ai = offset + k, zi = j; b < B; b++, ai += stride, zi += G) {
        const a0 = a[ai]!;
        const a1 = a[ai + 1]!;
        const w0 = z[zi]!;
        const w1 = z[zi + 1]!;
        const w2 = z[zi + 2]!;
        const w3 = z[zi + 3]!;
        s00 += a0 * w0;
        s01 += a0 * w1;
        s02 += a0 * w2;
        s03 += a0 * w3;
        s10 += a1 * w0;
        s11 += a1 * w1;
        s12 += a1 * w2;
        s13 += a1 * w3;
      }
      const r0 = k * G + j;
      const r1 = r0 + G;
      acc[r0] = acc[r0]! + s00;
      acc[r0 + 1] = acc[r0 + 1]! + s01;
      acc[r0 + 2] = acc[r0 + 2]! + s02;
      acc[r0 + 3] = acc[r0 + 3]! + s03;
      acc[r1] = acc[r1]! + s10;
      acc[r1 + 1] = acc[r1 + 1]! + s11;
      acc[r1 + 2] = acc[r1 + 2]! + s12;
      acc[r1 + 3] = acc[r1 + 3]! + s13;
    }
  }
  for (; k < K; k++) {
    for (let j = 0; j < G; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let b = 0, ai = offset + k, zi = j; b < B; b++, ai += stride, zi += G) {
        const a0 = a[ai]!;
        s0 += a0 * z[zi]!;
        s1 += a0 * z[zi + 1]!;
        s2 += a0 * z[zi + 2]!;
        s3 += a0 * z[zi + 3]!;
      }
      const r = k * G + j;
      acc[r] = acc[r]! + s0;
      acc[r + 1] = acc[r + 1]! + s1;
      acc[r + 2] = acc[r + 2]! + s2;
      acc[r + 3] = acc[r + 3]! + s3;
    }
  }
}

/**
 * a·bᵀ for a [M, K] and b [N, K] with the cpu kernels' product loop (what the benchmark
 * calibrates the core's cpu products with; the step kernels call the loops directly).
 */
export function cpuProductTransposed(
  a: Float32Array,
  b: Float32Array,
  [M, K, N]: [number, number, number],
): Float32Array {
  const out = new Float32Array(M * N);
  productTransposed(a, b, out, [M, K, N], N, 0);
  return out;
}

const cpuStep: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, w, u, bias, hPrev, cPrev } = inputs as Record<string, Info>;
  const { t, keep } = attrs as unknown as ForwardAttrs;
  const [B, T, D] = x!.shape as [number, number, number];
  const H = u!.shape[0]!;
  const a = cpuAccess(backend as unknown as CpuBackendLike);
  const c = a.alloc([B, H]);
  const h = a.alloc([B, H]);
  const act = keep === true ? a.alloc([B, 5 * H]) : null;
  const z = scratch(B * 4 * H);
  const [xv, wv, uv, bv] = [x!, w!, u!, bias!].map((info) => a.read(info)) as Float32Array[];
  preActivations(xv!, wv!, uv!, bv!, a.read(hPrev!), z, [B, T, D, H], t);
  cellFromPreActivations(z, a.read(cPrev!), a.values(c), a.values(h), act && a.values(act), H, B);
  return act ? [c, h, act] : [c, h];
};

const cpuStepBackward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { act, cPrev, dOut, u, dhRec, dcNext } = inputs as Record<string, Info | undefined>;
  const [B, H] = cPrev!.shape as [number, number];
  const a = cpuAccess(backend as unknown as CpuBackendLike);
  const dz = a.alloc([B, 4 * H]);
  const dcPrev = a.alloc([B, H]);
  const dhPrev = a.alloc([B, H]);
  const dzv = a.values(dz);
  backwardArrays(
    a.read(act!),
    a.read(cPrev!),
    a.read(dOut!),
    dhRec ? a.read(dhRec) : null,
    dcNext ? a.read(dcNext) : null,
    dzv,
    a.values(dcPrev),
    H,
    B,
    attrs as unknown as BackwardAttrs,
  );
  productTransposed(dzv, a.read(u!), a.values(dhPrev), [B, 4 * H, H], H, 0);
  return [dz, dcPrev, dhPrev];
};

const cpuGrads: tf.KernelFunc = ({ inputs, backend }) => {
  const named = inputs as Record<string, Info>;
  const [B, T, D] = named.x!.shape as [number, number, number];
  const G = named.w!.shape[1]!;
  const H = G / 4;
  const cpuBackend = backend as unknown as CpuBackendLike;
  const a = cpuAccess(cpuBackend);
  const dx = a.alloc([B, T, D]);
  const x = a.read(named.x!);
  const w = a.read(named.w!);
  const dxv = a.values(dx);
  const dW = new Float64Array(D * G);
  const dU = new Float64Array(H * G);
  const db = new Float64Array(G);
  for (let t = 0; t < T; t++) {
    const dz = a.read(named[`dz${t}`]!);
    accumulateOuter(a.read(named[`h${t}`]!), H, 0, dz, dU, [B, G, H]);
    accumulateOuter(x, T * D, t * D, dz, dW, [B, G, D]);
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < G; j++) db[j] = db[j]! + dz[b * G + j]!;
    }
    productTransposed(dz, w, dxv, [B, G, D], T * D, t * D);
  }
  const out = (values: Float64Array, shape: number[]) =>
    cpuBackend.makeTensorInfo(shape, 'float32', Float32Array.from(values));
  return [dx, out(dW, [D, G]), out(dU, [H, G]), out(db, [G])];
};

// ---------------------------------------------------------------------------------------------
// webgl: fragment shaders in tfjs's GPGPUProgram form, on PACKED textures (one RGBA texel holds a
// 2 × 2 block of a matrix: rows r, r + 1 × columns c, c + 1). SwiftShader (the only WebGL on a
// machine without a GPU) runs shaders on the CPU, where each draw call costs about 50 µs and
// each texture fetch a few ns whatever its width, so a four-number fetch is four times cheaper
// per number than tfjs's unpacked one-number textures, and a step should be as few draws as
// possible that never pack or unpack anything. Layouts (H even: src/core/fast/lstm.ts pads an
// odd H with a unit that stays zero):
//   s     [B, 2H + 2 + D′]  the state before step t: h_{t−1} in columns 0 … H − 1, then two
//                        columns of ones and x_t (D′ = D rounded up to even), then c_{t−1}:
//                        the first H + 2 + D′ columns of all steps, stacked, are the left
//                        factor of ONE product that gives ∂U, ∂b and ∂W together
//   xr    [T, B, D′]     the input, step-major
//   u     [H, 4H]        the recurrent kernel U, packed once per call
//   w     [D′, 4H]       the input kernel W with D rounded up to even (a zero row), packed once
//   bias  [1, 4H]        packed once
//   z     [B, 4H]        a step's pre-activations h₋₁·U + x_t·W + b (kept for the backward pass)
//   dh    [B′ + 4H, H + 2 + D′]  rows 0 … B − 1, columns 0 … H − 1: ∂h_t from the later
//                        steps, ∂z_{t+1}·Uᵀ (+ the output's gradient), then ∂x_{t+1} =
//                        ∂z_{t+1}·Wᵀ in columns H … H + D′ − 1; rows B′ …: the running
//                        sum Σ_{s>t} ∂z_sᵀ·[h_{s−1}, 1, 1, x_s] (∂U, ∂b, ∂W transposed)
//   e     [B, 5H]        a step's backward result: ∂z_t in columns 0 … 4H − 1, ∂c_{t−1} (the
//                        part that flows to the previous step, ∂c_t·f_t) in 4H … 5H − 1
//   dOut  [K, B, H]      the gradient reaching the layer's output, as above
// A step is two draws forward (gates: the product and the input term; cell: c and h) and two
// backward (dh: the product with Uᵀ; dz: ∂z and the carried ∂c).

/** webgl: z = b + x_t·W + h₋₁·U for step `t` (packed; reads s, u, xr, w, bias). */
export const LSTM_WEBGL_GATES = 'GatebookLstmWebglGates';
/** webgl: the next state s (h and c) from z and the previous state. */
export const LSTM_WEBGL_CELL = 'GatebookLstmWebglCell';
/**
 * webgl: ∂h_t = ∂z_{t+1}·Uᵀ (+ the output's gradient for step `t` with sequences), and below it
 * the running sum of ∂zᵀ·[h, 1, 1, x] over the steps t + 1 … T − 1 (see dhProgram).
 */
export const LSTM_WEBGL_DH = 'GatebookLstmWebglDh';
/** webgl: ∂z_t and the ∂c carried to step t − 1, as one [B, 5H] texture. */
export const LSTM_WEBGL_DZ = 'GatebookLstmWebglDz';
/** webgl only: the input as a packed texture (a no-op for one that is packed already). */
export const PACKED = 'GatebookPacked';
/** webgl: the same block of n packed tensors stacked as one [n, B, cols] (gatherSteps). */
export const GATHER_STEPS = 'GatebookGatherSteps';

interface WebglProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs?: boolean;
  packedOutput?: boolean;
  customUniforms?: { name: string; type: 'int' }[];
}
interface WebglTexData {
  isPacked?: boolean;
  texture?: { texture: WebGLTexture; texShape: [number, number] } | null;
}
interface WebglBackendLike {
  texData: { get(dataId: object): WebglTexData };
  makeTensorInfo(shape: number[], dtype: 'float32'): Info;
  uploadToGPU(dataId: object): void;
  gpgpu: { gl: WebGL2RenderingContext; framebuffer: WebGLFramebuffer };
  incRef(dataId: object): void;
  packTensor(info: Info): Info;
  disposeIntermediateTensorInfo(info: Info): void;
  compileAndRun(
    program: WebglProgram,
    inputs: Info[],
    outputDtype?: 'float32',
    customUniformValues?: number[][],
    preventEagerUnpackingOutput?: boolean,
  ): Info;
}

// σ and tfjs's overflow-safe tanh on four numbers at once (GLSL's tanh can return NaN for large
// arguments).
const GLSL_HELPERS = `
  vec4 gbSigmoid(vec4 x) { return 1.0 / (1.0 + exp(-x)); }
  vec4 gbTanh(vec4 x) {
    vec4 e2x = exp(-2.0 * abs(x));
    return sign(x) * (1.0 - e2x) / (1.0 + e2x);
  }
`;

const STEP_UNIFORM = [{ name: 'gbStep', type: 'int' as const }];

/** A packed program (packed inputs, packed output) with the step as a uniform. */
const packedProgram = (
  variableNames: string[],
  outputShape: number[],
  main: string,
): WebglProgram => ({
  variableNames,
  outputShape,
  packedInputs: true,
  packedOutput: true,
  customUniforms: STEP_UNIFORM,
  userCode: `${GLSL_HELPERS}
    void main() {
      ivec2 rc = getOutputCoords();
      int b = rc.x;
      int col = rc.y;
      int t = gbStep;
      ${main}
    }`,
});

// Each output texel below is a 2 × 2 block (rows b, b + 1; columns col, col + 1), and every
// block it reads starts at an even row and column, so each fetch is one texel.

/**
 * z = b + x_t·W + h₋₁·U, two k at a time: each pair is one block of x (or h) and one of W (or U).
 */
function gatesProgram(B: number, H: number, D2: number): WebglProgram {
  return packedProgram(
    ['S', 'U', 'XR', 'W', 'Bias'],
    [B, 4 * H],
    `
      vec2 bias = getBias(0, col).xy;
      vec4 acc = vec4(bias, bias);
      for (int d = 0; d < ${D2}; d += 2) {
        vec4 x = getXR(t, b, d);
        vec4 w = getW(d, col);
        acc += x.xxzz * w.xyxy + x.yyww * w.zwzw;
      }
      for (int k = 0; k < ${H}; k += 2) {
        vec4 h = getS(b, k);
        vec4 u = getU(k, col);
        acc += h.xxzz * u.xyxy + h.yyww * u.zwzw;
      }
      setOutput(acc);`,
  );
}

/**
 * The cell: the next state's texel of h, of c (both compute c), or of its constant columns
 * (ones, and x_{t+1} for the weight gradients; zeros after the last step).
 */
function cellProgram(B: number, H: number, width: number, T: number): WebglProgram {
  const c0 = width - H;
  return packedProgram(
    ['Z', 'S', 'XR'],
    [B, width],
    `
      if (col >= ${H} && col < ${c0}) {
        if (col < ${H + 2}) {
          setOutput(vec4(1.0));
        } else {
          setOutput(t + 1 < ${T} ? getXR(t + 1, b, col - ${H + 2}) : vec4(0.0));
        }
        return;
      }
      bool isC = col >= ${c0};
      int j = isC ? col - ${c0} : col;
      vec4 i = gbSigmoid(getZ(b, j));
      vec4 f = gbSigmoid(getZ(b, ${H} + j));
      vec4 g = gbTanh(getZ(b, ${3 * H} + j));
      vec4 c = f * getS(b, ${c0} + j) + i * g;
      if (isC) {
        setOutput(c);
      } else {
        setOutput(gbSigmoid(getZ(b, ${2 * H} + j)) * gbTanh(c));
      }`,
  );
}

/**
 * Rows 0 … B − 1: ∂h = Σ_c ∂z[:, c]·U[j, c] over the 4H columns of e (its ∂z part), two at a
 * time; plus the output's gradient for step t (`out`: with sequences, every step but the
 * virtual step −1); in columns H … H + D′ − 1 ∂x_{t+1} = ∂z_{t+1}·Wᵀ. Rows B′ … B′ + 4H − 1 (B′ = B rounded up to even): the running sum over
 * the steps done so far of ∂z_sᵀ·[h_{s−1}, 1, 1, x_s], from the step's e and state (`SN`) and,
 * after the first, the previous sum (`acc`): transposed, it holds ∂U, ∂b and ∂W at the end.
 */
function dhProgram(
  B: number,
  H: number,
  D2: number,
  width: number,
  out: boolean,
  acc: boolean,
): WebglProgram {
  const B2 = B + (B % 2);
  const names = ['E', 'U', 'SN', 'W', ...(out ? ['DOut'] : []), ...(acc ? ['Acc'] : [])];
  // With an odd B the last row pair's second row is padding, whose contents are undefined.
  const lastPair = B % 2 === 1 ? `if (r == ${B - 1}) { e.zw = vec2(0.0); sn.zw = vec2(0.0); }` : '';
  return packedProgram(
    names,
    [B2 + 4 * H, width],
    `
      if (b < ${B2}) {
        if (col >= ${H}) {
          // Columns H … H + D′ − 1: ∂x_{t+1} = ∂z_{t+1}·Wᵀ.
          vec4 dx = vec4(0.0);
          if (col < ${H + D2}) {
            for (int c = 0; c < ${4 * H}; c += 2) {
              vec4 dz = getE(b, c);
              vec4 w = getW(col - ${H}, c);
              dx += dz.xxzz * w.xzxz + dz.yyww * w.ywyw;
            }
          }
          setOutput(dx);
          return;
        }
        vec4 dh = ${out ? 'getDOut(t, b, col)' : 'vec4(0.0)'};
        for (int c = 0; c < ${4 * H}; c += 2) {
          vec4 dz = getE(b, c);
          vec4 u = getU(col, c);
          dh += dz.xxzz * u.xzxz + dz.yyww * u.ywyw;
        }
        setOutput(dh);
        return;
      }
      int c = b - ${B2};
      vec4 sum = ${acc ? 'getAcc(b, col)' : 'vec4(0.0)'};
      for (int r = 0; r < ${B}; r += 2) {
        vec4 e = getE(r, c);
        vec4 sn = getSN(r, col);
        ${lastPair}
        sum += e.xxyy * sn.xyxy + e.zzww * sn.zwzw;
      }
      setOutput(sum);`,
  );
}

/**
 * ∂z_t and the carried ∂c_t·f_t. `rec`: a later step exists (∂h from DH, ∂c from ENext);
 * at the last step both come from the output's gradient (slot `hSlot`, and the c slot K − 1).
 */
function dzProgram(
  B: number,
  H: number,
  c0: number,
  K: number,
  rec: boolean,
  hSlot: number,
): WebglProgram {
  const names = ['Z', 'SPrev', 'S', ...(rec ? ['DH', 'ENext'] : ['DOut'])];
  const dh = rec ? 'getDH(b, j)' : hSlot >= 0 ? `getDOut(${hSlot}, b, j)` : 'vec4(0.0)';
  const carry = rec ? `getENext(b, ${4 * H} + j)` : `getDOut(${K - 1}, b, j)`;
  return packedProgram(
    names,
    [B, 5 * H],
    `
      int gate = col / ${H};
      int j = col - gate * ${H};
      vec4 dh = ${dh};
      vec4 o = gbSigmoid(getZ(b, ${2 * H} + j));
      vec4 tc = gbTanh(getS(b, ${c0} + j));
      vec4 value;
      if (gate == 2) {
        value = dh * tc * o * (1.0 - o);
      } else {
        vec4 dc = ${carry} + dh * o * (1.0 - tc * tc);
        if (gate == 1 || gate == 4) {
          vec4 f = gbSigmoid(getZ(b, ${H} + j));
          value = gate == 4 ? dc * f : dc * getSPrev(b, ${c0} + j) * f * (1.0 - f);
        } else {
          vec4 i = gbSigmoid(getZ(b, j));
          vec4 g = gbTanh(getZ(b, ${3 * H} + j));
          value = gate == 0 ? dc * g * i * (1.0 - i) : dc * i * (1.0 - g * g);
        }
      }
      setOutput(value);`,
  );
}

export interface WebglStepAttrs {
  t: number;
  T?: number;
  sequences?: boolean;
}

const run = (gl: WebglBackendLike, program: WebglProgram, inputs: Info[], t: number) =>
  gl.compileAndRun(program, inputs, 'float32', [[t]], true);

const webglGates: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { s, u, xr, w, bias } = inputs as Record<string, Info>;
  const B = s!.shape[0]!;
  const H = u!.shape[0]!;
  const gl = backend as unknown as WebglBackendLike;
  const program = gatesProgram(B, H, xr!.shape[2]!);
  return run(gl, program, [s!, u!, xr!, w!, bias!], (attrs as unknown as WebglStepAttrs).t);
};

const webglCell: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { z, s, xr } = inputs as Record<string, Info>;
  const [B, width] = s!.shape as [number, number];
  const gl = backend as unknown as WebglBackendLike;
  const program = cellProgram(B, z!.shape[1]! / 4, width, xr!.shape[0]!);
  return run(gl, program, [z!, s!, xr!], (attrs as unknown as WebglStepAttrs).t);
};

const webglDh: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { e, u, sNext, w, dOut, acc } = inputs as Record<string, Info | undefined>;
  const [B, width] = sNext!.shape as [number, number];
  const H = u!.shape[0]!;
  const gl = backend as unknown as WebglBackendLike;
  const program = dhProgram(B, H, w!.shape[0]!, width - H, dOut !== undefined, acc !== undefined);
  const ins = [e!, u!, sNext!, w!, ...(dOut ? [dOut] : []), ...(acc ? [acc] : [])];
  return run(gl, program, ins, (attrs as unknown as WebglStepAttrs).t);
};

const webglDz: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { z, sPrev, s, dOut, dh, eNext } = inputs as Record<string, Info | undefined>;
  const { t, T, sequences } = attrs as unknown as WebglStepAttrs;
  const [B, width] = s!.shape as [number, number];
  const H = z!.shape[1]! / 4;
  const rec = dh !== undefined && eNext !== undefined;
  const K = rec ? 0 : dOut!.shape[0]!;
  // The output's gradient for h_t at the last step: its own slot, or slot 0 without sequences.
  const hSlot = sequences ? t : t === (T ?? 0) - 1 ? 0 : -1;
  const gl = backend as unknown as WebglBackendLike;
  const ins = [z!, sPrev!, s!, ...(rec ? [dh!, eNext!] : [dOut!])];
  return run(gl, dzProgram(B, H, width - H, K, rec, hSlot), ins, t);
};

/**
 * At most this many inputs a gather program reads (tfjs's WEBGL_MAX_TEXTURES_IN_SHADER is at
 * least 16 where WebGL 2 runs). Each texel takes one branch of the chain, so a program costs
 * about one fetch a texel however many inputs it has (tf.stack of packed tensors, by contrast,
 * reshapes every input into one row first: about 250 ms for 100 steps on SwiftShader).
 */
const GATHER_FAN_IN = 12;

/** Stacks `parts` ([n_i, B, cols] packed; `flat`: [B, ≥ cols] each, n_i = 1) along axis 0. */
function gatherProgram(
  counts: number[],
  B: number,
  cols: number,
  from: number,
  flat: boolean,
): WebglProgram {
  const names = counts.map((_, k) => `P${k}`);
  let offset = 0;
  const chain = counts
    .map((n, k) => {
      const read = flat ? `getP${k}(b, ${from} + c)` : `getP${k}(i - ${offset}, b, c)`;
      offset += n;
      return `${k > 0 ? 'else ' : ''}if (i < ${offset}) v = ${read};`;
    })
    .join('\n');
  return {
    variableNames: names,
    outputShape: [offset, B, cols],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      void main() {
        ivec3 coords = getOutputCoords();
        int i = coords.x;
        int b = coords.y;
        int c = coords.z;
        vec4 v = vec4(0.0);
        ${chain}
        setOutput(v);
      }`,
  };
}

interface GatherAttrs {
  rows: number;
  cols: number;
  from: number;
}

const copyFramebuffers = new WeakMap<object, WebGLFramebuffer>();

/**
 * The gather as texture copies (glCopyTexSubImage2D, no shader): a step's rows are whole rows
 * of its texture when B is even and tfjs laid the textures out as plain [rows/2, cols/2]
 * texel grids (the usual case; tfjs reshapes only textures beyond the size limit). About 5 ms
 * for 100 steps on SwiftShader, where the shader gather takes about 30. Null when the layout
 * does not allow it.
 */
function copyGather(
  gl: WebglBackendLike,
  list: Info[],
  B: number,
  cols: number,
  from: number,
): Info | null {
  if (B % 2 === 1 || cols % 2 === 1 || from % 2 === 1) return null;
  const half = (n: number) => Math.ceil(n / 2);
  const sources = list.map((info) => gl.texData.get(info.dataId));
  const plain = sources.every(
    (data, k) =>
      data.isPacked === true &&
      data.texture != null &&
      data.texture.texShape[0] === half(list[k]!.shape[0]!) &&
      data.texture.texShape[1] === half(list[k]!.shape[1]!),
  );
  if (!plain) return null;
  const out = gl.makeTensorInfo([list.length, B, cols], 'float32');
  const outData = gl.texData.get(out.dataId);
  outData.isPacked = true;
  gl.uploadToGPU(out.dataId);
  const target = outData.texture;
  if (!target || target.texShape[0] !== (list.length * B) / 2 || target.texShape[1] !== cols / 2) {
    gl.disposeIntermediateTensorInfo(out);
    return null;
  }
  const ctx = gl.gpgpu.gl;
  let framebuffer = copyFramebuffers.get(gl);
  if (!framebuffer) {
    framebuffer = ctx.createFramebuffer();
    copyFramebuffers.set(gl, framebuffer);
  }
  ctx.bindFramebuffer(ctx.READ_FRAMEBUFFER, framebuffer);
  ctx.bindTexture(ctx.TEXTURE_2D, target.texture);
  sources.forEach((data, k) => {
    ctx.framebufferTexture2D(
      ctx.READ_FRAMEBUFFER,
      ctx.COLOR_ATTACHMENT0,
      ctx.TEXTURE_2D,
      data.texture!.texture,
      0,
    );
    ctx.copyTexSubImage2D(ctx.TEXTURE_2D, 0, 0, (k * B) / 2, from / 2, 0, cols / 2, B / 2);
  });
  ctx.framebufferTexture2D(ctx.READ_FRAMEBUFFER, ctx.COLOR_ATTACHMENT0, ctx.TEXTURE_2D, null, 0);
  ctx.bindTexture(ctx.TEXTURE_2D, null);
  // tfjs binds its own framebuffer before each draw and read; leave it bound as it expects.
  ctx.bindFramebuffer(ctx.FRAMEBUFFER, gl.gpgpu.framebuffer);
  return out;
}

const webglGather: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const list = Object.keys(inputs)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((name) => (inputs as Record<string, Info>)[name]!);
  const { rows: B, cols, from } = attrs as unknown as GatherAttrs;
  const gl = backend as unknown as WebglBackendLike;
  const copied = copyGather(gl, list, B, cols, from);
  if (copied) return copied;
  const leaves: Info[] = [];
  for (let k = 0; k < list.length; k += GATHER_FAN_IN) {
    const group = list.slice(k, k + GATHER_FAN_IN);
    const program = gatherProgram(
      group.map(() => 1),
      B,
      cols,
      from,
      true,
    );
    leaves.push(gl.compileAndRun(program, group, 'float32', undefined, true));
  }
  let level = leaves;
  while (level.length > 1) {
    const next: Info[] = [];
    for (let k = 0; k < level.length; k += GATHER_FAN_IN) {
      const group = level.slice(k, k + GATHER_FAN_IN);
      if (group.length === 1) {
        next.push(group[0]!);
        continue;
      }
      const program = gatherProgram(
        group.map((p) => p.shape[0]!),
        B,
        cols,
        0,
        false,
      );
      next.push(gl.compileAndRun(program, group, 'float32', undefined, true));
      for (const part of group) gl.disposeIntermediateTensorInfo(part);
    }
    level = next;
  }
  return level[0]!;
};

const webglPacked: tf.KernelFunc = ({ inputs, backend }) => {
  const { x } = inputs as Record<string, Info>;
  const gl = backend as unknown as WebglBackendLike;
  if (gl.texData.get(x!.dataId).isPacked) {
    gl.incRef(x!.dataId);
    return { dataId: x!.dataId, shape: x!.shape, dtype: x!.dtype };
  }
  return gl.packTensor(x!);
};

// ---------------------------------------------------------------------------------------------
// Registration

const wasm = (b: unknown) => wasmAccess(b as WasmBackendLike);
/** Backend → [kernel name, implementation] of the step kernels. */
const IMPLEMENTATIONS: Record<string, [string, tf.KernelFunc][]> = {
  cpu: [
    [LSTM_CPU_STEP, cpuStep],
    [LSTM_CPU_STEP_BACKWARD, cpuStepBackward],
    [LSTM_CPU_GRADS, cpuGrads],
  ],
  wasm: [
    [LSTM_STEP_FORWARD, wasmForward],
    [LSTM_STEP_BACKWARD_SAVED, arrayBackward(wasm)],
  ],
  webgl: [
    [LSTM_WEBGL_GATES, webglGates],
    [LSTM_WEBGL_CELL, webglCell],
    [LSTM_WEBGL_DH, webglDh],
    [LSTM_WEBGL_DZ, webglDz],
    [PACKED, webglPacked],
    [GATHER_STEPS, webglGather],
  ],
};

let registered = false;

/** Registers the kernels for cpu, wasm and webgl (once; harmless before those backends load). */
export function registerLstmKernels(): void {
  if (registered) return;
  registered = true;
  for (const [backendName, kernels] of Object.entries(IMPLEMENTATIONS)) {
    for (const [kernelName, kernelFunc] of kernels) {
      if (!tf.getKernel(kernelName, backendName)) {
        tf.registerKernel({ kernelName, backendName, kernelFunc });
      }
    }
  }
}

const has = (kernelName: string, backend: string) =>
  tf.getKernel(kernelName, backend) !== undefined;

/** Whether the active backend runs the webgl step kernels (packed layouts, four per step). */
export function webglKernelsActive(): boolean {
  registerLstmKernels();
  return has(LSTM_WEBGL_GATES, tf.getBackend());
}

/** Whether the active backend has the fused step kernels (cpu, wasm, webgl do). */
export function lstmKernelsAvailable(): boolean {
  registerLstmKernels();
  const backend = tf.getBackend();
  if (backend === undefined) return false;
  return (
    (has(LSTM_STEP_FORWARD, backend) && has(LSTM_STEP_BACKWARD_SAVED, backend)) ||
    has(LSTM_CPU_STEP, backend) ||
    has(LSTM_WEBGL_GATES, backend)
  );
}

/** Whether the active backend runs the cpu step kernels (the products inside them). */
export function cpuKernelsActive(): boolean {
  registerLstmKernels();
  return has(LSTM_CPU_STEP, tf.getBackend());
}

/**
 * Whether the active backend's forward kernel keeps the activations for a backward kernel
 * that reads them (wasm; cpu's kernels always do: JavaScript loops, where each exponential
 * costs about as much as the rest of a unit's arithmetic).
 */
export function keepsActivations(): boolean {
  return has(LSTM_STEP_BACKWARD_SAVED, tf.getBackend());
}

/** `x` in a packed texture (webgl; one kernel, a no-op when it is packed already). */
export function packed<T extends tf.Tensor>(x: T): T {
  return tf.engine().runKernel(PACKED, { x } as unknown as tf.NamedTensorMap) as T;
}

/**
 * Rows 0 … B − 1 and columns from … from + cols − 1 of each of `steps` (packed, B or more rows
 * each) as one [n, B, cols].
 */
export function gatherSteps(steps: tf.Tensor2D[], B: number, cols: number, from = 0): tf.Tensor3D {
  const inputs: Record<string, tf.Tensor> = {};
  steps.forEach((step, k) => (inputs[`x${k}`] = step));
  return tf
    .engine()
    .runKernel(
      GATHER_STEPS,
      inputs as unknown as tf.NamedTensorMap,
      { rows: B, cols, from } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor3D;
}

/** A registered kernel with one output, through the engine (counted and profiled as one). */
export function runKernel1(
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: WebglStepAttrs | Record<string, never> = {},
): tf.Tensor2D {
  const out = tf
    .engine()
    .runKernel(name, inputs as unknown as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap);
  return (Array.isArray(out) ? out[0] : out) as tf.Tensor2D;
}

/** Runs a registered kernel through the engine (so it is counted, profiled and taped as one). */
export function runStepKernel(
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: ForwardAttrs | BackwardAttrs | WebglStepAttrs,
): tf.Tensor2D[] {
  return tf
    .engine()
    .runKernel(
      name,
      inputs as unknown as tf.NamedTensorMap,
      attrs as unknown as tf.NamedAttrMap,
    ) as unknown as tf.Tensor2D[];
}
