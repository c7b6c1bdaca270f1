import { LESSONS } from '../../../src/lessons/registry';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/app/App';
import { lessonsWithExercises, loadExercises } from '../../../src/exercises/catalog';
import { checkNumeric, parseAnswer } from '../../../src/exercises/check';
import Exercises from '../../../src/exercises/Exercises';
import {
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  exportProgress,
  getProgress,
  importProgress,
  parseProgress,
  recordAttempt,
  resetProgress,
} from '../../../src/exercises/progress';
import { exerciseProblems, type NumericExercise } from '../../../src/exercises/types';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';

const HANGUL = /[\uac00-\ud7a3]/;

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('reading a numeric answer', () => {
  it.each([
    ['0.525', 0.525],
    [' -0.2 ', -0.2],
    ['\u22120.2', -0.2],
    ['0,525', 0.525],
    ['1,860', 1860],
    ['70 200', 70200],
    ['1e-6', 1e-6],
    ['9.5E-7', 9.5e-7],
    ['4/6', 4 / 6],
    ['52.5%', 0.525],
    ['.5', 0.5],
  ])('%s → %s', (raw, value) => {
    expect(parseAnswer(raw)).toBeCloseTo(value, 12);
  });

  it.each(['', 'abc', '1/0', '0x10', 'NaN', 'Infinity', '1..2', '--1', '1,2,3', 'x'.repeat(100)])(
    'rejects %j',
    (raw) => {
      expect(Number.isNaN(parseAnswer(raw))).toBe(true);
    },
  );

  it('tells a typical slip apart from a plain wrong answer', () => {
    const ex: NumericExercise = {
      kind: 'numeric',
      id: 'x',
      prompt: { ko: '문제', en: 'question' },
      answer: 55,
      tolerance: 0,
      mistakes: [{ value: 50, tolerance: 0, message: { ko: '편향', en: 'bias' } }],
      explanation: { ko: '설명', en: 'why' },
    };
    expect(checkNumeric(ex, '55')).toEqual({ verdict: 'correct' });
    expect(checkNumeric(ex, '50')).toMatchObject({ verdict: 'mistake' });
    expect(checkNumeric(ex, '40')).toEqual({ verdict: 'wrong', direction: 'low' });
    expect(checkNumeric(ex, '56')).toEqual({ verdict: 'wrong', direction: 'high' });
    expect(checkNumeric(ex, 'soon')).toEqual({ verdict: 'invalid' });
  });
});

