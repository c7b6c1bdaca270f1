import * as tf from '@tensorflow/tfjs';

/** Keras's `epsilon()`: probabilities are clipped to [ε, 1 − ε] before their logarithm. */
export const BCE_EPSILON = 1e-7;

/** Mean over every value of (prediction − target)²; the shapes must agree. */
export function meanSquaredError(prediction: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.mean(tf.square(tf.sub(prediction, target)));
}

/**
 * Binary cross-entropy from logits z (before the sigmoid), stable for any z:
 * max(z, 0) − z·y + log(1 + e^(−|z|)), averaged over every value. (TensorFlow's Keras also reads
 * the logits off a sigmoid output.)
 */
export function binaryCrossEntropyFromLogits(logits: tf.Tensor, target: tf.Tensor): tf.Scalar {
  const z = logits;
  return tf.mean(
    tf.add(tf.sub(tf.relu(z), tf.mul(z, target)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))),
  );
}

/** Binary cross-entropy on probabilities, clipped to [1e-7, 1 − 1e-7] as Keras does. */
export function binaryCrossEntropy(probability: tf.Tensor, target: tf.Tensor): tf.Scalar {
  const p = tf.clipByValue(probability, BCE_EPSILON, 1 - BCE_EPSILON);
  return tf.neg(
    tf.mean(tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))))),
  );
}

/**
 * Sparse categorical cross-entropy from logits [N, C] and integer labels [N]:
 * mean of log Σ_c e^{z_c} − z_label (log-sum-exp keeps it finite for large logits).
 */
export function sparseCrossEntropyFromLogits(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const classes = logits.shape[1];
  const ids = labels.dtype === 'int32' ? labels : tf.cast(labels, 'int32');
  const picked = tf.sum(tf.mul(logits, tf.oneHot(ids, classes)), 1);
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), picked));
}

/** Share of predictions whose arg-max is the label: logits [N, C], labels [N]. */
export function sparseAccuracy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const ids = labels.dtype === 'int32' ? labels : tf.cast(labels, 'int32');
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), ids), 'float32'));
}

/** Keras's binary accuracy: (p > 0.5) == y, i.e. (z > 0) == y on logits. */
export function binaryAccuracy(
  scores: tf.Tensor,
  target: tf.Tensor,
  fromLogits: boolean,
): tf.Scalar {
  const predicted = tf.cast(tf.greater(scores, fromLogits ? 0 : 0.5), 'float32');
  return tf.mean(tf.cast(tf.equal(predicted, tf.cast(target, 'float32')), 'float32'));
}
