import * as tf from '@tensorflow/tfjs';
import { check, firstNonFinite } from '../errors';
import { summarizeModel, type LayerSpec, type ModelSummary } from '../params';
import { createRng, type Rng } from '../random';
import type { TrainableModel } from '../training';
import { buildLayer, type BuiltDense, type BuiltLayer, type ModelWeight } from './layers';
import {
  binaryAccuracy,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  meanSquaredError,
  sparseAccuracy,
  sparseCrossEntropyFromLogits,
} from './losses';
import { checkModelSpec, type ModelLayerSpec, type ModelTask } from './spec';

export interface BuildOptions {
  /** Seed of every initial weight and of the dropout masks. Default 0. */
  seed?: number | string;
  task: ModelTask;
}

export interface PredictOptions {
  /**
   * Run as in training (Keras's `model(x, training=True)`): dropout drops and BatchNormalization
   * uses, and updates, the batch statistics. Default false.
   */
  training?: boolean;
}

/** Name, shape and kind of one weight tensor, in the order of getWeights(). */
export interface WeightSpec {
  /** Keras-style: `lstm/kernel`, `bidirectional/forward_lstm/recurrent_kernel`, … */
  name: string;
  /** Keras layer name: `lstm`, `lstm_1`, `batch_normalization`, … */
  layer: string;
  shape: number[];
  trainable: boolean;
}

/** Per-step class predictions of a sequence model. */
export interface SequencePrediction {
  /** Arg-max class of every step, [batch, steps] row-major. */
  predictions: Int32Array;
  /** Class probabilities of every step, [batch, steps, classes]. */
  probabilities: Float32Array;
  shape: [batch: number, steps: number, classes: number];
}

/**
 * A Keras-style sequential model on the core's cells. It is a `TrainableModel`: pass it to
 * `train` as it is. Its variables are in Keras's layout and order, so a training snapshot's
 * values are its (trainable) Keras weights.
 */
export interface SequentialModel extends TrainableModel {
  readonly layers: readonly ModelLayerSpec[];
  /** Without the batch axis, as given. */
  readonly inputShape: readonly (number | null)[];
  /** With the batch axis first as null, as Keras's summary: [null, 6, 5]. */
  readonly outputShape: readonly (number | null)[];
  readonly task: ModelTask;
  /** The trainable weights, Keras order (per layer: kernel, recurrent kernel, bias; …). */
  readonly variables: tf.Variable[];
  /** BatchNormalization's moving means and variances (not trained by gradients). */
  readonly nonTrainableVariables: tf.Variable[];
  readonly disposed: boolean;
  /**
   * The task's loss for a batch, a mean over the batch (and steps). Dropout and batch statistics
   * are used only with `training` true, which also updates BatchNormalization's moving averages.
   */
  loss(xs: tf.Tensor, ys: tf.Tensor, training?: boolean): tf.Scalar;
  /** `{ accuracy }` for the classification tasks (per step for sequences); absent for regression. */
  metrics?: (xs: tf.Tensor, ys: tf.Tensor) => Record<string, number>;
  /** The model's output (probabilities after a softmax / sigmoid layer); the caller disposes it. */
  predict(xs: tf.Tensor, options?: PredictOptions): tf.Tensor;
  /** Keras's `model.summary()` (the core's `summarizeModel`). */
  summary(): ModelSummary;
  weightSpecs(): WeightSpec[];
  /**
   * Copies of all weights, Keras's `model.get_weights()` order (per layer, trainable ones first,
   * then BatchNormalization's moving mean and variance).
   */
  getWeights(): Float32Array[];
  /**
   * Writes weights back: either all of them (as getWeights gives) or the trainable ones only (as
   * a training snapshot's `values` holds them). Sizes and finiteness are checked.
   */
  setWeights(weights: readonly ArrayLike<number>[]): void;
  /** Disposes the model's variables; the model cannot be used afterwards. */
  dispose(): void;
}

let nextModelId = 0;

/** The last layer when it is a Dense (whose pre-activation a loss can read as logits). */
const lastDense = (layers: BuiltLayer[]): BuiltDense | null => {
  const last = layers[layers.length - 1]!;
  return last.kind === 'dense' ? (last as BuiltDense) : null;
};

class Sequential implements SequentialModel {
  readonly layers: readonly ModelLayerSpec[];
  readonly inputShape: readonly (number | null)[];
  readonly outputShape: readonly (number | null)[];
  readonly task: ModelTask;
  readonly variables: tf.Variable[];
  readonly nonTrainableVariables: tf.Variable[];
  readonly metrics?: (xs: tf.Tensor, ys: tf.Tensor) => Record<string, number>;
  private readonly built: BuiltLayer[];
  private readonly weights: ModelWeight[];
  private readonly dropoutRng: Rng;
  private readonly embeddingInput: boolean;
  private isDisposed = false;

