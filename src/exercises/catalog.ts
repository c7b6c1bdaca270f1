import type { LessonExercises } from './types';

/**
 * Every lesson's exercises, each in its own small chunk: `lessons/<slug>.ts`. The home page
 * loads them only to count, and a lesson only its own.
 */
const modules = import.meta.glob<{ default: LessonExercises }>('./lessons/*.ts');

const bySlug = new Map<string, () => Promise<{ default: LessonExercises }>>(
  Object.entries(modules).map(([file, load]) => [file.replace(/^.*\/([^/]+)\.ts$/, '$1'), load]),
);

export function lessonsWithExercises(): string[] {
  return [...bySlug.keys()];
}

const loaded = new Map<string, LessonExercises>();

export function cachedExercises(slug: string): LessonExercises | undefined {
  return loaded.get(slug);
}

export async function loadExercises(slug: string): Promise<LessonExercises | null> {
  const hit = loaded.get(slug);
  if (hit) return hit;
  const load = bySlug.get(slug);
  if (!load) return null;
  const set = (await load()).default;
  loaded.set(slug, set);
  return set;
}
