// One LSTM time step's element-wise work as ONE tfjs kernel, forward and backward, for the cpu,
// wasm and webgl backends. Written through tf.registerKernel (tfjs's extension point for new
// kernels): the gate activations, the cell update and the output gate of a step would
// otherwise be about ten tiny kernels, each paying a dispatch and a pass over a few kB.
//
// Layouts (batch-major, as tf.layers: the matmuls then multiply by a constant right-hand matrix,
// which the wasm backend's XNNPACK keeps packed between calls; gate columns in STACK_ORDER
// i, f, o, c̃):
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
/** webgl: recomputes the gates from rz, xz and bias. */
export const LSTM_STEP_BACKWARD = 'GatebookLstmStepBackward';
/** cpu and wasm: reads the activations the forward kernel kept (`keep: true`). */
export const LSTM_STEP_BACKWARD_SAVED = 'GatebookLstmStepBackwardSaved';
/** webgl only: the input in an unpacked texture (the step programs read unpacked ones). */
export const UNPACKED = 'GatebookUnpacked';

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
// The arithmetic, on plain arrays (float64 inside, float32 out): cpu's forward step, and the
// backward step of cpu and wasm

function forwardArrays(
  rz: Float32Array,
  xz: Float32Array,
  bias: Float32Array,
  cPrev: Float32Array,
  cOut: Float32Array,
  hOut: Float32Array,
  act: Float32Array | null,
  H: number,
  B: number,
  t: number,
): void {
  const G = 4 * H;
  for (let b = 0; b < B; b++) {
    const r = b * G;
    const x = (t * B + b) * G;
    const a = b * 5 * H;
    for (let j = 0; j < H; j++) {
      const i = sigmoid(rz[r + j]! + xz[x + j]! + bias[j]!);
      const f = sigmoid(rz[r + H + j]! + xz[x + H + j]! + bias[H + j]!);
      const o = sigmoid(rz[r + 2 * H + j]! + xz[x + 2 * H + j]! + bias[2 * H + j]!);
      const g = tanh(rz[r + 3 * H + j]! + xz[x + 3 * H + j]! + bias[3 * H + j]!);
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
// cpu and wasm: the arithmetic above on the backends' own arrays (wasm's forward step follows)

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

/** The forward step as a JavaScript loop over the backend's arrays (cpu). */
function arrayForward(access: (backend: unknown) => ArrayAccess): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { rz, xz, bias, cPrev } = inputs as Record<string, Info>;
    const { t, keep } = attrs as unknown as ForwardAttrs;
    const [B, H] = cPrev!.shape as [number, number];
    const a = access(backend);
    const c = a.alloc([B, H]);
    const h = a.alloc([B, H]);
    const act = keep === true ? a.alloc([B, 5 * H]) : null;
    forwardArrays(
      a.read(rz!),
      a.read(xz!),
      a.read(bias!),
      a.read(cPrev!),
      a.values(c),
      a.values(h),
      act ? a.values(act) : null,
      H,
      B,
      t,
    );
    return act ? [c, h, act] : [c, h];
  };
}

/** The backward step from the kept activations (cpu and wasm: no exponential in it). */
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
// webgl: fragment shaders in tfjs's GPGPUProgram form (one output texel per program run)

interface WebglProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  customUniforms?: { name: string; type: 'int' }[];
}
interface WebglBackendLike {
  texData: { get(dataId: object): { isPacked?: boolean } };
  incRef(dataId: object): void;
  compileAndRun(
    program: WebglProgram,
    inputs: Info[],
    outputDtype?: 'float32',
    customUniformValues?: number[][],
  ): Info;
  disposeIntermediateTensorInfo(info: Info): void;
}

// tfjs's own overflow-safe tanh (GLSL's tanh can return NaN for large arguments).
const GLSL_HELPERS = `
  float gbSigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
  float gbTanh(float x) {
    float e2x = exp(-2.0 * abs(x));
    return sign(x) * (1.0 - e2x) / (1.0 + e2x);
  }
`;

/** The four pre-activations of unit j, batch row b, at step `t` (a uniform). */
const glslPre = (H: number) => {
  const rz = (col: string) => `getRZ(b, ${col})`;
  const xz = (col: string) => `getXZ(t * B + b, ${col})`;
  return `
    float i = gbSigmoid(${rz('j')} + ${xz('j')} + getBias(j));
    float f = gbSigmoid(${rz(`${H} + j`)} + ${xz(`${H} + j`)} + getBias(${H} + j));
    float o = gbSigmoid(${rz(`${2 * H} + j`)} + ${xz(`${2 * H} + j`)} + getBias(${2 * H} + j));
    float g = gbTanh(${rz(`${3 * H} + j`)} + ${xz(`${3 * H} + j`)} + getBias(${3 * H} + j));`;
};

