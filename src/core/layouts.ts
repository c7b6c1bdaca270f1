import {
  formatShape,
  sliceColumns,
  toDense,
  toNested,
  transpose,
  type NestedNumbers,
} from './arrays';
import {
  GATE_COUNT,
  KIND_LABEL,
  flipUpdateGate,
  makeCell,
  type Cell,
  type CellKind,
  type CellOf,
  type CellSpec,
  type GateInput,
  type GateWeights,
  type SimpleRNNActivation,
  type UpdateGateSide,
} from './cells';
import { check, checkUnits } from './errors';

/** Gate order of each library's stacked matrices (our gate names). */
export const KERAS_GATE_ORDER = {
  simpleRNN: ['h'],
  /** Keras: i, f, c, o. */
  lstm: ['i', 'f', 'candidate', 'o'],
  /** Keras: z, r, h. */
  gru: ['z', 'r', 'candidate'],
} as const;

export const PYTORCH_GATE_ORDER = {
  simpleRNN: ['h'],
  /** PyTorch: i, f, g, o. */
  lstm: ['i', 'f', 'candidate', 'o'],
  /** PyTorch: r, z, n. */
  gru: ['r', 'z', 'candidate'],
} as const;

/**
 * Keras weights of SimpleRNN / LSTM / GRU, JSON-able (what `layer.get_weights()` gives, via
 * `.tolist()`): kernel [in, G·H], recurrent_kernel [H, G·H], bias [G·H] — or [2, 3H] for a
 * GRU with reset_after=True (row 0 the input bias, row 1 the recurrent bias).
 */
export interface KerasWeights {
  kernel: number[][];
  recurrent_kernel: number[][];
  bias: number[] | number[][];
}

/** Keras weights as a named object or as the list `[kernel, recurrent_kernel, bias]`. */
export type KerasWeightsInput =
  | { kernel: NestedNumbers; recurrent_kernel: NestedNumbers; bias?: NestedNumbers }
  | readonly NestedNumbers[];

/**
 * PyTorch nn.RNN / nn.LSTM / nn.GRU state_dict entries for one layer, JSON-able:
 * weight_ih [G·H, in], weight_hh [G·H, H], bias_ih [G·H], bias_hh [G·H].
 */
export interface PyTorchWeights {
  weight_ih_l0: number[][];
  weight_hh_l0: number[][];
  bias_ih_l0: number[];
  bias_hh_l0: number[];
}

export interface ImportOptions {
  /** Expected input size; checked when given. */
  inputSize?: number;
  /** Expected hidden size; checked when given. */
  units?: number;
  /** SimpleRNN activation (Keras: default tanh; PyTorch nonlinearity: tanh or relu). */
  activation?: SimpleRNNActivation;
  /**
   * GRU: the side to store the update gate in. Both libraries use 'keras' (the default);
   * 'course' stores the same function in the course's form (update gate weights negated).
   */
  updateGate?: UpdateGateSide;
  /** GRU from Keras without a bias: whether the layer had reset_after (default true). */
  resetAfter?: boolean;
}

export interface PyTorchImportOptions extends ImportOptions {
  /** Layer index of a stacked nn module (the `_l0` suffix). Default 0. */
  layer?: number;
  /** Read the reverse direction of a bidirectional module (`_reverse`). Default false. */
  reverse?: boolean;
}

function gateWord(kind: CellKind): string {
  return kind === 'simpleRNN' ? '1 block' : `${GATE_COUNT[kind]} gates`;
}

function matrix(value: unknown, what: string): { data: Float32Array; rows: number; cols: number } {
  check(value !== undefined && value !== null, () => `${what} is missing.`);
  const dense = toDense(value, what);
  check(
    dense.shape.length === 2,
    () => `${what} must be a matrix (2 dimensions), got shape ${formatShape(dense.shape)}.`,
  );
  return { data: dense.data, rows: dense.shape[0]!, cols: dense.shape[1]! };
}

function expectSize(given: number | undefined, actual: number, what: string): void {
  if (given !== undefined) {
    check(
      given === actual,
      () => `${what} is ${actual} in these weights, but ${given} was expected.`,
    );
  }
}

function specFor(
  kind: CellKind,
  inputSize: number,
  units: number,
  options: ImportOptions,
): CellSpec {
  if (kind === 'simpleRNN')
    return { kind, inputSize, units, activation: options.activation ?? 'tanh' };
  if (kind === 'lstm') return { kind, inputSize, units };
  return { kind, inputSize, units, convention: { updateGate: 'keras', resetAfter: true } };
}

