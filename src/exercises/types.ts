import type { Bilingual } from '../i18n/lang';

/**
 * Exercises are data. Text fields may hold inline `$…$` TeX (our own strings, typeset by
 * KaTeX). Each lesson's exercises live in one module, `src/exercises/lessons/<slug>.ts`,
 * whose default export is a `LessonExercises`; nothing else needs to change to add a lesson.
 */
export interface NumericExercise {
  kind: 'numeric';
  /** Stable within the lesson: progress is stored under it. Never reuse an id for a new question. */
  id: string;
  prompt: Bilingual;
  answer: number;
  /** Accepted if |given − answer| ≤ tolerance (absolute). */
  tolerance: number;
  /** Also accepted if |given − answer| ≤ relTolerance · |answer| (for tiny or huge answers). */
  relTolerance?: number;
  /** Answers that betray a typical slip, each explained. */
  mistakes?: readonly { value: number; tolerance: number; message: Bilingual }[];
  /** Offered after the first wrong answer. */
  hint?: Bilingual;
  /** Shown once the answer is right or revealed: how to get there. */
  explanation: Bilingual;
  /** Digits to show the worked answer with (default 3). */
  digits?: number;
}

export interface ChoiceOption {
  text: Bilingual;
  correct: boolean;
  /** Why this option is right or wrong; shown when it is picked. */
  why: Bilingual;
}

export interface ChoiceExercise {
  kind: 'choice';
  id: string;
  prompt: Bilingual;
  /** Exactly one option is correct. */
  options: readonly ChoiceOption[];
  explanation?: Bilingual;
}

export type Exercise = NumericExercise | ChoiceExercise;

export interface LessonExercises {
  lesson: string;
  exercises: readonly Exercise[];
}

/** Declares a lesson's exercises; checks the data's own rules at load time (and in tests). */
export function defineExercises(lesson: string, exercises: readonly Exercise[]): LessonExercises {
  const problems = exerciseProblems({ lesson, exercises });
  if (problems.length) throw new Error(`exercises for ${lesson}: ${problems.join('; ')}`);
  return { lesson, exercises };
}

export function exerciseProblems(set: LessonExercises): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const ex of set.exercises) {
    if (!/^[a-z0-9-]+$/.test(ex.id)) problems.push(`${ex.id}: id must be a-z, 0-9, -`);
    if (ids.has(ex.id)) problems.push(`${ex.id}: duplicate id`);
    ids.add(ex.id);
    if (ex.kind === 'numeric') {
      if (!Number.isFinite(ex.answer)) problems.push(`${ex.id}: answer is not finite`);
      if (!(ex.tolerance >= 0)) problems.push(`${ex.id}: negative tolerance`);
      for (const m of ex.mistakes ?? []) {
        if (Math.abs(m.value - ex.answer) <= Math.max(ex.tolerance, m.tolerance)) {
          problems.push(`${ex.id}: mistake ${m.value} overlaps the answer`);
        }
      }
    } else {
      const right = ex.options.filter((o) => o.correct).length;
      if (right !== 1) problems.push(`${ex.id}: ${right} correct options (need exactly 1)`);
      if (ex.options.length < 2) problems.push(`${ex.id}: fewer than 2 options`);
    }
  }
  return problems;
}
