/**
 * Weights a learner edited in the first worked example. 48 numbers do not fit a shareable
 * link, so they live in module memory, keyed by widget id: switching language remounts the
 * lesson's widgets but not this module, so the edits survive it (a reload does not).
 */
import { useSyncExternalStore } from 'react';
import { cloneCell, courseLstmExampleCell, type LSTMCell, type LSTMGate } from '../../core';

const edited = new Map<string, LSTMCell>();
const pristine = courseLstmExampleCell();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The cell of widget `id`: the learner's edits, or the course's numbers (shared, read-only). */
export function getCell(id: string): LSTMCell {
  return edited.get(id) ?? pristine;
}

export function isEdited(id: string): boolean {
  return edited.has(id);
}

import type { WeightPart } from '../cell/weightText';

export {
  MAX_WEIGHT,
  float32Text,
  parseWeight,
  type ParsedWeight,
  type WeightPart,
} from '../cell/weightText';

/** Writes one weight; a new cell object each time, so React sees the change. */
export function setWeight(
  id: string,
  gate: LSTMGate,
  part: WeightPart,
  index: number,
  value: number,
): void {
  const next = cloneCell(getCell(id));
  const array = next.gates[gate][part];
  if (index < 0 || index >= array.length || !Number.isFinite(value)) return;
  array[index] = value;
  edited.set(id, next);
  emit();
}

/** Back to the course's numbers. */
export function resetCell(id: string): void {
  if (!edited.delete(id)) return;
  emit();
}

export function useCell(id: string): LSTMCell {
  return useSyncExternalStore(
    subscribe,
    () => getCell(id),
    () => getCell(id),
  );
}