function checkKind(kind: unknown): asserts kind is CellKind {
  check(
    kind === 'simpleRNN' || kind === 'lstm' || kind === 'gru',
    () => `Unknown cell kind "${String(kind)}": use "simpleRNN", "lstm" or "gru".`,
  );
}

/**
 * A cell from Keras weights. Gate order i, f, c, o (LSTM) and z, r, h (GRU); a GRU's bias
 * shape tells reset_after ([2, 3H]) from reset-before ([3H]). The two bias rows of a
 * reset-after GRU add for z and r; the recurrent candidate bias stays inside the reset
 * product as b_hn.
 */
export function importKerasWeights<K extends CellKind>(
  kind: K,
  weights: KerasWeightsInput,
  options: ImportOptions = {},
): CellOf<K> {
  checkKind(kind);
  const label = KIND_LABEL[kind];
  check(
    typeof weights === 'object' && weights !== null,
    `${label} Keras weights must be an object or a list.`,
  );
  const [kernelIn, recurrentIn, biasIn] = Array.isArray(weights)
    ? [weights[0], weights[1], weights[2]]
    : [
        (weights as { kernel: unknown }).kernel,
        (weights as { recurrent_kernel: unknown }).recurrent_kernel,
        (weights as { bias?: unknown }).bias,
      ];
  const G = GATE_COUNT[kind];
  const rec = matrix(recurrentIn, `${label} recurrent_kernel`);
  const H = rec.rows;
  checkUnits(H, `${label} units (rows of recurrent_kernel)`);
  check(
    rec.cols === G * H,
    () =>
      `${label} recurrent_kernel must be [${H}, ${G * H}] (${H} units × ${gateWord(kind)} × ${H} units), ` +
      `got [${rec.rows}, ${rec.cols}].`,
  );
  const ker = matrix(kernelIn, `${label} kernel`);
  const D = ker.rows;
  check(
    ker.cols === G * H && D >= 1,
    () =>
      `${label} kernel must be [${D}, ${G * H}] (input ${D} × ${gateWord(kind)} × ${H} units), ` +
      `got [${ker.rows}, ${ker.cols}].`,
  );
  expectSize(options.inputSize, D, `${label} input size`);
  expectSize(options.units, H, `${label} units`);

  let inputBias: Float32Array = new Float32Array(G * H);
  let recurrentBias: Float32Array | null = null;
  if (biasIn !== undefined && biasIn !== null) {
    const bias = toDense(biasIn, `${label} bias`);
    const resetAfterShape = kind === 'gru' && bias.shape.length === 2;
    if (resetAfterShape) {
      check(
        bias.shape[0] === 2 && bias.shape[1] === G * H,
        () =>
          `GRU bias with reset_after must be [2, ${G * H}] (input row and recurrent row × 3 gates × ${H} units), ` +
          `got ${formatShape(bias.shape)}.`,
      );
      inputBias = bias.data.slice(0, G * H);
      recurrentBias = bias.data.slice(G * H);
    } else {
      check(
        bias.shape.length === 1 && bias.shape[0] === G * H,
        () =>
          `${label} bias must be [${G * H}] (${gateWord(kind)} × ${H} units)` +
          (kind === 'gru' ? `, or [2, ${G * H}] with reset_after` : '') +
          `, got ${formatShape(bias.shape)}.`,
      );
      inputBias = bias.data;
    }
  }
  const resetAfter =
    kind === 'gru'
      ? biasIn == null
        ? (options.resetAfter ?? true)
        : recurrentBias !== null
      : false;
  if (kind === 'gru' && options.resetAfter !== undefined) {
    check(
      options.resetAfter === resetAfter,
      () =>
        `These GRU weights are ${resetAfter ? 'reset_after=True (bias [2, 3H])' : 'reset_after=False (bias [3H])'}, ` +
        `but resetAfter ${options.resetAfter} was asked for.`,
    );
  }

  const order = KERAS_GATE_ORDER[kind] as readonly string[];
  const gates: Record<string, GateInput> = {};
  order.forEach((name, k) => {
    const b = inputBias.slice(k * H, (k + 1) * H);
    if (recurrentBias && name !== 'candidate') {
      for (let j = 0; j < H; j++) b[j] = b[j]! + recurrentBias[k * H + j]!;
    }
    gates[name] = {
      W: sliceColumns(ker.data, D, G * H, k * H, H),
      U: sliceColumns(rec.data, H, G * H, k * H, H),
      b,
    };
  });
  const spec = specFor(kind, D, H, options);
  if (spec.kind === 'gru') spec.convention = { updateGate: 'keras', resetAfter };
  const bhn = recurrentBias ? recurrentBias.slice(2 * H, 3 * H) : undefined;
  const cell = makeCell(spec, gates, resetAfter ? (bhn ?? new Float32Array(H)) : undefined);
  return finishGru(cell, options) as CellOf<K>;
}

