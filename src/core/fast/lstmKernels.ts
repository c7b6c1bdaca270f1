// One LSTM time step's element-wise work as ONE tfjs kernel, forward and backward, for the cpu,
// wasm and webgl backends. Written through tf.registerKernel (tfjs's extension point for new
// kernels): the gate activations, the cell update and the output gate of a step would
// otherwise be about ten tiny kernels, each paying a dispatch and a pass over a few kB.
//
// Layouts (feature-major, batch last, as `unroll` works; gate rows in STACK_ORDER i, f, o, c̃):
//   rz    [4H, B]        the step's recurrent product Uᵀ·h₋₁ (forward) — or all steps' stacked,
//                        [T, 4H, B] (backward)
//   xz    [4H, T·B]      every step's input product Wᵀ·x_t, column t·B + b
//   bias  [4H]
//   cAll  [T + 1, H, B]  c₋₁ (the initial state), c_0 … c_{T−1}
//   dOut  [K, H, B]      the gradient reaching the layer's output: K = T + 1 slots
//                        (h_0 … h_{T−1}, then c_{T−1}) with sequences, else K = 2 (h_{T−1}, c_{T−1})
import * as tf from '@tensorflow/tfjs';

export const LSTM_STEP_FORWARD = 'GatebookLstmStepForward';
export const LSTM_STEP_BACKWARD = 'GatebookLstmStepBackward';

export interface ForwardAttrs {
  t: number;
  T: number;
}
export interface BackwardAttrs extends ForwardAttrs {
  /** true: dOut holds a gradient for every step's h (return sequences); false: only the last. */
  sequences: boolean;
}

type Info = tf.TensorInfo;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

// ---------------------------------------------------------------------------------------------
// The arithmetic, on plain arrays (cpu and wasm share it; float64 inside, float32 out)

function forwardArrays(
  rz: Float32Array,
  xz: Float32Array,
  bias: Float32Array,
  cPrev: Float32Array,
  cOut: Float32Array,
  hOut: Float32Array,
  H: number,
  B: number,
  t: number,
  T: number,
): void {
  const TB = T * B;
  const xOff = t * B;
  for (let j = 0; j < H; j++) {
    const bi = bias[j]!;
    const bf = bias[H + j]!;
    const bo = bias[2 * H + j]!;
    const bg = bias[3 * H + j]!;
    for (let b = 0; b < B; b++) {
      const i = sigmoid(rz[j * B + b]! + xz[j * TB + xOff + b]! + bi);
      const f = sigmoid(rz[(H + j) * B + b]! + xz[(H + j) * TB + xOff + b]! + bf);
      const o = sigmoid(rz[(2 * H + j) * B + b]! + xz[(2 * H + j) * TB + xOff + b]! + bo);
      const g = Math.tanh(rz[(3 * H + j) * B + b]! + xz[(3 * H + j) * TB + xOff + b]! + bg);
      const k = j * B + b;
      const c = Math.fround(f * cPrev[k]! + i * g);
      cOut[k] = c;
      hOut[k] = o * Math.tanh(c);
    }
  }
}

