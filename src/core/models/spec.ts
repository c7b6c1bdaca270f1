import { KIND_LABEL, type UpdateGateSide } from '../cells';
import { check } from '../errors';
import {
  summarizeModel,
  type DenseActivation,
  type LayerSpec,
  type ModelSummary,
  type RecurrentLayerSpec,
} from '../params';

/**
 * What a model is trained for, which fixes its loss and metrics:
 * - `regression`: mean squared error.
 * - `binary`: binary cross-entropy (from the logits when the last layer is a sigmoid Dense,
 *   else on probabilities clipped to [1e-7, 1 − 1e-7] as Keras does); metric accuracy (p > 0.5).
 * - `categorical`: sparse categorical cross-entropy with integer labels [batch]; metric accuracy.
 * - `sequence-categorical`: the same at every time step, averaged over steps and batch (the
 *   "sequence loss" of the course's "hihello"); labels [batch, steps]; metric per-step accuracy.
 */
export type ModelTask = 'regression' | 'binary' | 'categorical' | 'sequence-categorical';

export const MODEL_TASKS: readonly ModelTask[] = [
  'regression',
  'binary',
  'categorical',
  'sequence-categorical',
];

/** A recurrent layer with the options a built model adds to the parameter counter's spec. */
export interface ModelRecurrentSpec extends RecurrentLayerSpec {
  /** LSTM only: start the forget-gate bias at 1 (Keras `unit_forget_bias`). Default false. */
  unitForgetBias?: boolean;
  /**
   * GRU only: which side the update gate weighs. Default `'keras'` (Keras, PyTorch, tfjs:
   * h = z ⊙ h₋₁ + (1 − z) ⊙ h̃); `'course'` is the course's h = (1 − z) ⊙ h₋₁ + z ⊙ h̃.
   */
  updateGate?: UpdateGateSide;
}

export type MergeMode = NonNullable<Extract<LayerSpec, { kind: 'bidirectional' }>['mergeMode']>;

/**
 * One layer of a model to build: the parameter counter's `LayerSpec`, whose recurrent layers may
 * also carry `unitForgetBias` (LSTM) and `updateGate` (GRU). Every `LayerSpec` is one.
 */
export type ModelLayerSpec =
  | Exclude<LayerSpec, RecurrentLayerSpec | { kind: 'bidirectional' }>
  | ModelRecurrentSpec
  | { kind: 'bidirectional'; layer: ModelRecurrentSpec; mergeMode?: MergeMode };

/** The widest Dense layer (a vocabulary-sized output fits). */
export const MAX_DENSE_UNITS = 32768;
/** The widest embedding vector. */
export const MAX_EMBEDDING_DIM = 1024;
/** The most parameters a built model may hold (64 MB of float32). */
export const MAX_MODEL_PARAMS = 1 << 24;

const DENSE_ACTIVATIONS: readonly DenseActivation[] = [
  'linear',
  'relu',
  'sigmoid',
  'softmax',
  'tanh',
];
const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave'];

export const isRecurrentSpec = (layer: ModelLayerSpec): layer is ModelRecurrentSpec =>
  layer.kind === 'simpleRNN' || layer.kind === 'lstm' || layer.kind === 'gru';

const formatShape = (shape: readonly (number | null)[]) =>
  `[${shape.map((d) => (d === null ? 'any' : String(d))).join(', ')}]`;

function checkRecurrentExtras(layer: ModelRecurrentSpec, label: string): void {
  const name = KIND_LABEL[layer.kind] ?? String(layer.kind);
  if (layer.unitForgetBias !== undefined) {
    check(
      layer.kind === 'lstm',
      () => `${label}: unitForgetBias applies to LSTM layers only, not to a ${name}.`,
    );
    check(
      typeof layer.unitForgetBias === 'boolean',
      () => `${label}: unitForgetBias must be true or false.`,
    );
  }
  if (layer.updateGate !== undefined) {
    check(
      layer.kind === 'gru',
      () => `${label}: updateGate applies to GRU layers only, not to a ${name}.`,
    );
    check(
      layer.updateGate === 'keras' || layer.updateGate === 'course',
      () => `${label}: updateGate must be "keras" or "course", got "${String(layer.updateGate)}".`,
    );
  }
  if (layer.returnSequences !== undefined) {
    check(
      typeof layer.returnSequences === 'boolean',
      () => `${label}: returnSequences must be true or false.`,
    );
  }
}

/** A checked model description: the summary gives names, output shapes and counts. */
export interface CheckedModel {
  layers: ModelLayerSpec[];
  inputShape: (number | null)[];
  task: ModelTask;
  summary: ModelSummary;
}

/**
 * Checks a stack of layers, its input shape and its task, with messages written for a learner;
 * throws a CoreInputError at the first problem.
 */