const STEP_UNIFORM = [{ name: 'gbStep', type: 'int' as const }];

function webglForwardPrograms(H: number, B: number): [WebglProgram, WebglProgram] {
  const c: WebglProgram = {
    variableNames: ['RZ', 'XZ', 'Bias', 'CPrev'],
    outputShape: [B, H],
    customUniforms: STEP_UNIFORM,
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int b = coords.x;
        int j = coords.y;
        const int B = ${B};
        ${glslPre(H)}
        setOutput(f * getCPrev(b, j) + i * g);
      }`,
  };
  const h: WebglProgram = {
    variableNames: ['RZ', 'XZ', 'Bias', 'C'],
    outputShape: [B, H],
    customUniforms: STEP_UNIFORM,
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int b = coords.x;
        int j = coords.y;
        const int B = ${B};
        float o = gbSigmoid(getRZ(b, ${2 * H} + j) + getXZ(t * B + b, ${2 * H} + j) +
          getBias(${2 * H} + j));
        setOutput(o * gbTanh(getC(b, j)));
      }`,
  };
  return [c, h];
}

/**
 * The backward step's programs: `dz` [B, 4H] (each texel picks its gate's column block) and
 * `dcPrev` [B, H]. `hasRec` false at the last step (no gradient from a later step yet).
 */
function webglBackwardPrograms(
  H: number,
  B: number,
  T: number,
  sequences: boolean,
  hasRec: boolean,
): [WebglProgram, WebglProgram] {
  const K = sequences ? T + 1 : 2;
  const names = ['RZ', 'XZ', 'Bias', 'CPrev', 'C', 'DOut', ...(hasRec ? ['DhRec', 'DcNext'] : [])];
  // Each texel of ∂z computes only what its gate needs (i: c̃, i, ∂c; f: c₋₁, f, ∂c; o: ∂h,
  // tanh c, o; c̃: ∂c, i, c̃), so the 4H columns do not all pay for four activations.
  const pre = (gate: number) =>
    `getRZ(b, ${gate * H} + j) + getXZ(t * B + b, ${gate * H} + j) + getBias(${gate * H} + j)`;
  const dh = `
    float dh = ${hasRec ? 'getDhRec(b, j)' : '0.0'};
    ${sequences ? 'dh += getDOut(t, b, j);' : hasRec ? '' : 'dh += getDOut(0, b, j);'}
    float tc = gbTanh(getC(b, j));`;
  const dc = `
    float o = gbSigmoid(${pre(2)});
    float dc = ${hasRec ? 'getDcNext(b, j)' : `getDOut(${K - 1}, b, j)`} + dh * o * (1.0 - tc * tc);`;
  const dz: WebglProgram = {
    variableNames: names,
    outputShape: [B, 4 * H],
    customUniforms: STEP_UNIFORM,
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int b = coords.x;
        int col = coords.y;
        int gate = col / ${H};
        int j = col - gate * ${H};
        const int B = ${B};
        ${dh}
        float value;
        if (gate == 2) {
          float o = gbSigmoid(${pre(2)});
          value = dh * tc * o * (1.0 - o);
        } else {
          ${dc}
          if (gate == 1) {
            float f = gbSigmoid(${pre(1)});
            value = dc * getCPrev(b, j) * f * (1.0 - f);
          } else {
            float i = gbSigmoid(${pre(0)});
            float g = gbTanh(${pre(3)});
            value = gate == 0 ? dc * g * i * (1.0 - i) : dc * i * (1.0 - g * g);
          }
        }
        setOutput(value);
      }`,
  };
  const dcPrev: WebglProgram = {
    variableNames: names,
    outputShape: [B, H],
    customUniforms: STEP_UNIFORM,
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int b = coords.x;
        int j = coords.y;
        const int B = ${B};
        ${dh}
        ${dc}
        setOutput(dc * gbSigmoid(${pre(1)}));
      }`,
  };
  return [dz, dcPrev];
}

/**
 * tfjs's webgl matmuls write packed textures (2×2 numbers a texel). A program that reads an
 * input unpacked makes an unpacked copy of it at every call; for the stacked inputs that every
 * step reads (hundreds of kB), this kernel makes that copy once, before the loop.
 */