describe('the exercise data', () => {
  it('covers every lesson of the book', () => {
    expect(lessonsWithExercises().sort()).toEqual(LESSONS.map((lesson) => lesson.slug).sort());
  });

  for (const { slug } of LESSONS) {
    it(`${slug}: 3–5 valid, bilingual exercises whose answers are not among their slips`, async () => {
      const set = await loadExercises(slug);
      expect(set?.lesson).toBe(slug);
      const exercises = set?.exercises ?? [];
      expect(exercises.length).toBeGreaterThanOrEqual(3);
      expect(exercises.length).toBeLessThanOrEqual(5);
      expect(exerciseProblems(set!)).toEqual([]);
      expect(exercises.some((e) => e.kind === 'numeric')).toBe(true);
      expect(exercises.some((e) => e.kind === 'choice')).toBe(true);
      for (const ex of exercises) {
        const texts = [
          ex.prompt,
          ...(ex.kind === 'choice' ? ex.options.flatMap((o) => [o.text, o.why]) : [ex.explanation]),
        ];
        for (const text of texts) {
          expect(text.ko.trim()).not.toBe('');
          expect(text.en.trim()).not.toBe('');
          expect(HANGUL.test(text.en.replace(/"[^"]*"/g, ''))).toBe(false);
        }
        expect(HANGUL.test(ex.prompt.ko)).toBe(true);
        if (ex.kind === 'numeric') {
          // The stated answer, written as the explanation rounds it, is accepted.
          expect(checkNumeric(ex, String(ex.answer)).verdict).toBe('correct');
        }
      }
    });
  }

  it('uses the worked numbers of the lessons', async () => {
    const lstm = await loadExercises('lstm');
    const gru = await loadExercises('gru');
    const byId = (set: typeof lstm, id: string) =>
      set?.exercises.find((e) => e.id === id) as NumericExercise;
    expect(byId(lstm, 'keras-params').answer).toBe(70200);
    expect(byId(lstm, 'cell-update').answer).toBeCloseTo(0.64, 12);
    expect(byId(gru, 'reset-after-params').answer).toBe(1920);
    expect(byId(gru, 'mix-course').answer).toBeCloseTo(0.5, 12);
    expect(byId(gru, 'fair-hidden').answer).toBe(34);
    // 3H(D + H + 1) with D = 2: 34 fits under LSTM(30)'s 3960, 35 does not.
    expect(3 * 34 * 37).toBeLessThanOrEqual(3960);
    expect(3 * 35 * 38).toBeGreaterThan(3960);
  });
});

describe('progress storage', () => {
  it('survives corrupt data: starts fresh and keeps the broken text aside', () => {
    localStorage.setItem(PROGRESS_KEY, '{"app":"gatebook", oops');
    expect(getProgress()).toEqual({});
    expect(localStorage.getItem(PROGRESS_BACKUP_KEY)).toContain('oops');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
    recordAttempt('gru', 'mix-course', 'correct');
    expect(getProgress().gru?.['mix-course']?.status).toBe('correct');
  });

  it('never downgrades a solved exercise and counts attempts', () => {
    recordAttempt('lstm', 'cell-update', 'tried');
    recordAttempt('lstm', 'cell-update', 'correct');
    recordAttempt('lstm', 'cell-update', 'tried');
    expect(getProgress().lstm?.['cell-update']).toMatchObject({ status: 'correct', attempts: 3 });
  });

  it('validates imported files and explains what is wrong', () => {
    expect(parseProgress('not json')).toEqual({ ok: false, error: 'notJson' });
    expect(parseProgress('[]')).toEqual({ ok: false, error: 'notProgress' });
    expect(parseProgress('{"app":"other","kind":"progress","version":1,"lessons":{}}')).toEqual({
      ok: false,
      error: 'notProgress',
    });
    expect(parseProgress('{"app":"gatebook","kind":"progress","version":9,"lessons":{}}')).toEqual({
      ok: false,
      error: 'newerVersion',
    });
    expect(parseProgress('{"app":"gatebook","kind":"progress","version":1,"lessons":[]}')).toEqual({
      ok: false,
      error: 'badLessons',
    });
    expect(parseProgress('x'.repeat(1_000_001))).toEqual({ ok: false, error: 'tooLarge' });
    const hostile = JSON.stringify({
      app: 'gatebook',
      kind: 'progress',
      version: 1,
      lessons: {
        gru: { ok: { status: 'correct', attempts: 2, updated: 5 }, bad: { status: 'hacked' } },
        __proto__: { polluted: { status: 'correct' } },
        'Bad Slug': { x: { status: 'correct' } },
      },
    }).replace('"__proto__x"', '');
    const parsed = parseProgress(hostile);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.data).toEqual({ gru: { ok: { status: 'correct', attempts: 2, updated: 5 } } });
      expect(parsed.skipped).toBeGreaterThanOrEqual(2);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips through export and import, merging with what is there', () => {
    recordAttempt('gru', 'mix-course', 'correct');
    recordAttempt('lstm', 'hidden-out', 'tried');
    const file = exportProgress(new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(file)).toMatchObject({ app: 'gatebook', kind: 'progress', version: 1 });
    resetProgress();
    expect(getProgress()).toEqual({});
    recordAttempt('lstm', 'hidden-out', 'correct');
    const result = importProgress(file);
    expect(result).toMatchObject({ ok: true, exercises: 2 });
    expect(getProgress().gru?.['mix-course']?.status).toBe('correct');
    // The better record wins: the import's "tried" does not undo today's "correct".
    expect(getProgress().lstm?.['hidden-out']?.status).toBe('correct');
  });
});

function renderExercises(lang: Lang, lesson: string) {
  return render(
    <LangContext value={lang}>
      <Exercises lesson={lesson} />
    </LangContext>,
  );
}

describe('<Exercises>', () => {
  it('checks numeric answers in Korean, names the slip, and saves a solved exercise', async () => {
    const user = userEvent.setup();
    renderExercises('ko', 'gru');
    const item = (await screen.findAllByRole('listitem'))[0]!;
    const input = within(item).getByLabelText('내 답');
    await user.type(input, '1860');
    await user.click(within(item).getByRole('button', { name: '확인' }));
    expect(within(item).getByRole('status')).toHaveTextContent('reset_after=False');
    expect(within(item).getByRole('button', { name: '정답 보기' })).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '1,920{Enter}');
    expect(within(item).getByRole('status')).toHaveTextContent('정답입니다.');
    expect(getProgress().gru?.['reset-after-params']).toMatchObject({
      status: 'correct',
      attempts: 2,
    });
    expect(screen.getByText('1 / 5 해결')).toBeInTheDocument();
  });

  it('explains the picked option of a multiple choice, from the keyboard, in English', async () => {
    const user = userEvent.setup();
    renderExercises('en', 'gru');
    // (KaTeX in the legends trips jsdom's accessible-name code, so find by text and position.)
    const item = (await screen.findByText(/trained in the course/)).closest('li')!;
    const radios = within(item).getAllByRole('radio');
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByRole('status')).toHaveTextContent('Pick an answer first.');
    const wrong = radios[1]!;
    expect(wrong.closest('label')).toHaveTextContent('change nothing');
    wrong.focus();
    await user.keyboard(' ');
    expect(wrong).toBeChecked();
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByRole('status')).toHaveTextContent('Not quite.');
    expect(within(item).getByRole('status')).toHaveTextContent('shares of old state');
    expect(radios[0]!.closest('label')).toHaveTextContent('negate the update gate');
    await user.click(radios[0]!);
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByRole('status')).toHaveTextContent('Correct.');
    expect(getProgress().gru?.['convention-flip']?.status).toBe('correct');
  });

  it('reveals the answer after a wrong try without counting it as solved', async () => {
    const user = userEvent.setup();
    renderExercises('en', 'sequences');
    const item = (await screen.findAllByRole('listitem'))[0]!;
    await user.type(within(item).getByLabelText('Your answer'), 'abc{Enter}');
    expect(within(item).getByRole('status')).toHaveTextContent('not a number');
    await user.clear(within(item).getByLabelText('Your answer'));
    await user.type(within(item).getByLabelText('Your answer'), '0.9{Enter}');
    expect(within(item).getByRole('status')).toHaveTextContent('Too large');
    expect(within(item).getByRole('status')).toHaveTextContent('Hint:');
    await user.click(within(item).getByRole('button', { name: 'Show the answer' }));
    expect(within(item).getByRole('status')).toHaveTextContent('Answer: 0.432');
    expect(getProgress().sequences?.['recurrence-h2']?.status).toBe('revealed');
    expect(screen.getByText('0 / 5 solved')).toBeInTheDocument();
  });
});

