// PCA to two dimensions in plain Float64 arithmetic: the covariance matrix of the columns and
// its eigen-decomposition by cyclic Jacobi rotations (exact for a symmetric matrix, no random
// start, so the same vectors always give the same picture).
import { check, checkPositiveInt } from '../errors';

export interface PcaResult {
  /** [rows, 2] row-major: each row's coordinates on the first two principal axes. */
  coords: Float64Array;
  rows: number;
  /** [2, cols]: the two unit-length principal axes (largest-magnitude entry positive). */
  components: Float64Array;
  /** Variance along each axis (eigenvalues of the covariance, divisor rows − 1). */
  variance: [number, number];
  /** Share of the total variance each axis explains (0 … 1). */
  explained: [number, number];
}

/** Eigenvalues (descending) and unit eigenvectors (columns of `vectors`, row-major n×n). */
export function symmetricEigen(
  matrix: Float64Array,
  n: number,
): {
  values: Float64Array;
  vectors: Float64Array;
} {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        const x = a[i * n + k]! * a[i * n + k]!;
        total += x;
        if (i !== k) off += x;
      }
    }
    if (off <= 1e-24 * Math.max(total, 1e-300)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (x, y) => a[y * n + y]! - a[x * n + x]! || x - y,
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = a[from * n + from]!;
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from]!;
  });
  return { values, vectors };
}

/**
 * Projects the rows of `data` ([rows, cols] row-major) onto their first two principal axes.
 * Each axis is signed so that its largest-magnitude entry is positive (as scikit-learn's
 * svd_flip does for its components), so the picture never flips between runs.
 */
export function pca2d(data: ArrayLike<number>, rows: number, cols: number): PcaResult {
  checkPositiveInt(rows, 'PCA rows');
  checkPositiveInt(cols, 'PCA columns');
  check(
    data.length === rows * cols,
    () => `PCA needs ${rows}×${cols} numbers, got ${data.length}.`,
  );
  check(cols <= 1024, 'PCA works on at most 1,024 columns here.');
  const mean = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c]! += data[r * cols + c]!;
  for (let c = 0; c < cols; c++) {
    mean[c]! /= rows;
    check(Number.isFinite(mean[c]!), 'PCA input holds a value that is not a finite number.');
  }
  const cov = new Float64Array(cols * cols);
  const row = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) row[c] = data[r * cols + c]! - mean[c]!;
    for (let i = 0; i < cols; i++) {
      const x = row[i]!;
      if (x === 0) continue;
      for (let k = i; k < cols; k++) cov[i * cols + k]! += x * row[k]!;
    }
  }
  const divisor = Math.max(1, rows - 1);
  for (let i = 0; i < cols; i++) {
    for (let k = i; k < cols; k++) {
      cov[i * cols + k]! /= divisor;
      cov[k * cols + i] = cov[i * cols + k]!;
    }
  }
  const { values, vectors } = symmetricEigen(cov, cols);
  const components = new Float64Array(2 * cols);
  for (let axis = 0; axis < 2; axis++) {
    if (axis >= cols) break;
    let best = 0;
    for (let k = 0; k < cols; k++) {
      if (Math.abs(vectors[k * cols + axis]!) > Math.abs(vectors[best * cols + axis]!)) best = k;
    }
    const sign = vectors[best * cols + axis]! < 0 ? -1 : 1;
    for (let k = 0; k < cols; k++) components[axis * cols + k] = sign * vectors[k * cols + axis]!;
  }
  const coords = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    for (let axis = 0; axis < 2; axis++) {
      let s = 0;
      for (let c = 0; c < cols; c++)
        s += (data[r * cols + c]! - mean[c]!) * components[axis * cols + c]!;
      coords[r * 2 + axis] = s;
    }
  }
  let total = 0;
  for (let k = 0; k < cols; k++) total += Math.max(0, values[k]!);
  const v0 = Math.max(0, values[0] ?? 0);
  const v1 = Math.max(0, values[1] ?? 0);
  return {
    coords,
    rows,
    components,
    variance: [v0, v1],
    explained: total > 0 ? [v0 / total, v1 / total] : [0, 0],
  };
}
