/**
 * Weights a learner edited in the GRU example: too many for a link, so they live in module
 * memory keyed by widget id (they survive a language switch, not a reload). The seed is in the
 * URL; edits belong to the seed they were made over.
 */
import { useSyncExternalStore } from 'react';
import { cloneCell, type GRUCell, type GRUGate } from '../../core';
import type { WeightPart } from '../cell/weightText';
import { exampleCell } from './gruModel';

const edited = new Map<string, { seed: number; cell: GRUCell }>();
const pristine = new Map<number, GRUCell>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function seeded(seed: number): GRUCell {
  let cell = pristine.get(seed);
  if (!cell) {
    cell = exampleCell(seed);
    pristine.set(seed, cell);
  }
  return cell;
}

export function getGruCell(id: string, seed: number): GRUCell {
  const mine = edited.get(id);
  return mine && mine.seed === seed ? mine.cell : seeded(seed);
}

export function isGruEdited(id: string, seed: number): boolean {
  return edited.get(id)?.seed === seed;
}

export function setGruWeight(
  id: string,
  seed: number,
  gate: GRUGate,
  part: WeightPart,
  index: number,
  value: number,
): void {
  const next = cloneCell(getGruCell(id, seed));
  const array = next.gates[gate][part];
  if (index < 0 || index >= array.length || !Number.isFinite(value)) return;
  array[index] = value;
  edited.set(id, { seed, cell: next });
  emit();
}

export function resetGruCell(id: string): void {
  if (!edited.delete(id)) return;
  emit();
}

export function useGruCell(id: string, seed: number): GRUCell {
  return useSyncExternalStore(
    subscribe,
    () => getGruCell(id, seed),
    () => getGruCell(id, seed),
  );
}
