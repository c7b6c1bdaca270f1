import * as tf from '@tensorflow/tfjs';
import { concatColumns } from '../arrays';
import {
  GATE_COUNT,
  cellConfig,
  createCell,
  type CellConfig,
  type CellSpec,
  type GateWeights,
} from '../cells';
import { KERAS_GATE_ORDER } from '../layouts';
import type { DenseActivation, LayerKind } from '../params';
import { createRng, type Rng } from '../random';
import { unroll, type CellTensors } from '../unroll';
import type { MergeMode, ModelLayerSpec, ModelRecurrentSpec } from './spec';

/** Keras's BatchNormalization defaults. */
export const BATCH_NORM_MOMENTUM = 0.99;
export const BATCH_NORM_EPSILON = 1e-3;
/** Keras's Embedding initialiser: uniform(−0.05, 0.05). */
export const EMBEDDING_INIT_LIMIT = 0.05;

/** One weight tensor of a built model, in Keras's naming and layout. */
export interface ModelWeight {
  /** Keras-style: `lstm/kernel`, `bidirectional/backward_lstm/bias`, `dense_1/kernel`, … */
  name: string;
  /** The Keras layer name it belongs to (`lstm_1`, `batch_normalization`, …). */
  layer: string;
  shape: number[];
  /** false for BatchNormalization's moving mean and variance. */
  trainable: boolean;
  variable: tf.Variable;
}

export interface ApplyContext {
  training: boolean;
  /** The model's seeded stream for dropout masks. */
  dropoutRng: Rng;
}

export interface BuiltLayer {
  name: string;
  kind: LayerKind;
  weights: ModelWeight[];
  apply(x: tf.Tensor, ctx: ApplyContext): tf.Tensor;
}

export interface BuiltDense extends BuiltLayer {
  kind: 'dense';
  activation: DenseActivation;
  /** x·W + b, before the activation. */
  linear(x: tf.Tensor): tf.Tensor;
  activate(pre: tf.Tensor): tf.Tensor;
}

/** What a layer's builder needs: where its weights go and where its seeds come from. */
export interface BuildContext {
  /** Prefix of the tfjs variable names (unique per model). */
  prefix: string;
  /** Draws one 32-bit seed per initialised weight block. */
  seeds: Rng;
  /** Every variable created so far (so a failed build can dispose them). */
  created: tf.Variable[];
}

function variable(
  ctx: BuildContext,
  layer: string,
  name: string,
  data: Float32Array,
  shape: number[],
  trainable = true,
): ModelWeight {
  const full = `${layer}/${name}`;
  const v = tf.tidy(() =>
    tf.variable(tf.tensor(data, shape, 'float32'), trainable, `${ctx.prefix}/${full}`),
  );
  ctx.created.push(v);
  return { name: full, layer, shape: [...shape], trainable, variable: v };
}

const seedOf = (rng: Rng) => rng.int(0x100000000);

/** Glorot-uniform [rows, cols]: uniform(±√(6 / (rows + cols))), as Keras's default kernels. */
function glorotUniform(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (rows + cols));
  const out = new Float32Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = rng.uniform(-limit, limit);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recurrent layers

/** A recurrent layer's configuration and its Keras-layout weights. */
interface RecurrentWeights {
  config: CellConfig;
  /** [D, G·H], Keras gate order (LSTM i, f, c, o; GRU z, r, h). */
  kernel: ModelWeight;
  /** [H, G·H]. */
  recurrentKernel: ModelWeight;
  /** [G·H], or [2, 3H] for a reset-after GRU (input row, recurrent row); null without bias. */
  bias: ModelWeight | null;
}