describe('progress on the home page', () => {
  it('shows solved/total on the lesson cards and resets only after confirmation', async () => {
    const user = userEvent.setup();
    recordAttempt('lstm', 'cell-update', 'correct');
    recordAttempt('lstm', 'hidden-out', 'correct');
    recordAttempt('lstm', 'no-longer-there', 'correct');
    goTo('#/');
    render(<App />);
    expect(await screen.findByText('연습 문제 2/5')).toBeInTheDocument();
    expect(await screen.findByTestId('progress-gru')).toHaveTextContent('연습 문제 0/5');
    await user.click(screen.getByRole('button', { name: '진도 초기화' }));
    await user.click(screen.getByRole('button', { name: '취소' }));
    expect(screen.getByText('연습 문제 2/5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '진도 초기화' }));
    await user.click(screen.getByRole('button', { name: '예, 모두 지웁니다' }));
    expect(screen.getByTestId('progress-lstm')).toHaveTextContent('연습 문제 0/5');
    expect(screen.getByText('진도를 초기화했습니다.')).toBeInTheDocument();
  });

  it('imports a file and reports a bad one in the learner’s language', async () => {
    const user = userEvent.setup();
    goTo('#/?lang=en');
    render(<App />);
    const input = screen.getByLabelText('Import progress', { selector: 'input' });
    await user.upload(input, new File(['{nope'], 'p.json', { type: 'application/json' }));
    expect(await screen.findByText(/This is not a JSON file/)).toBeInTheDocument();
    const good = JSON.stringify({
      app: 'gatebook',
      kind: 'progress',
      version: 1,
      lessons: { gru: { 'mix-course': { status: 'correct', attempts: 1, updated: 1 } } },
    });
    await user.upload(input, new File([good], 'p.json', { type: 'application/json' }));
    expect(await screen.findByText('Imported the records of 1 exercises.')).toBeInTheDocument();
    expect(await screen.findByTestId('progress-gru')).toHaveTextContent('Exercises 1/5');
  });
});
