import * as tf from '@tensorflow/tfjs';
import { ensure, isFiniteNumber, show } from './errors';

/**
 * Gradient clipping, the three forms the course compares (CURRICULUM §4):
 *
 * - **per-tensor** (Keras `clipnorm=c`): each weight tensor's gradient on its own,
 *   g_i ← g_i · c / max(‖g_i‖, c), so every tensor's norm is at most c;
 * - **global, Keras** (`global_clipnorm=c`, `tf.clip_by_global_norm`): all gradients together,
 *   g_i ← g_i · c / max(G, c) with G = √(Σ_i ‖g_i‖²), so the global norm is at most c and the
 *   direction of the whole update is kept;
 * - **global, PyTorch** (`clip_grad_norm_(max_norm=c)`): g_i ← g_i · min(1, c / (G + 10⁻⁶)).
 *
 * Norms are Euclidean (Frobenius) norms over all entries.
 */
export type ClipMode = 'none' | 'per-tensor' | 'global';

/** How global clipping computes its factor: c/max(G, c) (Keras) or min(1, c/(G + 1e-6)). */
export type GlobalClipStyle = 'keras' | 'pytorch';

export type ClipOptions =
  | { mode: 'none' }
  | { mode: 'per-tensor'; threshold: number }
  | { mode: 'global'; threshold: number; style?: GlobalClipStyle };

/** The ε PyTorch's `clip_grad_norm_` adds to the global norm. */
export const PYTORCH_CLIP_EPSILON = 1e-6;

/** Gradients as a list or as the name → tensor map `tf.variableGrads` returns. */
export type Gradients = tf.Tensor[] | tf.NamedTensorMap;

/** Throws a TrainingInputError unless `threshold` is a finite number above 0. */
export function checkClipThreshold(threshold: unknown): number {
  ensure(
    isFiniteNumber(threshold) && threshold > 0,
    () => `The clipping threshold must be a number above 0, got ${show(threshold)}.`,
  );
  return threshold;
}

/** The result of clipping inside a tidy: the new gradients and the numbers a trace needs. */
export interface ClippedGradients {
  /** Same order as the input; null stays null (a variable with no gradient). */
  grads: (tf.Tensor | null)[];
  /** Global norm before clipping. */
  normBefore: tf.Scalar;
  /** Global norm after clipping. */
  normAfter: tf.Scalar;
  /** 1 when any gradient was scaled down, else 0. */
  clipped: tf.Scalar;
}

const squaredNorm = (g: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.cast(g, 'float32')));

function globalNormOf(list: (tf.Tensor | null)[]): tf.Scalar {
  const squares = list.filter((g): g is tf.Tensor => g !== null).map(squaredNorm);
  if (squares.length === 0) return tf.scalar(0);
  return tf.sqrt(squares.length === 1 ? squares[0]! : tf.addN(squares));
}

/**
 * Clips a list of gradients by `clip` (see ClipOptions). Must run inside `tf.tidy` (the
 * training loop's step does); the public helpers below wrap it.
 */