function recurrentConfig(spec: ModelRecurrentSpec, inputSize: number): CellConfig {
  switch (spec.kind) {
    case 'simpleRNN':
      return cellConfig({
        kind: 'simpleRNN',
        inputSize,
        units: spec.units,
        activation: spec.activation ?? 'tanh',
      });
    case 'lstm':
      return cellConfig({ kind: 'lstm', inputSize, units: spec.units });
    case 'gru':
      return cellConfig({
        kind: 'gru',
        inputSize,
        units: spec.units,
        convention: { updateGate: spec.updateGate ?? 'keras', resetAfter: spec.resetAfter ?? true },
      });
  }
}

/**
 * Seeded weights in Keras's layout, drawn by the core's `createCell` (Glorot-uniform kernel over
 * the stacked kernel, an orthogonal recurrent block per gate, zero biases, LSTM forget bias 1
 * with unitForgetBias): a layer built with seed s holds the weights of createCell(…, { seed: s }).
 */
function buildRecurrentWeights(
  ctx: BuildContext,
  spec: ModelRecurrentSpec,
  inputSize: number,
  layer: string,
  prefix: string,
): RecurrentWeights {
  const config = recurrentConfig(spec, inputSize);
  const { units: H, inputSize: D } = config;
  const G = GATE_COUNT[config.kind];
  const cellSpec: CellSpec =
    config.kind === 'gru'
      ? {
          kind: 'gru',
          inputSize: D,
          units: H,
          convention: { updateGate: config.updateGate, resetAfter: config.resetAfter },
        }
      : config;
  const cell = createCell(cellSpec, {
    seed: seedOf(ctx.seeds),
    unitForgetBias: spec.unitForgetBias === true,
  });
  const gates = cell.gates as Record<string, GateWeights>;
  const order = KERAS_GATE_ORDER[config.kind] as readonly string[];
  const blocks = (part: 'W' | 'U' | 'b') => order.map((n) => gates[n]![part]);
  const kernel = variable(ctx, layer, `${prefix}kernel`, concatColumns(blocks('W'), D, H), [
    D,
    G * H,
  ]);
  const recurrentKernel = variable(
    ctx,
    layer,
    `${prefix}recurrent_kernel`,
    concatColumns(blocks('U'), H, H),
    [H, G * H],
  );
  let bias: ModelWeight | null = null;
  if (spec.useBias ?? true) {
    const b = concatColumns(blocks('b'), 1, H);
    if (config.kind === 'gru' && config.resetAfter) {
      // Keras's reset_after bias [2, 3H]: input biases in row 0, recurrent biases in row 1.
      const rows = new Float32Array(2 * G * H);
      rows.set(b);
      bias = variable(ctx, layer, `${prefix}bias`, rows, [2, G * H]);
    } else {
      bias = variable(ctx, layer, `${prefix}bias`, b, [G * H]);
    }
  }
  return { config, kernel, recurrentKernel, bias };
}

/** LSTM Keras blocks i, f, c, o → the core's STACK_ORDER i, f, o, c along `axis`. */
function lstmToStackOrder(m: tf.Tensor, H: number, axis: 0 | 1): tf.Tensor {
  const [ifBlock, c, o] = tf.split(m, [2 * H, H, H], axis);
  return tf.concat([ifBlock!, o!, c!], axis);
}

/** The core's stacked CellTensors from Keras-layout variables (differentiable). */
function cellTensorsOf(w: RecurrentWeights): CellTensors {
  const { config } = w;
  const H = config.units;
  const G = GATE_COUNT[config.kind];
  let kernel: tf.Tensor = w.kernel.variable;
  let recurrentKernel: tf.Tensor = w.recurrentKernel.variable;
  let bias: tf.Tensor = w.bias ? w.bias.variable : tf.zeros([G * H]);
  let bhn: tf.Tensor | null = null;
  if (config.kind === 'lstm') {
    kernel = lstmToStackOrder(kernel, H, 1);
    recurrentKernel = lstmToStackOrder(recurrentKernel, H, 1);
    bias = lstmToStackOrder(bias, H, 0);
  } else if (config.kind === 'gru' && config.resetAfter && w.bias) {
    // Keras's [2, 3H] bias: the rows add for z and r; the candidate's recurrent bias b_hn stays
    // inside the reset product.
    const [input, recurrent] = tf.unstack(w.bias.variable, 0) as [tf.Tensor1D, tf.Tensor1D];
    const [zr, hn] = tf.split(recurrent, [2 * H, H]);
    bias = tf.add(input, tf.concat([zr!, tf.zeros([H])]));
    bhn = hn!;
  }
  return {
    kernel: kernel as tf.Tensor2D,
    recurrentKernel: recurrentKernel as tf.Tensor2D,
    bias: bias as tf.Tensor1D,
    bhn: bhn as tf.Tensor1D | null,
  };
}