function backwardArrays(
  rzAll: Float32Array,
  xz: Float32Array,
  bias: Float32Array,
  cAll: Float32Array,
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
  const TB = T * B;
  const HB = H * B;
  const xOff = t * B;
  const rzOff = t * 4 * HB;
  const last = t === T - 1;
  const K = sequences ? T + 1 : 2;
  const hSlot = sequences ? t : last ? 0 : -1;
  const cSlot = K - 1;
  for (let j = 0; j < H; j++) {
    for (let b = 0; b < B; b++) {
      const k = j * B + b;
      const zi = rzAll[rzOff + j * B + b]! + xz[j * TB + xOff + b]! + bias[j]!;
      const zf = rzAll[rzOff + (H + j) * B + b]! + xz[(H + j) * TB + xOff + b]! + bias[H + j]!;
      const zo =
        rzAll[rzOff + (2 * H + j) * B + b]! + xz[(2 * H + j) * TB + xOff + b]! + bias[2 * H + j]!;
      const zg =
        rzAll[rzOff + (3 * H + j) * B + b]! + xz[(3 * H + j) * TB + xOff + b]! + bias[3 * H + j]!;
      const i = sigmoid(zi);
      const f = sigmoid(zf);
      const o = sigmoid(zo);
      const g = Math.tanh(zg);
      const cp = cAll[t * HB + k]!;
      const tc = Math.tanh(cAll[(t + 1) * HB + k]!);
      let dh = dhRec ? dhRec[k]! : 0;
      if (hSlot >= 0) dh += dOut[hSlot * HB + k]!;
      const dc = (dcNext ? dcNext[k]! : dOut[cSlot * HB + k]!) + dh * o * (1 - tc * tc);
      dz[j * B + b] = dc * g * i * (1 - i);
      dz[(H + j) * B + b] = dc * cp * f * (1 - f);
      dz[(2 * H + j) * B + b] = dh * tc * o * (1 - o);
      dz[(3 * H + j) * B + b] = dc * i * (1 - g * g);
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
}

function wasmAccess(backend: WasmBackendLike): ArrayAccess {
  // Views into the wasm heap: taken after every allocation (a growing heap detaches them).
  return {
    read: (info) => backend.typedArrayFromHeap(info),
    alloc: (shape) => backend.makeOutput(shape, 'float32'),
    values: (info) => backend.typedArrayFromHeap(info),
  };
}

function arrayKernels(access: (backend: unknown) => ArrayAccess) {
  const forward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
    const { rz, xz, bias, cPrev } = inputs as Record<string, Info>;
    const { t, T } = attrs as unknown as ForwardAttrs;
    const [H, B] = cPrev!.shape as [number, number];
    const a = access(backend);
    const c = a.alloc([H, B]);
    const h = a.alloc([H, B]);
    forwardArrays(
      a.read(rz!),
      a.read(xz!),
      a.read(bias!),
      a.read(cPrev!),
      a.values(c),
      a.values(h),
      H,
      B,
      t,
      T,
    );
    return [c, h];
  };
  const backward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
    const { rz, xz, bias, cAll, dOut, dhRec, dcNext } = inputs as Record<string, Info | undefined>;
    const at = attrs as unknown as BackwardAttrs;
    const [, H, B] = cAll!.shape as [number, number, number];
    const a = access(backend);
    const dz = a.alloc([4 * H, B]);
    const dcPrev = a.alloc([H, B]);
    backwardArrays(
      a.read(rz!),
      a.read(xz!),
      a.read(bias!),
      a.read(cAll!),
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
  return { forward, backward };
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

/** The four pre-activations of unit j, batch column b, at step `t` (a uniform). */
const glslPre = (H: number, rzAll: boolean) => {
  const rz = (row: string) => (rzAll ? `getRZ(t, ${row}, b)` : `getRZ(${row}, b)`);
  return `
    float zi = ${rz('j')} + getXZ(j, t * B + b) + getBias(j);
    float zf = ${rz(`${H} + j`)} + getXZ(${H} + j, t * B + b) + getBias(${H} + j);
    float zo = ${rz(`${2 * H} + j`)} + getXZ(${2 * H} + j, t * B + b) + getBias(${2 * H} + j);
    float zg = ${rz(`${3 * H} + j`)} + getXZ(${3 * H} + j, t * B + b) + getBias(${3 * H} + j);
    float i = gbSigmoid(zi);
    float f = gbSigmoid(zf);
    float o = gbSigmoid(zo);
    float g = gbTanh(zg);`;
};

function webglForwardPrograms(H: number, B: number): [WebglProgram, WebglProgram] {
  const c: WebglProgram = {
    variableNames: ['RZ', 'XZ', 'Bias', 'CPrev'],
    outputShape: [H, B],
    customUniforms: [{ name: 'gbStep', type: 'int' }],
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int j = coords.x;
        int b = coords.y;
        const int B = ${B};
        ${glslPre(H, false)}
        setOutput(f * getCPrev(j, b) + i * g);
      }`,
  };
  const h: WebglProgram = {
    variableNames: ['RZ', 'XZ', 'Bias', 'C'],
    outputShape: [H, B],
    customUniforms: [{ name: 'gbStep', type: 'int' }],
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int j = coords.x;
        int b = coords.y;
        const int B = ${B};
        float o = gbSigmoid(getRZ(${2 * H} + j, b) + getXZ(${2 * H} + j, t * B + b) +
          getBias(${2 * H} + j));
        setOutput(o * gbTanh(getC(j, b)));
      }`,
  };
  return [c, h];
}

/**
 * The backward step's programs: `dz` [4H, B] (each texel picks its gate's row block) and
 * `dcPrev` [H, B]. `hasRec` false at the last step (no gradient from a later step yet).
 */
function webglBackwardPrograms(
  H: number,
  B: number,
  T: number,
  sequences: boolean,
  hasRec: boolean,
): [WebglProgram, WebglProgram] {
  const K = sequences ? T + 1 : 2;
  const names = ['RZ', 'XZ', 'Bias', 'CAll', 'DOut', ...(hasRec ? ['DhRec', 'DcNext'] : [])];
  const common = `
    ${glslPre(H, true)}
    float cp = getCAll(t, j, b);
    float tc = gbTanh(getCAll(t + 1, j, b));
    float dh = ${hasRec ? 'getDhRec(j, b)' : '0.0'};
    ${sequences ? 'dh += getDOut(t, j, b);' : hasRec ? '' : 'dh += getDOut(0, j, b);'}
    float dc = ${hasRec ? 'getDcNext(j, b)' : `getDOut(${K - 1}, j, b)`} + dh * o * (1.0 - tc * tc);`;
  const dz: WebglProgram = {
    variableNames: names,
    outputShape: [4 * H, B],
    customUniforms: [{ name: 'gbStep', type: 'int' }],
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int row = coords.x;
        int b = coords.y;
        int gate = row / ${H};
        int j = row - gate * ${H};
        const int B = ${B};
        ${common}
        float value;
        if (gate == 0) value = dc * g * i * (1.0 - i);
        else if (gate == 1) value = dc * cp * f * (1.0 - f);
        else if (gate == 2) value = dh * tc * o * (1.0 - o);
        else value = dc * i * (1.0 - g * g);
        setOutput(value);
      }`,
  };
  const dcPrev: WebglProgram = {
    variableNames: names,
    outputShape: [H, B],
    customUniforms: [{ name: 'gbStep', type: 'int' }],
    userCode: `${GLSL_HELPERS}
      void main() {
        ivec2 coords = getOutputCoords();
        int t = gbStep;
        int j = coords.x;
        int b = coords.y;
        const int B = ${B};
        ${common}
        setOutput(dc * f);
      }`,
  };
  return [dz, dcPrev];
}

const webglForward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { rz, xz, bias, cPrev } = inputs as Record<string, Info>;
  const { t } = attrs as unknown as ForwardAttrs;
  const [H, B] = cPrev!.shape as [number, number];
  const gl = backend as unknown as WebglBackendLike;
  const [cProgram, hProgram] = webglForwardPrograms(H, B);
  const c = gl.compileAndRun(cProgram, [rz!, xz!, bias!, cPrev!], 'float32', [[t]]);
  const h = gl.compileAndRun(hProgram, [rz!, xz!, bias!, c], 'float32', [[t]]);
  return [c, h];
};

const webglBackward: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { rz, xz, bias, cAll, dOut, dhRec, dcNext } = inputs as Record<string, Info | undefined>;
  const { t, T, sequences } = attrs as unknown as BackwardAttrs;
  const [, H, B] = cAll!.shape as [number, number, number];
  const gl = backend as unknown as WebglBackendLike;
  const hasRec = dhRec !== undefined && dcNext !== undefined;
  const [dzProgram, dcProgram] = webglBackwardPrograms(H, B, T, sequences, hasRec);
  const ins = [rz!, xz!, bias!, cAll!, dOut!, ...(hasRec ? [dhRec!, dcNext!] : [])];
  const dz = gl.compileAndRun(dzProgram, ins, 'float32', [[t]]);
  const dc = gl.compileAndRun(dcProgram, ins, 'float32', [[t]]);
  return [dz, dc];
};

// ---------------------------------------------------------------------------------------------
// Registration

const cpu = arrayKernels((b) => cpuAccess(b as CpuBackendLike));
const wasm = arrayKernels((b) => wasmAccess(b as WasmBackendLike));
const IMPLEMENTATIONS: Record<string, { forward: tf.KernelFunc; backward: tf.KernelFunc }> = {
  cpu,
  wasm,
  webgl: { forward: webglForward, backward: webglBackward },
};

let registered = false;

/** Registers the kernels for cpu, wasm and webgl (once; harmless before those backends load). */
export function registerLstmKernels(): void {
  if (registered) return;
  registered = true;
  for (const [backendName, k] of Object.entries(IMPLEMENTATIONS)) {
    if (!tf.getKernel(LSTM_STEP_FORWARD, backendName)) {
      tf.registerKernel({ kernelName: LSTM_STEP_FORWARD, backendName, kernelFunc: k.forward });
    }
    if (!tf.getKernel(LSTM_STEP_BACKWARD, backendName)) {
      tf.registerKernel({ kernelName: LSTM_STEP_BACKWARD, backendName, kernelFunc: k.backward });
    }
  }
}

/** Whether the active backend has the fused step kernels (cpu, wasm, webgl do). */
export function lstmKernelsAvailable(): boolean {
  registerLstmKernels();
  const backend = tf.getBackend();
  return (
    backend !== undefined &&
    tf.getKernel(LSTM_STEP_FORWARD, backend) !== undefined &&
    tf.getKernel(LSTM_STEP_BACKWARD, backend) !== undefined
  );
}

/** Runs a registered kernel through the engine (so it is counted, profiled and taped as one). */
export function runStepKernel(
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: ForwardAttrs | BackwardAttrs,
): [tf.Tensor2D, tf.Tensor2D] {
  return tf.engine().runKernel(
    name,
    inputs as unknown as tf.NamedTensorMap,
    attrs as unknown as tf.NamedAttrMap,
  ) as unknown as [tf.Tensor2D, tf.Tensor2D];
}
