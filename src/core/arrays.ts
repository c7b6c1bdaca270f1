import { check } from './errors';

/** A nested array of numbers of any depth (what JSON and numpy's `tolist()` give). */
export type NestedNumbers = number | readonly NestedNumbers[];

/** A dense row-major array with its shape: how the core hands numbers around. */
export interface DenseArray {
  data: Float32Array;
  shape: number[];
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The shape of a nested array, read along its first entries (`toDense` checks the rest). */
export function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  let cursor: unknown = value;
  while (Array.isArray(cursor)) {
    shape.push(cursor.length);
    if (cursor.length === 0) break;
    cursor = cursor[0];
  }
  return shape;
}

/**
 * Reads a nested array (or a typed array with a given shape) into a Float32Array, checking
 * that it is rectangular, numeric and finite.
 */
export function toDense(value: unknown, what: string): DenseArray {
  if (isDenseLike(value)) {
    const size = value.shape.reduce((a, b) => a * b, 1);
    check(
      value.data.length === size,
      () =>
        `${what} has ${value.data.length} numbers but its shape ${formatShape(value.shape)} needs ${size}.`,
    );
    const data = Float32Array.from(value.data);
    checkFinite(data, what);
    return { data, shape: [...value.shape] };
  }
  check(
    typeof value === 'number' || Array.isArray(value),
    () => `${what} must be an array of numbers, got ${describe(value)}.`,
  );
  const shape = shapeOf(value);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  let offset = 0;
  const walk = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      check(
        typeof node === 'number',
        () => `${what} must contain only numbers, found ${describe(node)}.`,
      );
      check(Number.isFinite(node), () => `${what} contains a non-finite value (${String(node)}).`);
      data[offset++] = node;
      return;
    }
    check(
      Array.isArray(node) && node.length === shape[depth],
      () =>
        `${what} is ragged: every row at depth ${depth} must have ${shape[depth]} entries ` +
        `(shape ${formatShape(shape)}).`,
    );
    for (const child of node as unknown[]) walk(child, depth + 1);
  };
  walk(value, 0);
  return { data, shape };
}

interface DenseLike {
  data: ArrayLike<number>;
  shape: readonly number[];
}

export function isDenseLike(value: unknown): value is DenseLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'data' in value &&
    'shape' in value &&
    Array.isArray((value as DenseLike).shape) &&
    typeof (value as DenseLike).data === 'object'
  );
}

export function checkFinite(data: ArrayLike<number>, what: string): void {
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    check(
      Number.isFinite(v),
      () => `${what} contains a non-finite value (${String(v)}) at flat index ${k}.`,
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text "${value.slice(0, 20)}"`;
  return typeof value;
}

/** Row-major nested array of a flat array with `shape`. */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): NestedNumbers {
  if (shape.length === 0) return data[0] ?? 0;
  const build = (offset: number, depth: number): NestedNumbers[] => {
    const n = shape[depth] ?? 0;
    const stride = shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    const out: NestedNumbers[] = [];
    for (let k = 0; k < n; k++) {
      out.push(
        depth === shape.length - 1
          ? (data[offset + k] ?? 0)
          : build(offset + k * stride, depth + 1),
      );
    }
    return out;
  };
  return build(0, 0);
}

/** Transpose of a row-major [rows, cols] matrix. */
export function transpose(data: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c] ?? 0;
  }
  return out;
}

/** Columns [from, from + count) of a row-major [rows, cols] matrix. */
export function sliceColumns(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  from: number,
  count: number,
): Float32Array {
  const out = new Float32Array(rows * count);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < count; c++) out[r * count + c] = data[r * cols + from + c] ?? 0;
  }
  return out;
}

/** Places blocks of [rows, widths[k]] side by side into one [rows, Σ widths] matrix. */
export function concatColumns(
  blocks: readonly ArrayLike<number>[],
  rows: number,
  width: number,
): Float32Array {
  const cols = blocks.length * width;
  const out = new Float32Array(rows * cols);
  blocks.forEach((block, k) => {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < width; c++) out[r * cols + k * width + c] = block[r * width + c] ?? 0;
    }
  });
  return out;
}
