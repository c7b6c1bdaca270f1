import { toDense, formatShape, type NestedNumbers } from './arrays';
import { check, checkPositiveInt, checkUnits, firstNonFinite } from './errors';
import { createRng, type Rng } from './random';

export type CellKind = 'simpleRNN' | 'lstm' | 'gru';
export type SimpleRNNActivation = 'tanh' | 'sigmoid' | 'relu';

/**
 * Which side the GRU's update gate weighs (CURRICULUM §3 axis a).
 * - `course`: h = (1 − z) ⊙ h₋₁ + z ⊙ h̃ (the course, colah's blog)
 * - `keras`:  h = z ⊙ h₋₁ + (1 − z) ⊙ h̃ (Cho et al. 2014, Keras, PyTorch, tfjs)
 */
export type UpdateGateSide = 'course' | 'keras';

/** A GRU convention: the two independent axes of CURRICULUM §3. */
export interface GruConvention {
  updateGate: UpdateGateSide;
  /** false: h̃ = tanh(W x + U (r ⊙ h₋₁) + b); true: h̃ = tanh(W x + b + r ⊙ (U h₋₁ + b_hn)). */
  resetAfter: boolean;
}

/** Named GRU conventions. Their equations are in src/core/README.md. */
export const GRU_PRESETS = {
  course: { updateGate: 'course', resetAfter: false },
  cho2014: { updateGate: 'keras', resetAfter: false },
  'keras-v1': { updateGate: 'keras', resetAfter: false },
  tfjs: { updateGate: 'keras', resetAfter: false },
  pytorch: { updateGate: 'keras', resetAfter: true },
  keras: { updateGate: 'keras', resetAfter: true },
} as const satisfies Record<string, GruConvention>;

export type GruPreset = keyof typeof GRU_PRESETS;

/** Gate (weight block) names per cell kind, in the order the lessons present them. */
export const GATE_NAMES = {
  /** SimpleRNN has one block, the one that produces h. */
  simpleRNN: ['h'],
  /** f forget, i input, candidate c̃ (PyTorch's g), o output. */
  lstm: ['f', 'i', 'candidate', 'o'],
  /** r reset, z update, candidate h̃ (PyTorch's n). */
  gru: ['r', 'z', 'candidate'],
} as const;

export type SimpleRNNGate = (typeof GATE_NAMES.simpleRNN)[number];
export type LSTMGate = (typeof GATE_NAMES.lstm)[number];
export type GRUGate = (typeof GATE_NAMES.gru)[number];

/** How many weight blocks ("gates") each kind stacks: 1, 4, 3. */
export const GATE_COUNT: Record<CellKind, number> = { simpleRNN: 1, lstm: 4, gru: 3 };

export const KIND_LABEL: Record<CellKind, string> = {
  simpleRNN: 'SimpleRNN',
  lstm: 'LSTM',
  gru: 'GRU',
};

/**
 * One gate's weights, row-major, in the x·W convention of Keras (row vector times matrix):
 * `W` is [inputSize, units] (W[d·units + j] links input d to unit j), `U` is [units, units]
 * (U[k·units + j] links h₋₁[k] to unit j), `b` is [units].
 */
export interface GateWeights {
  W: Float32Array;
  U: Float32Array;
  b: Float32Array;
}

interface ConfigBase {
  inputSize: number;
  units: number;
}

export interface SimpleRNNConfig extends ConfigBase {
  kind: 'simpleRNN';
  activation: SimpleRNNActivation;
}
export interface LSTMConfig extends ConfigBase {
  kind: 'lstm';
}
export interface GRUConfig extends ConfigBase, GruConvention {
  kind: 'gru';
}
/** What a cell computes, without its weights. */
export type CellConfig = SimpleRNNConfig | LSTMConfig | GRUConfig;

export interface SimpleRNNCell extends SimpleRNNConfig {
  gates: Record<SimpleRNNGate, GateWeights>;
}
export interface LSTMCell extends LSTMConfig {
  gates: Record<LSTMGate, GateWeights>;
}
export interface GRUCell extends GRUConfig {
  gates: Record<GRUGate, GateWeights>;
  /** The recurrent candidate bias inside the reset product [units]; null unless resetAfter. */
  bhn: Float32Array | null;
}
/** A cell: its configuration and its weights, as plain typed arrays a matrix editor can edit. */
export type Cell = SimpleRNNCell | LSTMCell | GRUCell;

/** The cell type of a kind: CellOf<'lstm'> is LSTMCell. */
export type CellOf<K extends CellKind> = K extends 'simpleRNN'
  ? SimpleRNNCell
  : K extends 'lstm'
    ? LSTMCell
    : GRUCell;

