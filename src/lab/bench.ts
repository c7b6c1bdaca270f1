// The benchmark's measurements, run in the page: the core's LSTM (cell + unroll + Dense head)
// against tf.layers.lstm + dense with the same shapes, training (Adam, MSE) and inference.
import * as tf from '@tensorflow/tfjs';
import { createOptimizer, createRng, multiplicationTask } from '../core';
import { fastLstmAvailable } from '../core/fast/lstm';
import {
  cpuProductTransposed,
  LSTM_CPU_GRADS,
  LSTM_CPU_STEP,
  LSTM_CPU_STEP_BACKWARD,
  LSTM_STEP_FORWARD,
  LSTM_WEBGL_DH,
  LSTM_WEBGL_GATES,
} from '../core/fast/lstmKernels';
import { unroll, unrollGraph } from '../core/unroll';
import { createCellModel } from '../core/worker';

export interface BenchShape {
  batch: number;
  steps: number;
  features: number;
  units: number;
}

export const BENCH_SHAPE: BenchShape = { batch: 64, steps: 100, features: 2, units: 30 };

export interface BenchOptions {
  implementation: 'core' | 'layers';
  mode: 'train' | 'infer';
  shape?: BenchShape;
  /** Untimed steps first (shader compilation, wasm warm-up). */
  warmup?: number;
  /** Timed runs; the median is reported. */
  runs?: number;
  /** Steps per timed run. */
  stepsPerRun?: number;
}

export interface BenchResult {
  backend: string;
  implementation: 'core' | 'layers';
  mode: 'train' | 'infer';
  /** Median over the runs of the mean milliseconds per step. */
  msPerStep: number;
  runs: number[];
  /** Kernel dispatches in one step (tf.profile). */
  kernelsPerStep: number;
  /** webgl: draw calls (shader programs run) in one step; 0 on other backends. */
  drawsPerStep: number;
  /** Multiply-adds × 2 of the step's matrix products (from the kernels' shapes). */
  matmulFlops: number;
  /** Bytes the step's kernels read and write (inputs + outputs, 4 bytes a number). */
  bytesTouched: number;
  /** The most frequent kernels of a step, with their counts. */
  topKernels: [string, number][];
  /** The kernels that took the most time in the profiled step: name, count, total ms. */
  slowestKernels: [string, number, number][];
  /** All kernels' time in the profiled step (ms; 0 where the backend gives none). */
  kernelMsTotal: number;
  tensorsLeaked: number;
}

const sizeOf = (shape: number[]) => shape.reduce((n, d) => n * d, 1);

/** 2·M·N·K of a (batched) matrix product from its input and output shapes. */
function matmulFlops(inputs: number[][], output: number[]): number {
  const [a, b] = inputs;
  if (!a || !b || output.length < 2) return 0;
  const out = sizeOf(output);
  const batch = out / (output[output.length - 2]! * output[output.length - 1]!);
  const k = Math.sqrt((sizeOf(a) * sizeOf(b)) / (out * batch));
  return 2 * out * k;
}

interface ProfiledKernel {
  name: string;
  inputShapes: number[][];
  outputShapes: number[][];
  kernelTimeMs: number | { error: string };
}

/**
 * Numbers one of the core's fused LSTM step kernels reads and writes: it reads one step's rows
 * of its stacked input, not all of them. wasm's forward kernel, in units of its first output's
 * size B·H: rz and xz 4 each, c₋₁ 1, writes c and h. cpu's forward kernel: one step of the
 * input x [B, T, D], W, U, the bias, h₋₁ and c₋₁ whole, and its outputs; its backward kernel
 * reads at most two [B, H] slots of the output's gradient dOut [K, B, H]. webgl's gates kernel:
 * the state, U, W and the bias whole, one step of the input x [T, B, D′] and its output [B, 4H].
 */