function runRecurrent(w: RecurrentWeights, x: tf.Tensor, returnSequences: boolean): tf.Tensor {
  const out = unroll(w.config, cellTensorsOf(w), x as tf.Tensor3D, { returnSequences });
  return returnSequences ? out.hs! : out.hLast;
}

function merge(mode: MergeMode, a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  switch (mode) {
    case 'concat':
      return tf.concat([a, b], -1);
    case 'sum':
      return tf.add(a, b);
    case 'mul':
      return tf.mul(a, b);
    case 'ave':
      return tf.mul(tf.add(a, b), 0.5);
  }
}

// ---------------------------------------------------------------------------------------------
// The builders

export interface LayerInput {
  spec: ModelLayerSpec;
  /** Keras name from the summary (lstm, lstm_1, …). */
  name: string;
  /** The last axis of the layer's input (ignored by Embedding). */
  features: number;
}

const KERAS_CELL_PREFIX = { simpleRNN: 'simple_rnn', lstm: 'lstm', gru: 'gru' } as const;

export function buildLayer(ctx: BuildContext, input: LayerInput): BuiltLayer {
  const { spec, name, features: D } = input;
  switch (spec.kind) {
    case 'embedding': {
      const V = spec.inputDim;
      const E = spec.outputDim;
      const rng = createRng(seedOf(ctx.seeds));
      const data = new Float32Array(V * E);
      for (let k = 0; k < data.length; k++) {
        data[k] = rng.uniform(-EMBEDDING_INIT_LIMIT, EMBEDDING_INIT_LIMIT);
      }
      const table = variable(ctx, name, 'embeddings', data, [V, E]);
      return {
        name,
        kind: 'embedding',
        weights: [table],
        apply: (ids) =>
          tf.gather(table.variable, ids.dtype === 'int32' ? ids : tf.cast(ids, 'int32')),
      };
    }
    case 'simpleRNN':
    case 'lstm':
    case 'gru': {
      const w = buildRecurrentWeights(ctx, spec, D, name, '');
      const returnSequences = spec.returnSequences === true;
      return {
        name,
        kind: spec.kind,
        weights: [w.kernel, w.recurrentKernel, ...(w.bias ? [w.bias] : [])],
        apply: (x) => runRecurrent(w, x, returnSequences),
      };
    }
    case 'bidirectional': {
      const inner = spec.layer;
      const cellName = KERAS_CELL_PREFIX[inner.kind];
      const fw = buildRecurrentWeights(ctx, inner, D, name, `forward_${cellName}/`);
      const bw = buildRecurrentWeights(ctx, inner, D, name, `backward_${cellName}/`);
      const returnSequences = inner.returnSequences === true;
      const mode = spec.mergeMode ?? 'concat';
      return {
        name,
        kind: 'bidirectional',
        weights: [fw, bw].flatMap((w) => [
          w.kernel,
          w.recurrentKernel,
          ...(w.bias ? [w.bias] : []),
        ]),
        apply: (x) => {
          const forward = runRecurrent(fw, x, returnSequences);
          // The backward layer reads the sequence from its end; its outputs are put back in
          // time order (Keras reverses them too), so step t of both halves is aligned.
          let backward = runRecurrent(bw, tf.reverse(x, 1), returnSequences);
          if (returnSequences) backward = tf.reverse(backward, 1);
          return merge(mode, forward, backward);
        },
      };
    }
    case 'dense': {
      const U = spec.units;
      const activation = spec.activation ?? 'linear';
      const kernel = variable(ctx, name, 'kernel', glorotUniform(D, U, seedOf(ctx.seeds)), [D, U]);
      const bias =
        (spec.useBias ?? true) ? variable(ctx, name, 'bias', new Float32Array(U), [U]) : null;
      const linear = (x: tf.Tensor): tf.Tensor => {
        const flat = x.rank === 2 ? x : tf.reshape(x, [-1, D]);
        let y: tf.Tensor = tf.matMul(flat as tf.Tensor2D, kernel.variable as tf.Tensor2D);
        if (bias) y = tf.add(y, bias.variable);
        return x.rank === 2 ? y : tf.reshape(y, [...x.shape.slice(0, -1), U]);
      };
      const activate = (pre: tf.Tensor): tf.Tensor => {
        switch (activation) {
          case 'linear':
            return pre;
          case 'relu':
            return tf.relu(pre);
          case 'sigmoid':
            return tf.sigmoid(pre);
          case 'softmax':
            return tf.softmax(pre);
          case 'tanh':
            return tf.tanh(pre);
        }
      };
      const dense: BuiltDense = {
        name,
        kind: 'dense',
        activation,
        weights: bias ? [kernel, bias] : [kernel],
        linear,
        activate,
        apply: (x) => activate(linear(x)),
      };
      return dense;
    }
    case 'dropout': {
      const rate = spec.rate;
      return {
        name,
        kind: 'dropout',
        weights: [],
        apply: (x, { training, dropoutRng }) => {
          if (!training || rate === 0) return x;
          // Inverted dropout, as Keras: kept values are scaled by 1 / (1 − rate), so nothing
          // changes at inference. The mask comes from the model's seeded stream.
          const keep = 1 / (1 - rate);
          const mask = new Float32Array(x.size);
          for (let k = 0; k < mask.length; k++) mask[k] = dropoutRng.next() < rate ? 0 : keep;
          return tf.mul(x, tf.tensor(mask, x.shape, 'float32'));
        },
      };
    }
    case 'batchNormalization': {
      const gamma = variable(ctx, name, 'gamma', new Float32Array(D).fill(1), [D]);
      const beta = variable(ctx, name, 'beta', new Float32Array(D), [D]);
      const movingMean = variable(ctx, name, 'moving_mean', new Float32Array(D), [D], false);
      const movingVariance = variable(
        ctx,
        name,
        'moving_variance',
        new Float32Array(D).fill(1),
        [D],
        false,
      );
      const normalize = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor) =>
        tf.add(
          tf.mul(
            tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, BATCH_NORM_EPSILON))),
            gamma.variable,
          ),
          beta.variable,
        );
      return {
        name,
        kind: 'batchNormalization',
        weights: [gamma, beta, movingMean, movingVariance],
        apply: (x, { training }) => {
          if (!training) return normalize(x, movingMean.variable, movingVariance.variable);
          // Batch statistics over every axis but the features (biased variance, as Keras),
          // and the moving averages move towards them: m ← m − (1 − momentum)·(m − batch).
          const axes = Array.from({ length: x.rank - 1 }, (_, k) => k);
          const { mean, variance } = tf.moments(x, axes);
          tf.tidy(() => {
            const decay = 1 - BATCH_NORM_MOMENTUM;
            const ema = (v: tf.Variable, batch: tf.Tensor) =>
              v.assign(tf.sub(v, tf.mul(tf.sub(v, batch), decay)));
            ema(movingMean.variable, mean);
            ema(movingVariance.variable, variance);
          });
          return normalize(x, mean, variance);
        },
      };
    }
  }
}