  constructor(
    layers: ModelLayerSpec[],
    inputShape: (number | null)[],
    task: ModelTask,
    summary: ModelSummary,
    built: BuiltLayer[],
    dropoutRng: Rng,
  ) {
    this.layers = layers;
    this.inputShape = inputShape;
    this.task = task;
    this.outputShape = [...summary.rows[summary.rows.length - 1]!.outputShape];
    this.built = built;
    this.weights = built.flatMap((layer) => layer.weights);
    this.variables = this.weights.filter((w) => w.trainable).map((w) => w.variable);
    this.nonTrainableVariables = this.weights.filter((w) => !w.trainable).map((w) => w.variable);
    this.dropoutRng = dropoutRng;
    this.embeddingInput = layers[0]!.kind === 'embedding';
    if (task !== 'regression') this.metrics = (xs, ys) => this.accuracy(xs, ys);
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  private checkLive(): void {
    check(!this.isDisposed, 'This model was disposed; build a new one with buildModel.');
  }

  private checkInput(xs: tf.Tensor): void {
    check(
      xs instanceof tf.Tensor && !xs.isDisposed,
      'The model input must be a live tensor (was it disposed?).',
    );
    const expected = ['batch', ...this.inputShape.map((d) => (d === null ? 'steps' : String(d)))];
    const matches =
      xs.rank === this.inputShape.length + 1 &&
      this.inputShape.every((d, k) => d === null || xs.shape[k + 1] === d);
    check(
      matches && xs.shape[0]! >= 1,
      () =>
        `This model takes input [${expected.join(', ')}]` +
        (this.embeddingInput ? ' of token ids' : '') +
        `; got shape [${xs.shape.join(', ')}].`,
    );
    check(
      xs.dtype === 'float32' || xs.dtype === 'int32' || xs.dtype === 'bool',
      () => `The model input must hold numbers, got dtype ${xs.dtype}.`,
    );
    if (this.embeddingInput || this.inputShape.length === 2) {
      check(xs.shape[1]! >= 1, 'The sequence is empty: give at least one time step.');
    }
  }

  /** Static checks of the targets against the output shape (before any tensor is made). */
  private checkTargets(xs: tf.Tensor, ys: tf.Tensor): void {
    check(
      ys instanceof tf.Tensor && !ys.isDisposed,
      'The targets must be a live tensor (was it disposed?).',
    );
    const B = xs.shape[0]!;
    check(
      ys.shape[0] === B,
      () => `The input has ${B} samples but the targets have ${String(ys.shape[0])}.`,
    );
    const out = this.outputShape.slice(1);
    // A null axis of the output is the steps axis: as long as this input's.
    const outShape = out.map((d) => d ?? xs.shape[1] ?? 1);
    const rest = ys.shape.slice(1);
    switch (this.task) {
      case 'regression':
      case 'binary': {
        const per = outShape.reduce((a, b) => a * b, 1);
        const given = rest.reduce((a, b) => a * b, 1);
        check(
          per === given,
          () =>
            `Each sample's target must have ${per} value(s) to match the output ` +
            `[batch, ${outShape.join(', ')}]; got targets of shape [${ys.shape.join(', ')}].`,
        );
        break;
      }
      case 'categorical':
        check(
          rest.length === 0 || (rest.length === 1 && rest[0] === 1),
          () =>
            `Categorical targets are class numbers, one per sample: shape [${B}], got ` +
            `[${ys.shape.join(', ')}].`,
        );
        break;
      case 'sequence-categorical':
        check(
          (rest.length === 1 || (rest.length === 2 && rest[1] === 1)) && rest[0] === outShape[0],
          () =>
            `Sequence targets are class numbers, one per step: shape [${B}, ${outShape[0]}], ` +
            `got [${ys.shape.join(', ')}].`,
        );
        break;
    }
  }

  /** The output and, when the last layer is a Dense, its pre-activation. */
  private forward(xs: tf.Tensor, training: boolean): { output: tf.Tensor; pre: tf.Tensor | null } {
    const ctx = { training, dropoutRng: this.dropoutRng };
    let x: tf.Tensor = this.embeddingInput
      ? xs
      : xs.dtype === 'float32'
        ? xs
        : tf.cast(xs, 'float32');
    const last = this.built.length - 1;
    for (let k = 0; k < last; k++) x = this.built[k]!.apply(x, ctx);
    const dense = lastDense(this.built);
    if (dense) {
      const pre = dense.linear(x);
      return { output: dense.activate(pre), pre };
    }
    return { output: this.built[last]!.apply(x, ctx), pre: null };
  }

  /** The logits a classification loss reads: the pre-activation of a final softmax / sigmoid. */
  private scores(xs: tf.Tensor, training: boolean): { scores: tf.Tensor; fromLogits: boolean } {
    const { output, pre } = this.forward(xs, training);
    const activation = lastDense(this.built)?.activation;
    if (this.task === 'binary') {
      return activation === 'sigmoid'
        ? { scores: pre!, fromLogits: true }
        : { scores: output, fromLogits: false };
    }
    // Categorical: a softmax layer's input; any other output is read as logits (the course's
    // "hihello" reads the RNN's outputs directly, as TensorFlow's sequence_loss does).
    return { scores: activation === 'softmax' ? pre! : output, fromLogits: true };
  }

  private flatLabels(ys: tf.Tensor): tf.Tensor1D {
    return tf.reshape(ys, [-1]) as tf.Tensor1D;
  }

  private flatLogits(scores: tf.Tensor): tf.Tensor2D {
    const C = scores.shape[scores.rank - 1]!;
    return tf.reshape(scores, [-1, C]) as tf.Tensor2D;
  }

  loss(xs: tf.Tensor, ys: tf.Tensor, training = false): tf.Scalar {
    this.checkLive();
    this.checkInput(xs);
    this.checkTargets(xs, ys);
    return tf.tidy(() => {
      if (this.task === 'regression') {
        const { output } = this.forward(xs, training);
        return meanSquaredError(output, tf.reshape(tf.cast(ys, 'float32'), output.shape));
      }
      const { scores, fromLogits } = this.scores(xs, training);
      if (this.task === 'binary') {
        const y = tf.reshape(tf.cast(ys, 'float32'), scores.shape);
        return fromLogits ? binaryCrossEntropyFromLogits(scores, y) : binaryCrossEntropy(scores, y);
      }
      return sparseCrossEntropyFromLogits(this.flatLogits(scores), this.flatLabels(ys));
    });
  }

  private accuracy(xs: tf.Tensor, ys: tf.Tensor): Record<string, number> {
    this.checkLive();
    this.checkInput(xs);
    this.checkTargets(xs, ys);
    const value = tf.tidy(() => {
      const { scores, fromLogits } = this.scores(xs, false);
      if (this.task === 'binary') {
        return binaryAccuracy(scores, tf.reshape(ys, scores.shape), fromLogits);
      }
      return sparseAccuracy(this.flatLogits(scores), this.flatLabels(ys));
    });
    const accuracy = value.dataSync()[0]!;
    value.dispose();
    return { accuracy };
  }

  predict(xs: tf.Tensor, options: PredictOptions = {}): tf.Tensor {
    this.checkLive();
    this.checkInput(xs);
    return tf.tidy(() => this.forward(xs, options.training === true).output);
  }

  /** Probabilities per step: the softmax output, or a softmax of logits read off the output. */
  sequenceProbabilities(xs: tf.Tensor): tf.Tensor3D {
    this.checkLive();
    this.checkInput(xs);
    check(
      this.outputShape.length === 3,
      () =>
        `predictSequence needs a model that outputs a class score per step [batch, steps, ` +
        `classes]; this one outputs [${this.outputShape.map((d) => d ?? 'batch').join(', ')}].`,
    );
    return tf.tidy(() => {
      const { output } = this.forward(xs, false);
      const softmaxed = lastDense(this.built)?.activation === 'softmax';
      return (softmaxed ? output : tf.softmax(output)) as tf.Tensor3D;
    });
  }

  summary(): ModelSummary {
    return summarizeModel(this.layers as LayerSpec[], this.inputShape);
  }

  weightSpecs(): WeightSpec[] {
    return this.weights.map((w) => ({
      name: w.name,
      layer: w.layer,
      shape: [...w.shape],
      trainable: w.trainable,
    }));
  }

  getWeights(): Float32Array[] {
    this.checkLive();
    return this.weights.map((w) => Float32Array.from(w.variable.dataSync() as Float32Array));
  }

  setWeights(weights: readonly ArrayLike<number>[]): void {
    this.checkLive();
    const all = this.weights;
    const trainable = all.filter((w) => w.trainable);
    check(
      Array.isArray(weights) &&
        (weights.length === all.length || weights.length === trainable.length),
      () =>
        `setWeights needs ${all.length} weight arrays (getWeights order)` +
        (trainable.length !== all.length ? ` or the ${trainable.length} trainable ones` : '') +
        `, got ${Array.isArray(weights) ? weights.length : typeof weights}.`,
    );
    const targets = weights.length === all.length ? all : trainable;
    targets.forEach((w, i) => {
      const values = weights[i];
      const size = w.shape.reduce((a, b) => a * b, 1);
      check(
        values !== null && typeof values === 'object' && values.length === size,
        () =>
          `Weight ${i} (${w.name}) needs ${size} numbers for shape [${w.shape.join(', ')}], ` +
          `got ${values === null || typeof values !== 'object' ? String(values) : values.length}.`,
      );
      const at = firstNonFinite(values);
      check(at < 0, () => `Weight ${i} (${w.name}) has a non-finite value at index ${at}.`);
    });
    tf.tidy(() => {
      targets.forEach((w, i) => {
        w.variable.assign(tf.tensor(Float32Array.from(weights[i]!), w.shape, 'float32'));
      });
    });
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    for (const w of this.weights) w.variable.dispose();
  }
}

/**
 * Builds a sequential model from the parameter counter's layer descriptions (CURRICULUM §1, §2,
 * §5, §6): Embedding, SimpleRNN / LSTM / GRU (run by the core's `unroll`, one matmul per step),
 * Bidirectional, Dense, Dropout and BatchNormalization, with the task's loss and metrics. Seeded:
 * the same layers, input shape and seed give the same initial weights, bit for bit. Bad
 * descriptions throw a CoreInputError that says what to change.
 *
 * `inputShape` leaves out the batch axis: [steps, features] for a recurrent first layer,
 * [steps] of token ids for an Embedding (null steps: any length).
 */
export function buildModel(
  layers: readonly ModelLayerSpec[],
  inputShape: readonly (number | null)[],
  options: BuildOptions,
): SequentialModel {
  check(
    typeof options === 'object' && options !== null,
    'buildModel needs options with a task, e.g. { task: "regression", seed: 0 }.',
  );
  const checked = checkModelSpec(layers, inputShape, options.task);
  const seed = options.seed ?? 0;
  check(
    (typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string',
    () => `The seed must be a number or a text, got ${String(seed)}.`,
  );
  const master = createRng(seed);
  const dropoutRng = createRng(master.int(0x100000000));
  const ctx = {
    prefix: `gatebook_model${nextModelId++}`,
    seeds: master,
    created: [] as tf.Variable[],
  };
  const built: BuiltLayer[] = [];
  try {
    let features = checked.inputShape[checked.inputShape.length - 1] ?? 1;
    checked.layers.forEach((spec, k) => {
      const row = checked.summary.rows[k]!;
      built.push(buildLayer(ctx, { spec, name: row.name, features }));
      features = row.outputShape[row.outputShape.length - 1] ?? 1;
    });
    // The built weights must be what the parameter counter counts, layer by layer.
    built.forEach((layer, k) => {
      const row = checked.summary.rows[k]!;
      const size = (trainable: boolean) =>
        layer.weights
          .filter((w) => w.trainable === trainable)
          .reduce((a, w) => a + w.variable.size, 0);
      if (size(true) !== row.trainable || size(false) !== row.nonTrainable) {
        throw new Error(
          `Internal error: layer ${row.name} holds ${size(true)} + ${size(false)} weights but ` +
            `summarizeModel counts ${row.trainable} + ${row.nonTrainable}.`,
        );
      }
    });
  } catch (error) {
    for (const v of ctx.created) v.dispose();
    throw error;
  }
  return new Sequential(
    checked.layers,
    checked.inputShape,
    checked.task,
    checked.summary,
    built,
    dropoutRng,
  );
}

/**
 * Per-step predictions of a sequence model (e.g. "hihello"): the arg-max class and the class
 * probabilities at every step. Reads the backend once; leaves no tensors behind.
 */
export function predictSequence(model: SequentialModel, xs: tf.Tensor): SequencePrediction {
  check(model instanceof Sequential, 'predictSequence needs a model made by buildModel.');
  const probs = model.sequenceProbabilities(xs);
  const ids = tf.tidy(() => tf.argMax(probs, 2));
  const [B, T, C] = probs.shape;
  const probabilities = Float32Array.from(probs.dataSync());
  const predictions = Int32Array.from(ids.dataSync());
  probs.dispose();
  ids.dispose();
  return { predictions, probabilities, shape: [B, T, C] };
}