const outputsSize = (outputs: number[][]) => outputs.reduce((n, shape) => n + sizeOf(shape), 0);
const FUSED_STEP_TRAFFIC: Record<string, (inputs: number[][], outputs: number[][]) => number> = {
  [LSTM_STEP_FORWARD]: (_, outputs) => 11 * sizeOf(outputs[0]!),
  [LSTM_CPU_STEP]: (inputs, outputs) =>
    inputs.reduce((n, shape, k) => n + (k === 0 ? shape[0]! * shape[2]! : sizeOf(shape)), 0) +
    outputsSize(outputs),
  [LSTM_CPU_STEP_BACKWARD]: (inputs, outputs) =>
    inputs.reduce((n, shape, k) => n + (k === 2 ? 2 * sizeOf(shape.slice(1)) : sizeOf(shape)), 0) +
    outputsSize(outputs),
  [LSTM_WEBGL_GATES]: (inputs, outputs) =>
    inputs.reduce((n, shape, k) => n + (k === 2 ? sizeOf(shape.slice(1)) : sizeOf(shape)), 0) +
    sizeOf(outputs[0]!),
};

/**
 * webgl's step programs do the products themselves: gates b + x_t·W + h₋₁·U ([B, 4H] from
 * H + D′ terms each); dh ∂z·Uᵀ and ∂z·Wᵀ (the same terms) and the running sum
 * ∂zᵀ·[h, 1, 1, x] (4H × (H + 2 + D′) sums over B rows). So do cpu's kernels: the step
 * x_t·W + h₋₁·U, its backward ∂z·Uᵀ, and after the loop ∂U, ∂W and ∂x over all B·T rows.
 */
function fusedProductFlops(name: string, inputs: number[][]): number {
  if (name === LSTM_CPU_STEP) {
    const [[B, , D], , [H, G]] = inputs as [[number, number, number], unknown, [number, number]];
    return 2 * B * G * (D + H);
  }
  if (name === LSTM_CPU_STEP_BACKWARD) {
    const [[B], , , [H, G]] = inputs as [[number], unknown, unknown, [number, number]];
    return 2 * B * G * H;
  }
  if (name === LSTM_CPU_GRADS) {
    const [[B, T, D], [, G]] = inputs as [[number, number, number], [number, number]];
    return 2 * B * T * G * (G / 4 + 2 * D);
  }
  if (name === LSTM_WEBGL_GATES) {
    const [[B, width], [H, G]] = inputs as [[number, number], [number, number]];
    return 2 * B * G * (width - H - 2);
  }
  if (name === LSTM_WEBGL_DH) {
    const [, [H, G], [B, width]] = inputs as [unknown, [number, number], [number, number]];
    const D2 = width - 2 * H - 2;
    return 2 * B * G * (H + D2) + 2 * B * G * (width - H);
  }
  return 0;
}

/**
 * Profile entries that are real kernels: tf.profile also lists a tf.customGrad call as an
 * entry of its own (named after its scope), around the kernels it runs.
 */
export function realKernels<K extends { name: string }>(kernels: K[]): K[] {
  const backend = tf.getBackend();
  return kernels.filter((k) => tf.getKernel(k.name, backend) !== undefined);
}

function summarise(kernels: ProfiledKernel[]) {
  let flops = 0;
  let bytes = 0;
  const counts = new Map<string, number>();
  const times = new Map<string, number>();
  for (const kernel of realKernels(kernels)) {
    counts.set(kernel.name, (counts.get(kernel.name) ?? 0) + 1);
    if (typeof kernel.kernelTimeMs === 'number') {
      times.set(kernel.name, (times.get(kernel.name) ?? 0) + kernel.kernelTimeMs);
    }
    const shapes = [...kernel.inputShapes, ...kernel.outputShapes].filter(Boolean);
    const fused = FUSED_STEP_TRAFFIC[kernel.name];
    bytes +=
      fused !== undefined
        ? 4 * fused(kernel.inputShapes, kernel.outputShapes)
        : 4 * shapes.reduce((n, shape) => n + sizeOf(shape), 0);
    if (/MatMul/.test(kernel.name))
      flops += matmulFlops(kernel.inputShapes, kernel.outputShapes[0]!);
    else flops += fusedProductFlops(kernel.name, kernel.inputShapes);
  }
  const topKernels = [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6);
  const slowestKernels = [...times.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 6)
    .map(([name, ms]): [string, number, number] => [name, counts.get(name) ?? 0, ms]);
  const kernelMsTotal = [...times.values()].reduce((sum, ms) => sum + ms, 0);
  return { flops, bytes, topKernels, slowestKernels, kernelMsTotal };
}

