import { useSyncExternalStore } from 'react';
import type { LSTMCell } from '../../core/cells';

/**
 * The LSTM trained on "hihello" in the page, as plain arrays: the cell, the Dense head
 * [hidden, vocab] and what it predicts. Kept in module memory (not the URL: it is far too
 * big for a link) so that the cell diagram can step through it and so that switching
 * language, which remounts the lesson's widgets, keeps it.
 */
export interface TrainedLstm {
  cell: LSTMCell;
  denseW: Float32Array;
  denseB: Float32Array;
  vocab: readonly string[];
  inputIds: Int32Array;
  targetIds: Int32Array;
  predictions: Int32Array;
  correct: number;
  epochs: number;
  loss: number;
  hidden: number;
}

let trained: TrainedLstm | null = null;
const listeners = new Set<() => void>();

export function getTrained(): TrainedLstm | null {
  return trained;
}

export function setTrained(model: TrainedLstm | null): void {
  trained = model;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTrained(): TrainedLstm | null {
  return useSyncExternalStore(subscribe, getTrained, getTrained);
}

/** softmax(h · W + b) for one hidden state, in plain arithmetic (the Dense head). */
export function headProbabilities(model: TrainedLstm, h: ArrayLike<number>): Float64Array {
  const V = model.vocab.length;
  const H = model.hidden;
  const logits = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    let sum = model.denseB[v]!;
    for (let k = 0; k < H; k++) sum += h[k]! * model.denseW[k * V + v]!;
    logits[v] = sum;
  }
  const max = Math.max(...logits);
  let total = 0;
  for (let v = 0; v < V; v++) {
    logits[v] = Math.exp(logits[v]! - max);
    total += logits[v]!;
  }
  for (let v = 0; v < V; v++) logits[v] = logits[v]! / total;
  return logits;
}