export function checkModelSpec(
  layers: readonly ModelLayerSpec[],
  inputShape: readonly (number | null)[],
  task: ModelTask,
): CheckedModel {
  check(
    Array.isArray(layers) && layers.length > 0,
    'A model needs at least one layer, e.g. [{ kind: "lstm", units: 30 }].',
  );
  check(
    typeof task === 'string' && MODEL_TASKS.includes(task),
    () => `Unknown task "${String(task)}": use ${MODEL_TASKS.map((t) => `"${t}"`).join(', ')}.`,
  );
  check(
    Array.isArray(inputShape) && (inputShape.length === 1 || inputShape.length === 2),
    () =>
      'The input shape leaves out the batch axis: [steps, features] for sequences (e.g. [100, 2]), ' +
      `[steps] of token ids for an Embedding, or [features]; got ${
        Array.isArray(inputShape) ? formatShape(inputShape) : String(inputShape)
      }.`,
  );
  inputShape.forEach((d, k) => {
    check(
      d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 1),
      () =>
        `Input shape axis ${k + 1} must be a whole number of at least 1 (or null for any ` +
        `length), got ${String(d)}.`,
    );
  });
  layers.forEach((layer, index) => {
    check(
      typeof layer === 'object' && layer !== null,
      () => `Layer ${index + 1} is not a layer description.`,
    );
  });

  const first = layers[0]!;
  if (first.kind === 'embedding') {
    check(
      inputShape.length === 1,
      () =>
        `An Embedding reads token ids, one per step: give the input shape [steps] (e.g. [25]), ` +
        `got ${formatShape(inputShape)}.`,
    );
  } else if (isRecurrentSpec(first) || first.kind === 'bidirectional') {
    const inner: unknown = first.kind === 'bidirectional' ? first.layer : first;
    const kind = (inner as { kind?: unknown } | null)?.kind;
    const name =
      kind === 'simpleRNN' || kind === 'lstm' || kind === 'gru' ? KIND_LABEL[kind] : 'recurrent';
    check(
      inputShape.length === 2,
      () =>
        `A ${name} first layer reads sequences: the input shape must be [steps, features] ` +
        `(e.g. [100, 2]), got ${formatShape(inputShape)}.`,
    );
  }
  if (first.kind !== 'embedding') {
    const features = inputShape[inputShape.length - 1];
    check(
      typeof features === 'number',
      () =>
        `The number of input features (the last axis of the input shape) must be known, ` +
        `got ${formatShape(inputShape)}.`,
    );
  }

  layers.forEach((layer, index) => {
    const label = `Layer ${index + 1} (${String(layer.kind)})`;
    switch (layer.kind) {
      case 'embedding':
        check(
          typeof layer.inputDim === 'number' && Number.isInteger(layer.inputDim),
          () => `${label}: the vocabulary size inputDim must be a whole number.`,
        );
        check(
          layer.inputDim >= 2,
          () =>
            `${label}: the vocabulary size inputDim must be at least 2 (padding and one word), ` +
            `got ${layer.inputDim}.`,
        );
        check(
          typeof layer.outputDim === 'number' && layer.outputDim <= MAX_EMBEDDING_DIM,
          () =>
            `${label}: outputDim must be at most ${MAX_EMBEDDING_DIM}, got ${String(layer.outputDim)}.`,
        );
        break;
      case 'dense': {
        const activation = layer.activation ?? 'linear';
        check(
          DENSE_ACTIVATIONS.includes(activation),
          () =>
            `${label}: unknown activation "${String(activation)}"; use ` +
            `${DENSE_ACTIVATIONS.map((a) => `"${a}"`).join(', ')}.`,
        );
        check(
          typeof layer.units !== 'number' || layer.units <= MAX_DENSE_UNITS,
          () => `${label}: Dense units must be at most ${MAX_DENSE_UNITS}, got ${layer.units}.`,
        );
        break;
      }
      case 'bidirectional':
        check(
          typeof layer.layer === 'object' && layer.layer !== null && isRecurrentSpec(layer.layer),
          () => `${label}: Bidirectional wraps a SimpleRNN, LSTM or GRU layer.`,
        );
        check(
          MERGE_MODES.includes(layer.mergeMode ?? 'concat'),
          () =>
            `${label}: mergeMode must be "concat", "sum", "mul" or "ave", got ` +
            `"${String(layer.mergeMode)}".`,
        );
        checkRecurrentExtras(layer.layer, label);
        break;
      case 'simpleRNN':
      case 'lstm':
      case 'gru':
        checkRecurrentExtras(layer, label);
        break;
      default:
        break;
    }
  });

  // Shapes, layer order, unit limits and counts: the parameter counter's checks.
  const summary = summarizeModel(layers as LayerSpec[], inputShape);
  check(
    summary.total <= MAX_MODEL_PARAMS,
    () =>
      `This model has ${summary.total.toLocaleString('en-US')} parameters; the browser can ` +
      `hold at most ${MAX_MODEL_PARAMS.toLocaleString('en-US')}. Use fewer units or a smaller ` +
      'vocabulary.',
  );

  const out = summary.rows[summary.rows.length - 1]!.outputShape.slice(1);
  const outText = formatShape([null, ...out]).replace('[any', '[batch');
  if (task === 'sequence-categorical') {
    check(
      out.length === 2,
      () =>
        `The task "sequence-categorical" predicts a class at every step: the last layer must ` +
        `output [batch, steps, classes] (a recurrent layer with returnSequences, or a Dense ` +
        `after one), but it outputs ${outText}.`,
    );
  } else if (task === 'categorical') {
    check(
      out.length === 1,
      () =>
        `The task "categorical" predicts one class per sample: the last layer must output ` +
        `[batch, classes], but it outputs ${outText}. Leave returnSequences off the last ` +
        `recurrent layer, or use "sequence-categorical".`,
    );
  }
  if (task === 'categorical' || task === 'sequence-categorical') {
    const classes = out[out.length - 1];
    check(
      typeof classes === 'number' && classes >= 2,
      () =>
        `The task "${task}" needs at least 2 classes in the last layer's output, ` +
        `got ${String(classes)}.`,
    );
  }
  return { layers: [...layers], inputShape: [...inputShape], task, summary };
}