function finishGru(cell: Cell, options: ImportOptions): Cell {
  if (cell.kind !== 'gru') {
    check(options.updateGate === undefined, 'updateGate applies to GRU weights only.');
    return cell;
  }
  const side = options.updateGate ?? 'keras';
  check(side === 'keras' || side === 'course', 'updateGate must be "course" or "keras".');
  return side === 'course' ? flipUpdateGate(cell) : cell;
}

/** The cell in keras's update-gate side (a copy with z negated when stored in the course's). */
function kerasSide(cell: Cell): Cell {
  return cell.kind === 'gru' && cell.updateGate === 'course' ? flipUpdateGate(cell) : cell;
}

function stackRows(blocks: Float32Array[], rows: number, width: number): Float32Array {
  const cols = blocks.length * width;
  const out = new Float32Array(rows * cols);
  blocks.forEach((block, k) => {
    for (let r = 0; r < rows; r++)
      out.set(block.subarray(r * width, (r + 1) * width), r * cols + k * width);
  });
  return out;
}

/**
 * Keras weights of a cell (JSON-able). A GRU stored in the course's update-gate side is
 * converted (z negated) so the Keras layer computes the same function; a reset-after GRU gets
 * the [2, 3H] bias (biases in row 0, b_hn in row 1, zeros elsewhere).
 */
export function exportKerasWeights(cell: Cell): KerasWeights {
  const c = kerasSide(cell);
  const { inputSize: D, units: H } = c;
  const order = KERAS_GATE_ORDER[c.kind] as readonly string[];
  const G = order.length;
  const gates = c.gates as Record<string, GateWeights>;
  const blocks = (part: 'W' | 'U' | 'b') => order.map((n) => gates[n]![part]);
  const kernel = toNested(stackRows(blocks('W'), D, H), [D, G * H]) as number[][];
  const recurrentKernel = toNested(stackRows(blocks('U'), H, H), [H, G * H]) as number[][];
  const bias = Array.from(stackRows(blocks('b'), 1, H));
  if (c.kind === 'gru' && c.resetAfter) {
    const second = new Array<number>(G * H).fill(0);
    c.bhn!.forEach((v, j) => (second[2 * H + j] = v));
    return { kernel, recurrent_kernel: recurrentKernel, bias: [bias, second] };
  }
  return { kernel, recurrent_kernel: recurrentKernel, bias };
}

function findKey(
  dict: Record<string, unknown>,
  base: string,
  layer: number,
  reverse: boolean,
): unknown {
  const suffix = reverse ? '_reverse' : '';
  const names = [`${base}_l${layer}${suffix}`, ...(layer === 0 && !reverse ? [base] : [])];
  for (const name of names) if (name in dict) return dict[name];
  const keys = Object.keys(dict);
  for (const name of names) {
    const hit = keys.find((k) => k.endsWith(`.${name}`));
    if (hit !== undefined) return dict[hit];
  }
  return undefined;
}

/**
 * A cell from a PyTorch state_dict of nn.RNN / nn.LSTM / nn.GRU (or the ...Cell modules):
 * weight_ih [G·H, in], weight_hh [G·H, H], bias_ih, bias_hh; gate order i, f, g, o (LSTM) and
 * r, z, n (GRU). LSTM's and RNN's two biases add; GRU's r and z biases add while b_hn stays
 * inside the reset product. PyTorch's GRU is the reset-after, keras-side convention.
 */