interface Stepper {
  step(): Promise<void>;
  dispose(): void;
}

function batchData(shape: BenchShape): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const d = multiplicationTask({ samples: shape.batch, steps: shape.steps, seed: 'bench' });
  return {
    x: tf.tensor3d(d.inputs, [shape.batch, shape.steps, shape.features]),
    y: tf.tensor2d(d.targets, [shape.batch, 1]),
  };
}

function coreStepper(shape: BenchShape, mode: 'train' | 'infer'): Stepper {
  const { x, y } = batchData(shape);
  const model = createCellModel(
    { kind: 'lstm', inputSize: shape.features, units: shape.units },
    { kind: 'last-regression', outputs: 1 },
    { seed: 1 },
  );
  const optimizer = createOptimizer('adam', model.variables, 0.001);
  return {
    async step() {
      const out = tf.tidy(() => {
        if (mode === 'infer') return model.predict(x);
        const { value, grads } = tf.variableGrads(() => model.loss(x, y, true), model.variables);
        optimizer.apply(model.variables.map((v) => grads[v.name] ?? null));
        return value;
      });
      await out.data();
      out.dispose();
    },
    dispose() {
      optimizer.dispose();
      model.dispose();
      tf.dispose([x, y]);
    },
  };
}

function layersStepper(shape: BenchShape, mode: 'train' | 'infer'): Stepper {
  const { x, y } = batchData(shape);
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({
        units: shape.units,
        recurrentActivation: 'sigmoid',
        inputShape: [shape.steps, shape.features],
      }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  const optimizer = tf.train.adam(0.001);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return {
    async step() {
      if (mode === 'train') {
        await model.trainOnBatch(x, y);
        return;
      }
      const out = model.predict(x) as tf.Tensor;
      await out.data();
      out.dispose();
    },
    dispose() {
      model.dispose();
      optimizer.dispose(); // model.dispose() leaves the optimizer's moments behind
      tf.dispose([x, y]);
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** webgl: the draw calls `work` makes (every shader program tfjs runs is one); else 0. */
async function countDraws(work: () => Promise<void>): Promise<number> {
  const backend = tf.backend() as unknown as { gpgpu?: { gl: WebGL2RenderingContext } };
  const gl = tf.getBackend() === 'webgl' ? backend.gpgpu?.gl : undefined;
  if (!gl) {
    await work();
    return 0;
  }
  const draw = gl.drawElements;
  let draws = 0;
  gl.drawElements = (...args: Parameters<typeof draw>) => {
    draws += 1;
    draw.apply(gl, args);
  };
  try {
    await work();
  } finally {
    gl.drawElements = draw;
  }
  return draws;
}

/** Times one implementation and mode on the current backend. */
export async function bench(options: BenchOptions): Promise<BenchResult> {
  const shape = options.shape ?? BENCH_SHAPE;
  const before = tf.memory().numTensors;
  const stepper = (options.implementation === 'core' ? coreStepper : layersStepper)(
    shape,
    options.mode,
  );
  const runs: number[] = [];
  let kernelsPerStep = 0;
  let drawsPerStep = 0;
  let profiled: ReturnType<typeof summarise> | null = null;
  try {
    for (let k = 0; k < (options.warmup ?? 2); k++) await stepper.step();
    drawsPerStep = await countDraws(() => stepper.step());
    // Profile one step without tfjs's per-kernel NaN checks (extra reads would skew it).
    const checks = tf.env().getBool('CHECK_COMPUTATION_FOR_ERRORS');
    tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
    const profile = await tf.profile(() => stepper.step());
    tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', checks);
    kernelsPerStep = realKernels(profile.kernels).length;
    profiled = summarise(profile.kernels as unknown as ProfiledKernel[]);
    const perRun = options.stepsPerRun ?? 3;
    for (let r = 0; r < (options.runs ?? 5); r++) {
      const started = performance.now();
      for (let k = 0; k < perRun; k++) await stepper.step();
      runs.push((performance.now() - started) / perRun);
    }
  } finally {
    stepper.dispose();
  }
  return {
    backend: tf.getBackend(),
    implementation: options.implementation,
    mode: options.mode,
    msPerStep: median(runs),
    runs,
    kernelsPerStep,
    drawsPerStep,
    matmulFlops: profiled?.flops ?? 0,
    bytesTouched: profiled?.bytes ?? 0,
    topKernels: profiled?.topKernels ?? [],
    slowestKernels: profiled?.slowestKernels ?? [],
    kernelMsTotal: profiled?.kernelMsTotal ?? 0,
    tensorsLeaked: tf.memory().numTensors - before,
  };
}

export interface Calibration {
  backend: string;
  /** Arithmetic rate of one large matrix product (GFLOP/s). */
  matmulGflops: number;
  /**
   * cpu: the same product through the loop the core's cpu kernels multiply with (they run no
   * BatchMatMul); null on other backends.
   */
  coreMatmulGflops: number | null;
  /** Bytes per second (GB/s) an element-wise add over large tensors reads and writes. */
  streamGBps: number;
  /** Wall time of one kernel on a one-number tensor: the fixed cost of a dispatch (µs). */
  tinyKernelUs: number;
  /**
   * webgl: the same with tfjs's CPU forwarding of tiny ops switched off, i.e. one draw call
   * (µs); null on other backends.
   */
  drawUs: number | null;
}

/** The best of five timings of `repeats` calls of `work` (ms per call): a best-case rate. */
async function timeMs(work: () => tf.Tensor, repeats: number): Promise<number> {
  const warm = work();
  await warm.data();
  warm.dispose();
  let best = Infinity;
  for (let trial = 0; trial < 5; trial++) {
    const started = performance.now();
    let last: tf.Tensor | null = null;
    for (let k = 0; k < repeats; k++) {
      last?.dispose();
      last = work();
    }
    await last!.data();
    last!.dispose();
    best = Math.min(best, (performance.now() - started) / repeats);
  }
  return best;
}

/** The best of five timings of `repeats` synchronous calls of `work` (ms per call). */
function bestMs(work: () => unknown, repeats: number): number {
  work();
  let best = Infinity;
  for (let trial = 0; trial < 5; trial++) {
    const started = performance.now();
    for (let k = 0; k < repeats; k++) work();
    best = Math.min(best, (performance.now() - started) / repeats);
  }
  return best;
}

/** `n` dependent adds on a one-number tensor. */
function chainOfAdds(one: tf.Tensor, n: number): tf.Tensor {
  let x = tf.add(one, one);
  for (let k = 1; k < n; k++) {
    const y = tf.add(x, one);
    x.dispose();
    x = y;
  }
  return x;
}

/** What the current backend can do at best: big matmul, big element-wise op, tiny op. */
export async function calibrate(): Promise<Calibration> {
  const n = 256;
  const a = tf.randomUniform([n, n]);
  const b = tf.randomUniform([n, n]);
  const size = 1 << 20;
  const u = tf.randomUniform([size]);
  const v = tf.randomUniform([size]);
  const one = tf.scalar(1);
  try {
    const matmulMs = await timeMs(() => tf.matMul(a, b), 4);
    const streamMs = await timeMs(() => tf.add(u, v), 8);
    const tinyRepeats = 400;
    const tinyMs = await timeMs(() => chainOfAdds(one, tinyRepeats), 3);
    let drawUs: number | null = null;
    if (tf.getBackend() === 'webgl') {
      const cpuForward = tf.env().getBool('WEBGL_CPU_FORWARD');
      tf.env().set('WEBGL_CPU_FORWARD', false);
      try {
        drawUs = (1000 * (await timeMs(() => chainOfAdds(one, tinyRepeats), 3))) / tinyRepeats;
      } finally {
        tf.env().set('WEBGL_CPU_FORWARD', cpuForward);
      }
    }
    let coreMatmulGflops: number | null = null;
    if (tf.getBackend() === 'cpu') {
      const [x, y] = [a.dataSync(), b.dataSync()] as [Float32Array, Float32Array];
      const coreMs = bestMs(() => cpuProductTransposed(x, y, [n, n, n]), 4);
      coreMatmulGflops = (2 * n * n * n) / coreMs / 1e6;
    }
    return {
      backend: tf.getBackend(),
      drawUs,
      matmulGflops: (2 * n * n * n) / matmulMs / 1e6,
      coreMatmulGflops,
      streamGBps: (3 * 4 * size) / streamMs / 1e6,
      tinyKernelUs: (1000 * tinyMs) / tinyRepeats,
    };
  } finally {
    tf.dispose([a, b, u, v, one]);
  }
}

/** Batch, steps, features and units of a fused-path check. */
export interface FusedCheckShape {
  B: number;
  T: number;
  D: number;
  H: number;
}

/**
 * The fused LSTM path against the step-by-step autodiff path on the current backend: the
 * largest relative difference (max |a − b| over max |b|, per tensor) of the outputs and of the
 * gradients for x, the three weights, h0 and c0, over a last-step and a sequence loss. The
 * tensor count before and after (the check frees everything it makes).
 */
export function checkFusedLstm({ B, T, D, H }: FusedCheckShape = { B: 5, T: 7, D: 3, H: 4 }): {
  fused: boolean;
  maxRelativeError: number;
  tensorsLeaked: number;
} {
  const fused = fastLstmAvailable();
  const before = tf.memory().numTensors;
  let worst = 0;
  tf.tidy(() => {
    const rng = createRng('fused-check');
    const random = (shape: number[], scale = 1) =>
      tf.tensor(
        Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () =>
          rng.uniform(-scale, scale),
        ),
        shape,
      );
    const config = { kind: 'lstm', inputSize: D, units: H } as const;
    const inputs = [
      random([B, T, D], 2),
      random([D, 4 * H]),
      random([H, 4 * H]),
      random([4 * H], 0.5),
      random([B, H]),
      random([B, H]),
    ];
    const relative = (a: tf.Tensor, b: tf.Tensor) => {
      const x = a.dataSync();
      const y = b.dataSync();
      let diff = 0;
      let scale = 1e-12;
      for (let k = 0; k < x.length; k++) {
        diff = Math.max(diff, Math.abs(x[k]! - y[k]!));
        scale = Math.max(scale, Math.abs(y[k]!));
      }
      return diff / scale;
    };
    for (const sequences of [false, true]) {
      const target = random(sequences ? [B, T, H] : [B, H]);
      const lossOf =
        (run: typeof unroll) =>
        (...[x, kernel, recurrentKernel, bias, h0, c0]: tf.Tensor[]) => {
          const out = run(
            config,
            {
              kernel: kernel as tf.Tensor2D,
              recurrentKernel: recurrentKernel as tf.Tensor2D,
              bias: bias as tf.Tensor1D,
              bhn: null,
            },
            x as tf.Tensor3D,
            { h0: h0 as tf.Tensor2D, c0: c0 as tf.Tensor2D, returnSequences: sequences },
          );
          const y = sequences ? out.hs! : out.hLast;
          return tf.add(
            tf.sum(tf.square(tf.sub(y, target))),
            tf.sum(tf.mul(out.cLast!, 0.5)),
          ) as tf.Scalar;
        };
      const a = tf.valueAndGrads(lossOf(unroll))(inputs);
      const b = tf.valueAndGrads(lossOf(unrollGraph))(inputs);
      worst = Math.max(worst, relative(a.value, b.value));
      a.grads.forEach((g, k) => (worst = Math.max(worst, relative(g, b.grads[k]!))));
    }
  });
  return { fused, maxRelativeError: worst, tensorsLeaked: tf.memory().numTensors - before };
}
