// The trained model on the page: rebuilt from the same layer list and the weights the worker
// sent back, then used for every prediction of the lesson (validation, word by word, the
// embedding map). Predicting here rather than in the worker: the core's worker ends with the
// job, and the word-by-word view asks for a new batch of prefixes on every keystroke — one
// small predict on the page's backend is faster than a worker round trip per edit.
import * as tf from '@tensorflow/tfjs';
import { buildModel, type ModelLayerSpec, type SequentialModel } from '../../../core/models';

export interface RebuildOptions {
  layers: ModelLayerSpec[];
  maxlen: number;
  seed: number;
  /** Trainable weights in getWeights order (a snapshot's values), or all weights. */
  weights: Float32Array[];
  /** Training ids [samples, maxlen] to re-estimate BatchNormalization's statistics from. */
  calibration?: Int32Array;
}

/**
 * A training snapshot holds the trainable weights only; BatchNormalization's moving mean and
 * variance stay in the worker. For a model with BatchNorm they are re-estimated here from
 * training data: the layers before it run on the ids, and its inputs' mean and (biased)
 * variance over batch and steps become the moving statistics — the population values that
 * Keras's moving averages approximate.
 */
export function rebuildModel(options: RebuildOptions): SequentialModel {
  const { layers, maxlen, seed, weights } = options;
  const model = buildModel(layers, [maxlen], { task: 'binary', seed });
  try {
    model.setWeights(weights);
    const bnAt = layers.findIndex((l) => l.kind === 'batchNormalization');
    const specs = model.weightSpecs();
    const complete = weights.length === specs.length;
    if (bnAt > 0 && !complete && options.calibration && options.calibration.length > 0) {
      calibrateBatchNorm(model, layers, bnAt, maxlen, seed, options.calibration);
    }
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}

function calibrateBatchNorm(
  model: SequentialModel,
  layers: ModelLayerSpec[],
  bnAt: number,
  maxlen: number,
  seed: number,
  ids: Int32Array,
): void {
  const prefix = buildModel(layers.slice(0, bnAt), [maxlen], { task: 'binary', seed });
  try {
    const all = model.getWeights();
    const specs = model.weightSpecs();
    prefix.setWeights(all.slice(0, prefix.weightSpecs().length));
    const rows = Math.floor(ids.length / maxlen);
    const use = Math.min(rows, 512);
    const width = (layers[bnAt - 1] as { layer?: { units: number } }).layer
      ? 2 * (layers[bnAt - 1] as { layer: { units: number } }).layer.units
      : 0;
    const sum = new Float64Array(width);
    const sumSq = new Float64Array(width);
    let count = 0;
    for (let start = 0; start < use; start += 64) {
      const n = Math.min(64, use - start);
      const out = tf.tidy(() => {
        const x = tf.tensor2d(
          ids.subarray(start * maxlen, (start + n) * maxlen),
          [n, maxlen],
          'int32',
        );
        return prefix.predict(x);
      });
      const values = out.dataSync();
      const features = out.shape[out.shape.length - 1]!;
      out.dispose();
      for (let k = 0; k < values.length; k++) {
        const f = k % features;
        sum[f]! += values[k]!;
        sumSq[f]! += values[k]! * values[k]!;
      }
      count += values.length / features;
    }
    const mean = Float32Array.from(sum, (s) => s / count);
    const variance = Float32Array.from(sumSq, (s, f) => Math.max(0, s / count - mean[f]! ** 2));
    const names = specs.map((s) => s.name);
    const meanAt = names.findIndex((n) => n.endsWith('moving_mean'));
    const varAt = names.findIndex((n) => n.endsWith('moving_variance'));
    if (meanAt >= 0 && varAt >= 0 && mean.length === all[meanAt]!.length) {
      all[meanAt] = mean;
      all[varAt] = variance;
      model.setWeights(all);
    }
  } finally {
    prefix.dispose();
  }
}

/** P(positive) for each row of ids [rows, maxlen], in batches; no tensor left behind. */
export function predictProbabilities(
  model: SequentialModel,
  ids: Int32Array,
  maxlen: number,
  batch = 256,
): Float32Array {
  const rows = Math.floor(ids.length / maxlen);
  const out = new Float32Array(rows);
  for (let start = 0; start < rows; start += batch) {
    const n = Math.min(batch, rows - start);
    const p = tf.tidy(() => {
      const x = tf.tensor2d(
        ids.subarray(start * maxlen, (start + n) * maxlen),
        [n, maxlen],
        'int32',
      );
      return model.predict(x).reshape([n]);
    });
    out.set(p.dataSync() as Float32Array, start);
    p.dispose();
  }
  return out;
}

/** The embedding table [vocab, dim] (the first weight of every lesson model). */
export function embeddingTable(model: SequentialModel): {
  data: Float32Array;
  rows: number;
  cols: number;
} {
  const spec = model.weightSpecs()[0]!;
  const [rows, cols] = spec.shape as [number, number];
  return { data: model.getWeights()[0]!, rows, cols };
}
