import { GATE_COUNT, KIND_LABEL, type SimpleRNNActivation } from './cells';
import { CoreInputError, check, checkPositiveInt, checkUnits } from './errors';

/** Whose count: Keras's `model.summary()` or PyTorch's `sum(p.numel() for p in parameters())`. */
export type Framework = 'keras' | 'pytorch';

export type DenseActivation = 'linear' | 'relu' | 'sigmoid' | 'softmax' | 'tanh';

export interface RecurrentLayerSpec {
  kind: 'simpleRNN' | 'lstm' | 'gru';
  units: number;
  /** Keras return_sequences: output every step [T, units] instead of the last [units]. */
  returnSequences?: boolean;
  /** SimpleRNN activation (does not change the count). */
  activation?: SimpleRNNActivation;
  /** GRU only; default true, Keras 2.x / TF2's default (PyTorch's GRU is always reset-after). */
  resetAfter?: boolean;
  /** Default true. */
  useBias?: boolean;
}

/** One layer of a sequential model, in Keras's terms. */
export type LayerSpec =
  | { kind: 'embedding'; inputDim: number; outputDim: number }
  | RecurrentLayerSpec
  | {
      kind: 'bidirectional';
      layer: RecurrentLayerSpec;
      /** How the two directions merge; default 'concat' (2 × units features). */
      mergeMode?: 'concat' | 'sum' | 'mul' | 'ave';
    }
  | { kind: 'dense'; units: number; activation?: DenseActivation; useBias?: boolean }
  | { kind: 'dropout'; rate: number }
  | { kind: 'batchNormalization' };

export type LayerKind = LayerSpec['kind'];

export interface ParamSplit {
  total: number;
  trainable: number;
  nonTrainable: number;
}

const isRecurrent = (layer: LayerSpec): layer is RecurrentLayerSpec =>
  layer.kind === 'simpleRNN' || layer.kind === 'lstm' || layer.kind === 'gru';

function recurrentParams(layer: RecurrentLayerSpec, D: number, framework: Framework): number {
  const H = checkUnits(layer.units, `${KIND_LABEL[layer.kind]} units`);
  const G = GATE_COUNT[layer.kind];
  const useBias = layer.useBias ?? true;
  if (layer.kind === 'gru') {
    const resetAfter = layer.resetAfter ?? true;
    check(
      framework === 'keras' || resetAfter,
      "PyTorch's GRU always applies the reset gate after the recurrent product (resetAfter true).",
    );
  } else {
    check(layer.resetAfter === undefined, () => `resetAfter applies to GRU layers only.`);
  }
  if (!useBias) return G * H * (D + H);
  // PyTorch keeps two bias vectors per gate (bias_ih, bias_hh), Keras one — except Keras's
  // reset-after GRU, which keeps an input and a recurrent bias row too.
  const biases =
    framework === 'pytorch' || (layer.kind === 'gru' && (layer.resetAfter ?? true)) ? 2 : 1;
  return G * H * (D + H + biases);
}

/**
 * Parameters of one layer given the number of features it receives (the last axis of its
 * input; ignored by Embedding), split as Keras's summary splits them. Keras: SimpleRNN
 * H(D+H+1), LSTM 4H(D+H+1), GRU 3H(D+H+1) with reset_after=False and 3H(D+H+2) with
 * reset_after=True, Dense D·U+U, Embedding V·E, Bidirectional 2×, BatchNormalization 4·D
 * (2·D trainable γ, β; 2·D non-trainable moving mean and variance), Dropout 0. PyTorch: the
 * recurrent layers count two biases (H(D+H+2), 4H(D+H+2), 3H(D+H+2)) and BatchNorm counts its
 * 2·D parameters only (running statistics are buffers, not parameters).
 */
export function layerParams(
  layer: LayerSpec,
  inputFeatures: number,
  framework: Framework = 'keras',
): ParamSplit {
  check(
    framework === 'keras' || framework === 'pytorch',
    'framework must be "keras" or "pytorch".',
  );
  check(typeof layer === 'object' && layer !== null, 'A layer needs a description object.');
  const trainable = (n: number): ParamSplit => ({ total: n, trainable: n, nonTrainable: 0 });
  if (layer.kind === 'embedding') {
    const V = checkPositiveInt(layer.inputDim, 'Embedding inputDim (vocabulary size)');
    const E = checkPositiveInt(layer.outputDim, 'Embedding outputDim');
    return trainable(V * E);
  }
  const D = checkPositiveInt(inputFeatures, 'The number of input features');
  switch (layer.kind) {
    case 'simpleRNN':
    case 'lstm':
    case 'gru':
      return trainable(recurrentParams(layer, D, framework));
    case 'bidirectional':
      check(
        typeof layer.layer === 'object' && layer.layer !== null && isRecurrent(layer.layer),
        'Bidirectional wraps a SimpleRNN, LSTM or GRU layer.',
      );
      return trainable(2 * recurrentParams(layer.layer, D, framework));
    case 'dense': {
      const U = checkPositiveInt(layer.units, 'Dense units');
      return trainable(D * U + ((layer.useBias ?? true) ? U : 0));
    }
    case 'dropout':
      check(
        typeof layer.rate === 'number' && layer.rate >= 0 && layer.rate < 1,
        () => `Dropout rate must be in [0, 1), got ${String(layer.rate)}.`,
      );
      return trainable(0);
    case 'batchNormalization':
      return framework === 'keras'
        ? { total: 4 * D, trainable: 2 * D, nonTrainable: 2 * D }
        : trainable(2 * D);
    default:
      throw new CoreInputError(
        `Unknown layer kind "${String((layer as { kind?: unknown }).kind)}": use embedding, simpleRNN, ` +
          'lstm, gru, bidirectional, dense, dropout or batchNormalization.',
      );
  }
}

