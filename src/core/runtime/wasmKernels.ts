// Kernels tfjs's wasm backend lacks, registered when the core loads that backend.
//
// UnsortedSegmentSum is the gradient of tf.gather — the Embedding layer's lookup. Without it
// an Embedding cannot train on wasm ("Kernel
// 'UnsortedSegmentSum' not registered for backend 'wasm'"). This registers a plain-JS kernel
// for it: a scatter-add of the rows of x into numSegments rows (ids outside the range are
// ignored, as TensorFlow does). It runs once per training step over [batch·steps, embedding]
// numbers, which is small next to the recurrent layers' work.
import * as tf from '@tensorflow/tfjs';

interface WasmLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array;
}

/** The scatter-add itself, on plain arrays (tested in Node against tf.unsortedSegmentSum). */
export function segmentSum(
  values: ArrayLike<number>,
  ids: ArrayLike<number>,
  inner: number,
  numSegments: number,
  out: Float32Array | Int32Array,
): void {
  out.fill(0);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n]!;
    if (id < 0 || id >= numSegments) continue;
    const from = n * inner;
    const to = id * inner;
    for (let k = 0; k < inner; k++) out[to + k]! += values[from + k]!;
  }
}

let registered = false;

/** Registers the kernel for 'wasm' once (no-op if tfjs already has one). */
export function registerWasmSegmentSum(): void {
  if (registered || tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    registered = true;
    return;
  }
  registered = true;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const wasm = backend as unknown as WasmLike;
      // Copy both inputs before allocating the output: a heap resize detaches older views.
      const values = Float32Array.from(wasm.readSync(x.dataId));
      const ids = Int32Array.from(wasm.readSync(segmentIds.dataId));
      const inner = x.shape.slice(1).reduce((a, b) => a * b, 1);
      const out = wasm.makeOutput([numSegments, ...x.shape.slice(1)], x.dtype);
      segmentSum(values, ids, inner, numSegments, wasm.typedArrayFromHeap(out));
      return out;
    },
  });
}