/** What `createCell` and `makeCell` take: a configuration whose optional parts have defaults. */
export type CellSpec =
  | { kind: 'simpleRNN'; inputSize: number; units: number; activation?: SimpleRNNActivation }
  | { kind: 'lstm'; inputSize: number; units: number }
  | {
      kind: 'gru';
      inputSize: number;
      units: number;
      /** A preset name or both axes; default `'course'`. */
      convention?: GruPreset | GruConvention;
    };

export function gateNames(kind: CellKind): readonly string[] {
  return GATE_NAMES[kind];
}

/** The convention of a preset name (or a convention, checked). */
export function gruConvention(convention: GruPreset | GruConvention = 'course'): GruConvention {
  if (typeof convention === 'string') {
    check(
      Object.hasOwn(GRU_PRESETS, convention),
      () =>
        `Unknown GRU preset "${convention}". Choose one of ${Object.keys(GRU_PRESETS).join(', ')}.`,
    );
    return { ...GRU_PRESETS[convention] };
  }
  check(
    typeof convention === 'object' &&
      convention !== null &&
      (convention.updateGate === 'course' || convention.updateGate === 'keras') &&
      typeof convention.resetAfter === 'boolean',
    'A GRU convention needs updateGate "course" or "keras" and resetAfter true or false.',
  );
  return { updateGate: convention.updateGate, resetAfter: convention.resetAfter };
}

/** The preset names that describe a convention (several names can share one). */
export function gruPresetsOf(convention: GruConvention): GruPreset[] {
  return (Object.keys(GRU_PRESETS) as GruPreset[]).filter(
    (name) =>
      GRU_PRESETS[name].updateGate === convention.updateGate &&
      GRU_PRESETS[name].resetAfter === convention.resetAfter,
  );
}

/** Checks a spec and fills in its defaults. */
export function cellConfig(spec: CellSpec | CellConfig): CellConfig {
  check(typeof spec === 'object' && spec !== null, 'A cell needs a description object.');
  const kind = spec.kind;
  check(
    kind === 'simpleRNN' || kind === 'lstm' || kind === 'gru',
    () => `Unknown cell kind "${String(kind)}": use "simpleRNN", "lstm" or "gru".`,
  );
  const label = KIND_LABEL[kind];
  const inputSize = checkPositiveInt(spec.inputSize, `${label} input size`);
  const units = checkUnits(spec.units, `${label} hidden size (units)`);
  switch (spec.kind) {
    case 'simpleRNN': {
      const activation = spec.activation ?? 'tanh';
      check(
        activation === 'tanh' || activation === 'sigmoid' || activation === 'relu',
        () =>
          `SimpleRNN activation must be "tanh", "sigmoid" or "relu", got "${String(activation)}".`,
      );
      return { kind: 'simpleRNN', inputSize, units, activation };
    }
    case 'lstm':
      return { kind: 'lstm', inputSize, units };
    case 'gru': {
      const convention =
        'updateGate' in spec
          ? gruConvention(spec)
          : gruConvention((spec as { convention?: GruPreset | GruConvention }).convention);
      return { kind: 'gru', inputSize, units, ...convention };
    }
  }
}

export interface InitOptions {
  /** Seed of the initialiser; same seed, same weights, bit for bit. Default 0. */
  seed?: number | string;
  /** LSTM only: start the forget-gate bias at 1 (Keras `unit_forget_bias`). Default false. */
  unitForgetBias?: boolean;
  /**
   * Multiplies the orthogonal recurrent kernels: 1 keeps them orthogonal (default); below 1
   * the gradient vanishes along time, above 1 it can explode (the BPTT lesson's dial).
   */
  recurrentScale?: number;
}

/**
 * A new cell with seeded weights: Glorot-uniform input kernels (over the whole stacked kernel,
 * limit √(6 / (inputSize + gates·units)), as Keras), orthogonal recurrent kernels (one
 * orthogonal matrix per gate block), zero biases (LSTM forget bias 1 with `unitForgetBias`).
 */
export function createCell<S extends CellSpec>(
  spec: S,
  options: InitOptions = {},
): CellOf<S['kind']> {
  const config = cellConfig(spec);
  const { inputSize: D, units: H } = config;
  const scale = options.recurrentScale ?? 1;
  check(
    Number.isFinite(scale),
    () => `recurrentScale must be a finite number, got ${String(scale)}.`,
  );
  const rng = createRng(options.seed ?? 0);
  const names = GATE_NAMES[config.kind];
  const limit = Math.sqrt(6 / (D + names.length * H));
  const gates: Record<string, GateWeights> = {};
  for (const name of names) {
    const W = new Float32Array(D * H);
    for (let k = 0; k < W.length; k++) W[k] = rng.uniform(-limit, limit);
    gates[name] = { W, U: new Float32Array(0), b: new Float32Array(H) };
  }
  for (const name of names) {
    const U = orthogonal(H, rng);
    if (scale !== 1) for (let k = 0; k < U.length; k++) U[k] = (U[k] ?? 0) * scale;
    gates[name]!.U = U;
  }
  if (config.kind === 'lstm' && options.unitForgetBias) gates.f!.b.fill(1);
  return assemble(config, gates, null) as CellOf<S['kind']>;
}