const webglUnpacked: tf.KernelFunc = ({ inputs, backend }) => {
  const { x } = inputs as Record<string, Info>;
  const gl = backend as unknown as WebglBackendLike;
  if (!gl.texData.get(x!.dataId).isPacked) {
    gl.incRef(x!.dataId);
    return { dataId: x!.dataId, shape: x!.shape, dtype: x!.dtype };
  }
  const copy: WebglProgram = {
    variableNames: ['A'],
    outputShape: x!.shape,
    userCode: `void main() { setOutput(getAAtOutCoords()); }`,
  };
  return gl.compileAndRun(copy, [x!], 'float32');
};

const webglForward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { rz, xz, bias, cPrev } = inputs as Record<string, Info>;
  const { t } = attrs as unknown as ForwardAttrs;
  const [B, H] = cPrev!.shape as [number, number];
  const gl = backend as unknown as WebglBackendLike;
  const [cProgram, hProgram] = webglForwardPrograms(H, B);
  const c = gl.compileAndRun(cProgram, [rz!, xz!, bias!, cPrev!], 'float32', [[t]]);
  const h = gl.compileAndRun(hProgram, [rz!, xz!, bias!, c], 'float32', [[t]]);
  return [c, h];
};

const webglBackward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { rz, xz, bias, cPrev, c, dOut, dhRec, dcNext } = inputs as Record<
    string,
    Info | undefined
  >;
  const { t, T, sequences } = attrs as unknown as BackwardAttrs;
  const [B, H] = c!.shape as [number, number];
  const gl = backend as unknown as WebglBackendLike;
  const hasRec = dhRec !== undefined && dcNext !== undefined;
  const [dzProgram, dcProgram] = webglBackwardPrograms(H, B, T, sequences, hasRec);
  const ins = [rz!, xz!, bias!, cPrev!, c!, dOut!, ...(hasRec ? [dhRec!, dcNext!] : [])];
  const dz = gl.compileAndRun(dzProgram, ins, 'float32', [[t]]);
  const dc = gl.compileAndRun(dcProgram, ins, 'float32', [[t]]);
  return [dz, dc];
};

// ---------------------------------------------------------------------------------------------
// Registration

const cpu = (b: unknown) => cpuAccess(b as CpuBackendLike);
const wasm = (b: unknown) => wasmAccess(b as WasmBackendLike);
/** Backend → [kernel name, implementation] of the step kernels. */
const IMPLEMENTATIONS: Record<string, [string, tf.KernelFunc][]> = {
  cpu: [
    [LSTM_STEP_FORWARD, arrayForward(cpu)],
    [LSTM_STEP_BACKWARD_SAVED, arrayBackward(cpu)],
  ],
  wasm: [
    [LSTM_STEP_FORWARD, wasmForward],
    [LSTM_STEP_BACKWARD_SAVED, arrayBackward(wasm)],
  ],
  webgl: [
    [LSTM_STEP_FORWARD, webglForward],
    [LSTM_STEP_BACKWARD, webglBackward],
    [UNPACKED, webglUnpacked],
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

/** Whether the active backend has the fused step kernels (cpu, wasm, webgl do). */
export function lstmKernelsAvailable(): boolean {
  registerLstmKernels();
  const backend = tf.getBackend();
  return (
    backend !== undefined &&
    has(LSTM_STEP_FORWARD, backend) &&
    (has(LSTM_STEP_BACKWARD, backend) || has(LSTM_STEP_BACKWARD_SAVED, backend))
  );
}

/**
 * Whether the active backend's forward kernel keeps the activations for a backward kernel
 * that reads them (cpu and wasm: their kernels are JavaScript loops, where each exponential
 * costs about as much as the rest of a unit's arithmetic), or recomputes them (webgl).
 */
export function keepsActivations(): boolean {
  return has(LSTM_STEP_BACKWARD_SAVED, tf.getBackend());
}

/** `x` as the step kernels read it best: on webgl an unpacked texture, elsewhere `x` itself. */
export function unpacked<T extends tf.Tensor>(x: T): T {
  if (tf.getKernel(UNPACKED, tf.getBackend()) === undefined) return x;
  return tf.engine().runKernel(UNPACKED, { x } as unknown as tf.NamedTensorMap) as T;
}

/** Runs a registered kernel through the engine (so it is counted, profiled and taped as one). */
export function runStepKernel(
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: ForwardAttrs | BackwardAttrs,
): tf.Tensor2D[] {
  return tf
    .engine()
    .runKernel(
      name,
      inputs as unknown as tf.NamedTensorMap,
      attrs as unknown as tf.NamedAttrMap,
    ) as unknown as tf.Tensor2D[];
}
