import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../../src/core';
import type { ModelLayerSpec, SequentialModel } from '../../../../src/core/models';

/** Seeded uniform numbers in [lo, hi). */
export function uniform(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
}

/** Seeded whole numbers in [0, n). */
export function ints(count: number, n: number, seed: number): Int32Array {
  const rng = createRng(seed);
  return Int32Array.from({ length: count }, () => rng.int(n));
}

/**
 * Fills every weight of a model with seeded random numbers (moving variances positive), so a
 * comparison does not rest on zero biases or unit BatchNorm statistics.
 */
export function randomizeWeights(model: SequentialModel, seed: number, scale = 0.5): void {
  const specs = model.weightSpecs();
  model.setWeights(
    specs.map((w, k) => {
      const size = w.shape.reduce((a, b) => a * b, 1);
      const values = uniform(size, seed * 1000 + k, -scale, scale);
      if (w.name.endsWith('moving_variance')) return values.map((v) => Math.abs(v) + 0.5);
      return values;
    }),
  );
}

type RecurrentSpec = Extract<ModelLayerSpec, { kind: 'lstm' | 'gru' | 'simpleRNN' }>;

function tfjsRecurrent(spec: RecurrentSpec, extra: { inputShape?: number[] } = {}) {
  const common = {
    units: spec.units,
    returnSequences: spec.returnSequences === true,
    useBias: spec.useBias ?? true,
    // The weights are overwritten: skip tfjs's slow orthogonal initialiser.
    kernelInitializer: 'zeros' as const,
    recurrentInitializer: 'zeros' as const,
    ...extra,
  };
  switch (spec.kind) {
    case 'simpleRNN':
      return tf.layers.simpleRNN({ ...common, activation: spec.activation ?? 'tanh' });
    case 'lstm':
      return tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' });
    case 'gru':
      if (spec.resetAfter !== false) throw new Error('tfjs GRU cannot do resetAfter');
      return tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  }
}

/**
 * The same stack as a tf.sequential of tf.layers, with the model's weights copied in layer by
 * layer (Keras layout on both sides).
 */
export function tfjsTwin(
  model: SequentialModel,
  layers: readonly ModelLayerSpec[],
  inputShape: number[],
): tf.Sequential {
  const twin = tf.sequential();
  layers.forEach((spec, k) => {
    const first = k === 0 ? { inputShape } : {};
    let layer: tf.layers.Layer;
    switch (spec.kind) {
      case 'embedding':
        layer = tf.layers.embedding({
          inputDim: spec.inputDim,
          outputDim: spec.outputDim,
          ...first,
        });
        break;
      case 'simpleRNN':
      case 'lstm':
      case 'gru':
        layer = tfjsRecurrent(spec, first);
        break;
      case 'bidirectional':
        layer = tf.layers.bidirectional({
          layer: tfjsRecurrent(spec.layer) as tf.RNN,
          mergeMode: spec.mergeMode ?? 'concat',
          ...first,
        });
        break;
      case 'dense':
        layer = tf.layers.dense({
          units: spec.units,
          activation: spec.activation ?? 'linear',
          useBias: spec.useBias ?? true,
          ...first,
        });
        break;
      case 'dropout':
        layer = tf.layers.dropout({ rate: spec.rate, ...first });
        break;
      case 'batchNormalization':
        layer = tf.layers.batchNormalization({ ...first });
        break;
    }
    twin.add(layer);
  });
  const specs = model.weightSpecs();
  const values = model.getWeights();
  const names = model.summary().rows.map((r) => r.name);
  twin.layers.forEach((layer, k) => {
    const mine = specs.flatMap((w, i) => (w.layer === names[k] ? [i] : []));
    if (mine.length === 0) return;
    layer.setWeights(mine.map((i) => tf.tensor(values[i]!, specs[i]!.shape)));
  });
  return twin;
}
