/**
 * The self-check exercises as data (the words are in LstmQuiz's string table, under the keys
 * named here): each is a numeric answer with a tolerance, or a multiple choice with an
 * explanation for every option. Adding an exercise is adding an object.
 */

export interface NumericExercise {
  id: string;
  kind: 'numeric';
  answer: number;
  tolerance: number;
  /** Answers that betray a typical slip, each with its own explanation key. */
  mistakes: readonly { value: number; tolerance: number; key: string }[];
}

export interface ChoiceExercise {
  id: string;
  kind: 'choice';
  options: readonly { id: string; correct: boolean }[];
}

export type Exercise = NumericExercise | ChoiceExercise;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'q1',
    kind: 'numeric',
    // The first forget-gate unit at t = 1: σ(0.1·1 + 0.2·0 + 0.3·0 + 0.5·0 + 0.5·0 + 0).
    answer: sigmoid(0.1),
    tolerance: 0.0015,
    mistakes: [
      { value: 0.1, tolerance: 1e-9, key: 'q1-no-sigmoid' },
      { value: sigmoid(0.6), tolerance: 0.0015, key: 'q1-all-inputs' },
      { value: 0.6, tolerance: 1e-9, key: 'q1-all-inputs' },
    ],
  },
  {
    id: 'q2',
    kind: 'choice',
    options: [
      { id: 'f', correct: true },
      { id: 'i', correct: false },
      { id: 'o', correct: false },
      { id: 'cand', correct: false },
    ],
  },
  {
    id: 'q3',
    kind: 'numeric',
    // c1 = f1·c0 + i1·c̃1 with c0 = 0, i1 = σ(0.2), c̃1 = tanh(0.5).
    answer: sigmoid(0.2) * Math.tanh(0.5),
    tolerance: 0.003,
    mistakes: [
      { value: sigmoid(0.2) + Math.tanh(0.5), tolerance: 0.004, key: 'q3-added' },
      {
        value: sigmoid(0.1) + sigmoid(0.2) * Math.tanh(0.5),
        tolerance: 0.004,
        key: 'q3-forget-added',
      },
    ],
  },
];

export type NumericVerdict =
  { kind: 'invalid' } | { kind: 'right' } | { kind: 'mistake'; key: string } | { kind: 'wrong' };

/** Reads a typed answer ("0.525", "0,525", ".525", "−0.3") as a number, or null. */
export function parseAnswer(text: string): number | null {
  const cleaned = text.trim().replace(/^[−–]/, '-').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export function checkNumeric(exercise: NumericExercise, text: string): NumericVerdict {
  const value = parseAnswer(text);
  if (value === null) return { kind: 'invalid' };
  if (Math.abs(value - exercise.answer) <= exercise.tolerance) return { kind: 'right' };
  const slip = exercise.mistakes.find((m) => Math.abs(value - m.value) <= m.tolerance);
  return slip ? { kind: 'mistake', key: slip.key } : { kind: 'wrong' };
}

export function checkChoice(exercise: ChoiceExercise, optionId: string | null): boolean | null {
  if (optionId === null) return null;
  return exercise.options.find((o) => o.id === optionId)?.correct ?? false;
}