export function importPyTorchWeights<K extends CellKind>(
  kind: K,
  stateDict: Record<string, unknown>,
  options: PyTorchImportOptions = {},
): CellOf<K> {
  checkKind(kind);
  const label = KIND_LABEL[kind];
  check(
    typeof stateDict === 'object' && stateDict !== null,
    `${label} PyTorch weights must be an object (a state_dict).`,
  );
  const layer = options.layer ?? 0;
  const reverse = options.reverse ?? false;
  const suffix = `_l${layer}${reverse ? '_reverse' : ''}`;
  const G = GATE_COUNT[kind];
  const hh = matrix(findKey(stateDict, 'weight_hh', layer, reverse), `${label} weight_hh${suffix}`);
  const H = hh.cols;
  checkUnits(H, `${label} hidden size (columns of weight_hh${suffix})`);
  check(
    hh.rows === G * H,
    () =>
      `${label} weight_hh${suffix} must be [${G * H}, ${H}] (${gateWord(kind)} × ${H} units × ${H} units), ` +
      `got [${hh.rows}, ${hh.cols}].`,
  );
  const ih = matrix(findKey(stateDict, 'weight_ih', layer, reverse), `${label} weight_ih${suffix}`);
  const D = ih.cols;
  check(
    ih.rows === G * H && D >= 1,
    () =>
      `${label} weight_ih${suffix} must be [${G * H}, ${D}] (${gateWord(kind)} × ${H} units × input ${D}), ` +
      `got [${ih.rows}, ${ih.cols}].`,
  );
  expectSize(options.inputSize, D, `${label} input size`);
  expectSize(options.units, H, `${label} units`);
  const readBias = (base: string): Float32Array => {
    const value = findKey(stateDict, base, layer, reverse);
    if (value === undefined || value === null) return new Float32Array(G * H);
    const bias = toDense(value, `${label} ${base}${suffix}`);
    check(
      bias.shape.length === 1 && bias.shape[0] === G * H,
      () =>
        `${label} ${base}${suffix} must be [${G * H}] (${gateWord(kind)} × ${H} units), got ${formatShape(bias.shape)}.`,
    );
    return bias.data;
  };
  const bIH = readBias('bias_ih');
  const bHH = readBias('bias_hh');
  if (kind === 'simpleRNN') {
    const activation = options.activation ?? 'tanh';
    check(
      activation === 'tanh' || activation === 'relu',
      () => `PyTorch's nn.RNN has nonlinearity "tanh" or "relu", not "${activation}".`,
    );
  }
  if (kind === 'gru' && options.resetAfter !== undefined) {
    check(
      options.resetAfter,
      "PyTorch's GRU applies the reset gate after the recurrent product (resetAfter true).",
    );
  }
  const order = PYTORCH_GATE_ORDER[kind] as readonly string[];
  const Wt = transpose(ih.data, G * H, D); // [D, G·H]
  const Ut = transpose(hh.data, G * H, H); // [H, G·H]
  const gates: Record<string, GateInput> = {};
  let bhn: Float32Array | undefined;
  order.forEach((name, k) => {
    const b = bIH.slice(k * H, (k + 1) * H);
    if (kind === 'gru' && name === 'candidate') bhn = bHH.slice(k * H, (k + 1) * H);
    else for (let j = 0; j < H; j++) b[j] = b[j]! + bHH[k * H + j]!;
    gates[name] = {
      W: sliceColumns(Wt, D, G * H, k * H, H),
      U: sliceColumns(Ut, H, G * H, k * H, H),
      b,
    };
  });
  const cell = makeCell(specFor(kind, D, H, options), gates, bhn);
  return finishGru(cell, options) as CellOf<K>;
}

/**
 * PyTorch state_dict entries of a cell (layer 0). The whole bias goes to bias_ih (bias_hh is
 * zero) except a GRU's b_hn, which goes to bias_hh's n block. PyTorch cannot hold a
 * reset-before GRU nor a sigmoid SimpleRNN: those throw.
 */
export function exportPyTorchWeights(cell: Cell): PyTorchWeights {
  const c = kerasSide(cell);
  check(
    c.kind !== 'gru' || c.resetAfter,
    "PyTorch's GRU applies the reset gate after the recurrent product; this GRU applies it before, so PyTorch cannot hold it.",
  );
  check(
    c.kind !== 'simpleRNN' || c.activation !== 'sigmoid',
    "PyTorch's nn.RNN has no sigmoid nonlinearity (only tanh and relu).",
  );
  const { inputSize: D, units: H } = c;
  const order = PYTORCH_GATE_ORDER[c.kind] as readonly string[];
  const G = order.length;
  const gates = c.gates as Record<string, GateWeights>;
  const W = stackRows(
    order.map((n) => gates[n]!.W),
    D,
    H,
  ); // [D, G·H]
  const U = stackRows(
    order.map((n) => gates[n]!.U),
    H,
    H,
  ); // [H, G·H]
  const biasIH = stackRows(
    order.map((n) => gates[n]!.b),
    1,
    H,
  );
  const biasHH = new Float32Array(G * H);
  if (c.kind === 'gru' && c.bhn) biasHH.set(c.bhn, 2 * H);
  return {
    weight_ih_l0: toNested(transpose(W, D, G * H), [G * H, D]) as number[][],
    weight_hh_l0: toNested(transpose(U, H, G * H), [G * H, H]) as number[][],
    bias_ih_l0: Array.from(biasIH),
    bias_hh_l0: Array.from(biasHH),
  };
}
