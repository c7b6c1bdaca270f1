import { describe, expect, it } from 'vitest';
import {
  EXERCISES,
  checkChoice,
  checkNumeric,
  parseAnswer,
  type ChoiceExercise,
  type NumericExercise,
} from '../../../src/widgets/lstm/lstmQuizModel';
import {
  MAX_WEIGHT,
  float32Text,
  getCell,
  isEdited,
  parseWeight,
  resetCell,
  setWeight,
} from '../../../src/widgets/lstm/weightsStore';

describe('the weight editor’s store', () => {
  it('accepts finite numbers within range and refuses the rest, with a reason', () => {
    expect(parseWeight('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseWeight(' −1.5 ')).toEqual({ ok: true, value: -1.5 });
    expect(parseWeight('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseWeight('-0')).toEqual({ ok: true, value: 0 });
    expect(parseWeight('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseWeight('abc')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseWeight('1.2.3')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseWeight('Infinity')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseWeight('NaN')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseWeight('1e999')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseWeight(String(MAX_WEIGHT + 1))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('edits a copy per widget id and resets to the course’s numbers', () => {
    const pristine = getCell('a');
    expect(pristine.gates.f.W[0]).toBeCloseTo(0.1);
    setWeight('a', 'f', 'W', 0, 0.7);
    expect(isEdited('a')).toBe(true);
    expect(getCell('a')).not.toBe(pristine);
    expect(getCell('a').gates.f.W[0]).toBeCloseTo(0.7);
    expect(getCell('b').gates.f.W[0]).toBeCloseTo(0.1);
    expect(pristine.gates.f.W[0]).toBeCloseTo(0.1);
    setWeight('a', 'f', 'W', 0, NaN); // refused
    expect(getCell('a').gates.f.W[0]).toBeCloseTo(0.7);
    resetCell('a');
    expect(isEdited('a')).toBe(false);
    expect(getCell('a')).toBe(pristine);
  });

  it('writes float32 values back as the short decimals the learner typed', () => {
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(Math.fround(-0.3))).toBe('-0.3');
    expect(float32Text(Math.fround(1 / 3))).toBe('0.33333334');
    expect(float32Text(0)).toBe('0');
  });
});

describe('the self-check', () => {
  const [q1, q2, q3] = EXERCISES as [NumericExercise, ChoiceExercise, NumericExercise];

  it('reads answers with a decimal point or comma and a typographic minus', () => {
    expect(parseAnswer('0.525')).toBe(0.525);
    expect(parseAnswer('0,525')).toBe(0.525);
    expect(parseAnswer('−0.5')).toBe(-0.5);
    expect(parseAnswer('half')).toBeNull();
  });

  it('checks f1 = σ(0.1) with a tolerance and names typical slips', () => {
    expect(checkNumeric(q1, '0.525')).toEqual({ kind: 'right' });
    expect(checkNumeric(q1, '0.52498')).toEqual({ kind: 'right' });
    expect(checkNumeric(q1, '0.53')).toEqual({ kind: 'wrong' });
    expect(checkNumeric(q1, '0.1')).toEqual({ kind: 'mistake', key: 'q1-no-sigmoid' });
    expect(checkNumeric(q1, '0.646')).toEqual({ kind: 'mistake', key: 'q1-all-inputs' });
    expect(checkNumeric(q1, 'x')).toEqual({ kind: 'invalid' });
  });

  it('checks c1 = i1 · c̃1 ≈ 0.254', () => {
    expect(checkNumeric(q3, '0.254')).toEqual({ kind: 'right' });
    expect(checkNumeric(q3, '1.012')).toEqual({ kind: 'mistake', key: 'q3-added' });
    expect(checkNumeric(q3, '0.3')).toEqual({ kind: 'wrong' });
  });

  it('the forget gate is the one that must be near 0 to forget the subject', () => {
    expect(checkChoice(q2, 'f')).toBe(true);
    expect(checkChoice(q2, 'i')).toBe(false);
    expect(checkChoice(q2, null)).toBeNull();
    expect(q2.options.filter((o) => o.correct)).toHaveLength(1);
  });
});