export function clipGradientList(list: (tf.Tensor | null)[], clip: ClipOptions): ClippedGradients {
  const normBefore = globalNormOf(list);
  if (clip.mode === 'none') {
    return { grads: list, normBefore, normAfter: normBefore, clipped: tf.scalar(0) };
  }
  const c = checkClipThreshold(clip.threshold);
  if (clip.mode === 'per-tensor') {
    const flags: tf.Tensor[] = [];
    const grads = list.map((g) => {
      if (g === null) return null;
      const norm = tf.sqrt(squaredNorm(g));
      flags.push(tf.greater(norm, c));
      return tf.div(tf.mul(g, c), tf.maximum(norm, c));
    });
    const clipped = flags.length === 0 ? tf.scalar(0) : tf.cast(tf.any(tf.stack(flags)), 'float32');
    return { grads, normBefore, normAfter: globalNormOf(grads), clipped: clipped as tf.Scalar };
  }
  ensure(clip.mode === 'global', () => {
    const mode = (clip as { mode?: unknown }).mode;
    return `The clipping mode must be "none", "per-tensor" or "global", got ${show(mode)}.`;
  });
  const style = clip.style ?? 'keras';
  ensure(
    style === 'keras' || style === 'pytorch',
    () => `The global clipping style must be "keras" or "pytorch", got ${show(style)}.`,
  );
  let scale: tf.Scalar;
  let clipped: tf.Scalar;
  if (style === 'keras') {
    scale = tf.div(c, tf.maximum(normBefore, c));
    clipped = tf.cast(tf.greater(normBefore, c), 'float32');
  } else {
    const coefficient: tf.Scalar = tf.div(c, tf.add(normBefore, PYTORCH_CLIP_EPSILON));
    scale = tf.minimum(coefficient, 1);
    clipped = tf.cast(tf.less(coefficient, 1), 'float32');
  }
  const grads = list.map((g) => (g === null ? null : tf.mul(g, scale)));
  return { grads, normBefore, normAfter: globalNormOf(grads), clipped };
}

function toList(grads: Gradients): { list: (tf.Tensor | null)[]; keys: string[] | null } {
  ensure(
    typeof grads === 'object' && grads !== null,
    'The gradients must be a list of tensors or a name → tensor map.',
  );
  if (Array.isArray(grads)) return { list: grads, keys: null };
  const keys = Object.keys(grads);
  return { list: keys.map((k) => grads[k] ?? null), keys };
}

function fromList(list: (tf.Tensor | null)[], keys: string[] | null): Gradients {
  if (keys === null) return list as tf.Tensor[];
  const map: tf.NamedTensorMap = {};
  keys.forEach((k, i) => {
    map[k] = list[i] as tf.Tensor;
  });
  return map;
}

function clipAndKeep(grads: Gradients, clip: ClipOptions): Gradients {
  const { list, keys } = toList(grads);
  const present = list.filter((g): g is tf.Tensor => g !== null);
  const clipped = tf.tidy(() =>
    (clipGradientList(present, clip).grads as tf.Tensor[]).map((g) => tf.keep(g.clone())),
  );
  let k = 0;
  return fromList(
    list.map((g) => (g === null ? null : clipped[k++]!)),
    keys,
  );
}

/** ‖g‖ over all gradients together: √(Σ_i ‖g_i‖²). A new scalar; the inputs are untouched. */
export function globalNorm(grads: Gradients): tf.Scalar {
  const { list } = toList(grads);
  return tf.tidy(() => globalNormOf(list));
}

/**
 * Keras `clipnorm`: each gradient scaled by c / max(‖g_i‖, c). Returns new tensors in the same
 * form (list or map) as given; the caller disposes them, the inputs are untouched.
 */
export function clipPerTensor(grads: tf.Tensor[], threshold: number): tf.Tensor[];
export function clipPerTensor(grads: tf.NamedTensorMap, threshold: number): tf.NamedTensorMap;
export function clipPerTensor(grads: Gradients, threshold: number): Gradients {
  return clipAndKeep(grads, { mode: 'per-tensor', threshold });
}

/**
 * Global-norm clipping: Keras `global_clipnorm` (c / max(G, c), the default) or PyTorch
 * `clip_grad_norm_` (min(1, c / (G + 1e-6))). New tensors in the same form as given.
 */
export function clipGlobal(
  grads: tf.Tensor[],
  threshold: number,
  style?: GlobalClipStyle,
): tf.Tensor[];
export function clipGlobal(
  grads: tf.NamedTensorMap,
  threshold: number,
  style?: GlobalClipStyle,
): tf.NamedTensorMap;
export function clipGlobal(
  grads: Gradients,
  threshold: number,
  style: GlobalClipStyle = 'keras',
): Gradients {
  return clipAndKeep(grads, { mode: 'global', threshold, style });
}