/** A seeded orthogonal [n, n] matrix: Gram–Schmidt of a Gaussian matrix (float64 inside). */
export function orthogonal(n: number, rng: Rng): Float32Array {
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = rng.normal();
    cols.push(v);
  }
  // Modified Gram–Schmidt, twice for numerical orthogonality; diag(R) > 0 as Keras's sign fix.
  for (let j = 0; j < n; j++) {
    const v = cols[j]!;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        const q = cols[k]!;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i]! * v[i]!;
        for (let i = 0; i < n; i++) v[i] = v[i]! - dot * q[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] = v[i]! / norm;
  }
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = cols[j]![i]!;
  return out;
}

/** Per-gate weights as nested arrays (or typed arrays): W [in, units], U [units, units], b [units]. */
export interface GateInput {
  W: NestedNumbers | Float32Array;
  U: NestedNumbers | Float32Array;
  b?: NestedNumbers | Float32Array;
}

/**
 * A cell from given per-gate weights, e.g. the ones a lesson writes out by hand. Shapes are
 * checked: W must be [inputSize, units], U [units, units], b [units] (zeros when left out);
 * a reset-after GRU may give `bhn` [units] (zeros when left out).
 */
export function makeCell<S extends CellSpec>(
  spec: S,
  gates: Record<string, GateInput>,
  bhn?: NestedNumbers | Float32Array,
): CellOf<S['kind']> {
  const config = cellConfig(spec);
  const { inputSize: D, units: H } = config;
  const label = KIND_LABEL[config.kind];
  const names = GATE_NAMES[config.kind];
  check(typeof gates === 'object' && gates !== null, `${label} needs an object of gate weights.`);
  for (const key of Object.keys(gates)) {
    check(
      (names as readonly string[]).includes(key),
      () => `${label} has no gate "${key}"; its gates are ${names.join(', ')}.`,
    );
  }
  const out: Record<string, GateWeights> = {};
  for (const name of names) {
    const given = gates[name];
    check(given !== undefined, () => `${label} weights are missing gate "${name}".`);
    out[name] = {
      W: readMatrix(given.W, [D, H], `${label} gate ${name} W`, `input ${D} × ${H} units`),
      U: readMatrix(given.U, [H, H], `${label} gate ${name} U`, `${H} units × ${H} units`),
      b:
        given.b === undefined
          ? new Float32Array(H)
          : readMatrix(given.b, [H], `${label} gate ${name} b`, `${H} units`),
    };
  }
  let bhnData: Float32Array | null = null;
  if (config.kind === 'gru' && config.resetAfter) {
    bhnData =
      bhn === undefined ? new Float32Array(H) : readMatrix(bhn, [H], 'GRU b_hn', `${H} units`);
  } else {
    check(bhn === undefined, 'Only a reset-after GRU has the bias b_hn.');
  }
  return assemble(config, out, bhnData) as CellOf<S['kind']>;
}

function readMatrix(
  value: NestedNumbers | Float32Array,
  shape: number[],
  what: string,
  why: string,
): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  if (value instanceof Float32Array) {
    check(
      value.length === size,
      () =>
        `${what} must hold ${size} numbers (${formatShape(shape)}: ${why}), got ${value.length}.`,
    );
    const at = firstNonFinite(value);
    check(at < 0, () => `${what} contains a non-finite value at index ${at}.`);
    return Float32Array.from(value);
  }
  const dense = toDense(value, what);
  check(
    dense.shape.length === shape.length && dense.shape.every((n, k) => n === shape[k]),
    () => `${what} must be ${formatShape(shape)} (${why}), got ${formatShape(dense.shape)}.`,
  );
  return dense.data;
}

function assemble(
  config: CellConfig,
  gates: Record<string, GateWeights>,
  bhn: Float32Array | null,
): Cell {
  switch (config.kind) {
    case 'simpleRNN':
      return { ...config, gates: gates as Record<SimpleRNNGate, GateWeights> };
    case 'lstm':
      return { ...config, gates: gates as Record<LSTMGate, GateWeights> };
    case 'gru':
      return {
        ...config,
        gates: gates as Record<GRUGate, GateWeights>,
        bhn: config.resetAfter ? (bhn ?? new Float32Array(config.units)) : null,
      };
  }
}

