import { useSyncExternalStore } from 'react';

/**
 * Exercise progress, kept in this browser only (localStorage). Versioned so a later schema
 * can migrate old data; anything unreadable is set aside (never thrown) and the learner
 * starts fresh, with the broken text kept under a backup key.
 */
export const PROGRESS_KEY = 'gatebook.progress';
export const PROGRESS_BACKUP_KEY = 'gatebook.progress.unreadable';
export const PROGRESS_VERSION = 1;
const MAX_IMPORT_BYTES = 1_000_000;
const NAME = /^[a-z0-9-]{1,60}$/;

export type ExerciseStatus = 'tried' | 'revealed' | 'correct';
const RANK: Record<ExerciseStatus, number> = { tried: 0, revealed: 1, correct: 2 };

export interface ExerciseRecord {
  status: ExerciseStatus;
  attempts: number;
  /** Milliseconds since 1970 of the last change. */
  updated: number;
}

/** lesson slug → exercise id → record */
export type ProgressData = Readonly<Record<string, Readonly<Record<string, ExerciseRecord>>>>;

export interface ProgressFile {
  app: 'gatebook';
  kind: 'progress';
  version: typeof PROGRESS_VERSION;
  exported?: string;
  lessons: ProgressData;
}

export type ImportError =
  'tooLarge' | 'notJson' | 'notProgress' | 'newerVersion' | 'badLessons' | 'empty';

export type ImportResult =
  | { ok: true; data: ProgressData; exercises: number; skipped: number }
  | { ok: false; error: ImportError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRecord(value: unknown): ExerciseRecord | null {
  if (!isRecord(value)) return null;
  const { status, attempts, updated } = value;
  if (status !== 'tried' && status !== 'revealed' && status !== 'correct') return null;
  const n = typeof attempts === 'number' && Number.isFinite(attempts) ? attempts : 0;
  const t = typeof updated === 'number' && Number.isFinite(updated) ? updated : 0;
  return {
    status,
    attempts: Math.min(1e6, Math.max(0, Math.round(n))),
    updated: Math.max(0, t),
  };
}

/** Validates the `lessons` part; bad entries are skipped and counted, never trusted. */
export function readLessons(
  value: unknown,
): { data: ProgressData; kept: number; skipped: number } | null {
  if (!isRecord(value)) return null;
  const data: Record<string, Record<string, ExerciseRecord>> = {};
  let kept = 0;
  let skipped = 0;
  for (const [slug, exercises] of Object.entries(value)) {
    if (!NAME.test(slug) || !isRecord(exercises)) {
      skipped++;
      continue;
    }
    const lesson: Record<string, ExerciseRecord> = {};
    for (const [id, raw] of Object.entries(exercises)) {
      const record = NAME.test(id) ? readRecord(raw) : null;
      if (record) {
        lesson[id] = record;
        kept++;
      } else skipped++;
    }
    if (Object.keys(lesson).length) data[slug] = lesson;
  }
  return { data, kept, skipped };
}

/** Parses a progress file's text (an export, or what localStorage holds). */
export function parseProgress(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'tooLarge' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (!isRecord(json) || json.app !== 'gatebook' || json.kind !== 'progress') {
    return { ok: false, error: 'notProgress' };
  }
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) {
    return { ok: false, error: 'notProgress' };
  }
  if (json.version > PROGRESS_VERSION) return { ok: false, error: 'newerVersion' };
  const lessons = readLessons(json.lessons);
  if (!lessons) return { ok: false, error: 'badLessons' };
  return { ok: true, data: lessons.data, exercises: lessons.kept, skipped: lessons.skipped };
}

export function serializeProgress(data: ProgressData, exported?: Date): string {
  const file: ProgressFile = {
    app: 'gatebook',
    kind: 'progress',
    version: PROGRESS_VERSION,
    ...(exported ? { exported: exported.toISOString() } : {}),
    lessons: data,
  };
  return JSON.stringify(file, null, exported ? 2 : undefined);
}

/** Keeps, per exercise, the better of two records (right beats revealed beats tried). */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  const out: Record<string, Record<string, ExerciseRecord>> = {};
  for (const source of [a, b]) {
    for (const [slug, exercises] of Object.entries(source)) {
      const lesson = (out[slug] ??= {});
      for (const [id, record] of Object.entries(exercises)) {
        const have = lesson[id];
        if (
          !have ||
          RANK[record.status] > RANK[have.status] ||
          (RANK[record.status] === RANK[have.status] && record.updated > have.updated)
        ) {
          lesson[id] = { ...record, attempts: Math.max(record.attempts, have?.attempts ?? 0) };
        }
      }
    }
  }
  return out;
}

// ---- the store -------------------------------------------------------------------------

const EMPTY: ProgressData = {};
let cache: { raw: string | null; data: ProgressData } | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readRaw(): string | null {
  try {
    return storage()?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return null;
  }
}

export function getProgress(): ProgressData {
  const raw = readRaw();
  if (cache && cache.raw === raw) return cache.data;
  let data = EMPTY;
  if (raw !== null) {
    const parsed = parseProgress(raw);
    if (parsed.ok) data = parsed.data;
    else {
      // Keep the unreadable text for the curious, then start afresh.
      try {
        storage()?.setItem(PROGRESS_BACKUP_KEY, raw.slice(0, MAX_IMPORT_BYTES));
        storage()?.removeItem(PROGRESS_KEY);
      } catch {
        // Storage is blocked: nothing to clean up.
      }
    }
  }
  // After setting broken text aside the key is gone; cache what storage now holds.
  cache = { raw: data === EMPTY ? readRaw() : raw, data };
  return data;
}

function write(data: ProgressData): void {
  const text = serializeProgress(data);
  try {
    storage()?.setItem(PROGRESS_KEY, text);
    cache = { raw: text, data };
  } catch {
    // Private mode or full storage: keep it for this page at least.
    cache = { raw: readRaw(), data };
  }
  listeners.forEach((l) => l());
}

export function recordAttempt(lesson: string, id: string, status: ExerciseStatus): void {
  const data = getProgress();
  const have = data[lesson]?.[id];
  const next: ExerciseRecord = {
    status: have && RANK[have.status] > RANK[status] ? have.status : status,
    attempts: (have?.attempts ?? 0) + (status === 'revealed' ? 0 : 1),
    updated: Date.now(),
  };
  write({ ...data, [lesson]: { ...data[lesson], [id]: next } });
}

export function importProgress(text: string): ImportResult {
  const result = parseProgress(text);
  if (!result.ok) return result;
  if (result.exercises === 0) return { ok: false, error: 'empty' };
  write(mergeProgress(getProgress(), result.data));
  return result;
}

export function resetProgress(): void {
  try {
    storage()?.removeItem(PROGRESS_KEY);
  } catch {
    // Blocked storage holds nothing to remove.
  }
  cache = { raw: null, data: EMPTY };
  listeners.forEach((l) => l());
}

export function exportProgress(now = new Date()): string {
  return serializeProgress(getProgress(), now);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useProgress(): ProgressData {
  return useSyncExternalStore(subscribe, getProgress, () => EMPTY);
}

/** How many of a lesson's current exercises are solved (ids no longer in the lesson don't count). */
export function solvedCount(data: ProgressData, lesson: string, ids: readonly string[]): number {
  const records = data[lesson];
  if (!records) return 0;
  return ids.filter((id) => records[id]?.status === 'correct').length;
}
