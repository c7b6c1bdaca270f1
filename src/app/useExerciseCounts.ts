import { useEffect, useState } from 'react';
import { cachedExercises, lessonsWithExercises, loadExercises } from '../exercises/catalog';

/** Each lesson's current exercise ids, loaded in small chunks after the home page shows. */
export function useExerciseIds(): ReadonlyMap<string, readonly string[]> {
  const [ids, setIds] = useState<ReadonlyMap<string, readonly string[]>>(() => {
    const out = new Map<string, readonly string[]>();
    for (const slug of lessonsWithExercises()) {
      const set = cachedExercises(slug);
      if (set)
        out.set(
          slug,
          set.exercises.map((e) => e.id),
        );
    }
    return out;
  });
  useEffect(() => {
    let live = true;
    const missing = lessonsWithExercises().filter((slug) => !cachedExercises(slug));
    if (missing.length === 0) return;
    Promise.allSettled(missing.map((slug) => loadExercises(slug))).then(() => {
      if (!live) return;
      const out = new Map<string, readonly string[]>();
      for (const slug of lessonsWithExercises()) {
        const set = cachedExercises(slug);
        if (set)
          out.set(
            slug,
            set.exercises.map((e) => e.id),
          );
      }
      setIds(out);
    });
    return () => {
      live = false;
    };
  }, []);
  return ids;
}