/** The configuration part of a cell (no weights). */
export function configOf(cell: Cell): CellConfig {
  switch (cell.kind) {
    case 'simpleRNN':
      return {
        kind: cell.kind,
        inputSize: cell.inputSize,
        units: cell.units,
        activation: cell.activation,
      };
    case 'lstm':
      return { kind: cell.kind, inputSize: cell.inputSize, units: cell.units };
    case 'gru':
      return {
        kind: cell.kind,
        inputSize: cell.inputSize,
        units: cell.units,
        updateGate: cell.updateGate,
        resetAfter: cell.resetAfter,
      };
  }
}

/** A deep copy (new typed arrays). */
export function cloneCell<C extends Cell>(cell: C): C {
  const gates: Record<string, GateWeights> = {};
  for (const [name, g] of Object.entries(cell.gates) as [string, GateWeights][]) {
    gates[name] = { W: g.W.slice(), U: g.U.slice(), b: g.b.slice() };
  }
  const bhn = cell.kind === 'gru' && cell.bhn ? cell.bhn.slice() : null;
  return assemble(configOf(cell), gates, bhn) as C;
}

/**
 * Checks that a cell's arrays have the sizes its configuration needs and hold finite numbers
 * (a matrix editor may have written anything into them).
 */
export function validateCell(cell: Cell): void {
  const config = cellConfig(cell);
  const { inputSize: D, units: H } = config;
  const label = KIND_LABEL[config.kind];
  check(typeof cell.gates === 'object' && cell.gates !== null, `${label} has no gate weights.`);
  for (const name of GATE_NAMES[config.kind]) {
    const g = (cell.gates as Record<string, GateWeights | undefined>)[name];
    check(g !== undefined, () => `${label} weights are missing gate "${name}".`);
    const parts: [string, Float32Array, number[]][] = [
      ['W', g.W, [D, H]],
      ['U', g.U, [H, H]],
      ['b', g.b, [H]],
    ];
    for (const [part, data, shape] of parts) {
      const size = shape.reduce((a, b) => a * b, 1);
      check(
        data instanceof Float32Array && data.length === size,
        () =>
          `${label} gate ${name} ${part} must be a Float32Array of ${size} numbers ` +
          `(${formatShape(shape)}), got ${data instanceof Float32Array ? data.length : typeof data}.`,
      );
      const at = firstNonFinite(data);
      check(at < 0, () => `${label} gate ${name} ${part} has a non-finite value at index ${at}.`);
    }
  }
  if (cell.kind === 'gru') {
    if (cell.resetAfter) {
      check(
        cell.bhn instanceof Float32Array && cell.bhn.length === H,
        () => `A reset-after GRU needs b_hn, a Float32Array of ${H} numbers.`,
      );
      const at = firstNonFinite(cell.bhn);
      check(at < 0, () => `GRU b_hn has a non-finite value at index ${at}.`);
    } else {
      check(cell.bhn === null, 'A reset-before GRU has no b_hn: set it to null.');
    }
  }
}

/**
 * The same function with the update gate read from the other side: negates the update gate's
 * W, U and b (since 1 − σ(a) = σ(−a)) and flips `updateGate`. Traces of h stay the same.
 */
export function flipUpdateGate(cell: GRUCell): GRUCell {
  const copy = cloneCell(cell);
  const z = copy.gates.z;
  for (const part of [z.W, z.U, z.b]) for (let k = 0; k < part.length; k++) part[k] = -part[k]!;
  copy.updateGate = cell.updateGate === 'course' ? 'keras' : 'course';
  return copy;
}

/**
 * The same weights under another convention (the function changes: that is the lesson).
 * Switching to reset-after adds a zero b_hn; switching away drops b_hn.
 */
export function withGruConvention(cell: GRUCell, convention: GruPreset | GruConvention): GRUCell {
  const next = gruConvention(convention);
  const copy = cloneCell(cell);
  copy.updateGate = next.updateGate;
  copy.resetAfter = next.resetAfter;
  copy.bhn = next.resetAfter ? (cell.bhn?.slice() ?? new Float32Array(cell.units)) : null;
  return copy;
}

/**
 * Trainable parameters of a cell, as Keras counts its layer: G·H(D + H + 1), with a second
 * bias row for a reset-after GRU, 3H(D + H + 2). (The core itself stores only the b_hn part
 * of that row; the z and r recurrent biases are redundant with the input ones.)
 */
export function cellParamCount(cell: CellConfig): number {
  const { inputSize: D, units: H } = cell;
  const biases = cell.kind === 'gru' && cell.resetAfter ? 2 : 1;
  return GATE_COUNT[cell.kind] * H * (D + H + biases);
}