/** The total parameter count of one layer (see layerParams). */
export function paramCount(
  layer: LayerSpec,
  inputFeatures: number,
  framework: Framework = 'keras',
): number {
  return layerParams(layer, inputFeatures, framework).total;
}

export interface SummaryRow extends ParamSplit {
  /** Keras-style name: lstm, lstm_1, bidirectional, dense_1, … */
  name: string;
  kind: LayerKind;
  /** Output shape with the batch axis first as null, like Keras's (None, 100, 30). */
  outputShape: (number | null)[];
}

export interface ModelSummary extends ParamSplit {
  rows: SummaryRow[];
}

const KERAS_NAMES: Record<LayerKind, string> = {
  embedding: 'embedding',
  simpleRNN: 'simple_rnn',
  lstm: 'lstm',
  gru: 'gru',
  bidirectional: 'bidirectional',
  dense: 'dense',
  dropout: 'dropout',
  batchNormalization: 'batch_normalization',
};

/**
 * Keras's `model.summary()` of a sequential model: per layer its name, output shape and
 * parameters, and the totals. `inputShape` leaves out the batch axis: [steps, features] for a
 * recurrent first layer (e.g. [100, 2]), [steps] of token ids for an Embedding first layer
 * (null for any length).
 */
export function summarizeModel(
  layers: readonly LayerSpec[],
  inputShape: readonly (number | null)[],
  framework: Framework = 'keras',
): ModelSummary {
  check(Array.isArray(layers) && layers.length > 0, 'A model needs at least one layer.');
  check(
    Array.isArray(inputShape) && inputShape.length >= 1,
    'The input shape needs at least one axis.',
  );
  let shape: (number | null)[] = [...inputShape];
  const counters: Partial<Record<LayerKind, number>> = {};
  const rows: SummaryRow[] = [];
  layers.forEach((layer, index) => {
    check(
      typeof layer === 'object' && layer !== null,
      () => `Layer ${index + 1} is not a layer description.`,
    );
    const kind: LayerKind = layer.kind;
    check(
      Object.hasOwn(KERAS_NAMES, kind),
      () => `Layer ${index + 1} has an unknown kind "${String(kind)}".`,
    );
    const seen = counters[kind] ?? 0;
    counters[kind] = seen + 1;
    const name = seen === 0 ? KERAS_NAMES[kind] : `${KERAS_NAMES[kind]}_${seen}`;
    const label = `Layer ${index + 1} (${name})`;
    const features = shape[shape.length - 1] ?? null;
    let next: (number | null)[];
    if (layer.kind === 'embedding') {
      check(
        index === 0 && shape.length === 1,
        () =>
          `${label}: an Embedding takes token ids [steps], so it must be the first layer with a 1-axis input shape.`,
      );
      next = [shape[0]!, layer.outputDim];
    } else {
      check(
        typeof features === 'number' && features >= 1,
        () =>
          `${label}: its input needs a known number of features, got shape [${shape.join(', ')}].`,
      );
      if (isRecurrent(layer) || layer.kind === 'bidirectional') {
        const inner = layer.kind === 'bidirectional' ? layer.layer : layer;
        check(
          shape.length === 2,
          () =>
            `${label}: a recurrent layer reads a sequence [steps, features], but the layer before ` +
            `gives [${shape.join(', ')}]. Set returnSequences on the recurrent layer before it.`,
        );
        const merged =
          layer.kind === 'bidirectional' && (layer.mergeMode ?? 'concat') === 'concat'
            ? 2 * inner.units
            : inner.units;
        next = inner.returnSequences ? [shape[0]!, merged] : [merged];
      } else if (layer.kind === 'dense') {
        next = [...shape.slice(0, -1), layer.units];
      } else {
        next = shape;
      }
    }
    const split = layerParams(layer, typeof features === 'number' ? features : 1, framework);
    rows.push({ name, kind, outputShape: [null, ...next], ...split });
    shape = next;
  });
  const sum = (key: keyof ParamSplit) => rows.reduce((acc, row) => acc + row[key], 0);
  return {
    rows,
    total: sum('total'),
    trainable: sum('trainable'),
    nonTrainable: sum('nonTrainable'),
  };
}
