import { useEffect, useId, useState, type FormEvent } from 'react';
import { format } from '../i18n/defineStrings';
import { useLang, useStrings } from '../i18n/useLang';
import { formatNumber } from '../ui/format';
import { cachedExercises, loadExercises } from './catalog';
import { checkNumeric, parseAnswer } from './check';
import { recordAttempt, useProgress, type ExerciseRecord } from './progress';
import { RichText } from './RichText';
import { exerciseStrings } from './strings';
import type { ChoiceExercise, LessonExercises, NumericExercise } from './types';
import './exercises.css';

type Strings = (typeof exerciseStrings)['ko'];
type Tone = 'right' | 'wrong' | 'info';
interface Feedback {
  tone: Tone;
  lead?: string;
  text?: string;
}

function useLessonExercises(lesson: string) {
  const [state, setState] = useState<{
    lesson: string;
    set?: LessonExercises | null;
    error?: boolean;
  }>(() => ({ lesson, set: cachedExercises(lesson) }));
  useEffect(() => {
    if (cachedExercises(lesson)) return;
    let live = true;
    loadExercises(lesson).then(
      (set) => live && setState({ lesson, set }),
      () => live && setState({ lesson, error: true }),
    );
    return () => {
      live = false;
    };
  }, [lesson]);
  const cached = cachedExercises(lesson);
  if (cached) return { set: cached, error: false };
  return state.lesson === lesson
    ? { set: state.set, error: state.error ?? false }
    : { set: undefined, error: false };
}

/** A lesson's closing exercises, checked in the page; progress is saved in this browser. */
export default function Exercises({ lesson }: { lesson: string }) {
  const t = useStrings(exerciseStrings);
  const titleId = useId();
  const progress = useProgress();
  const { set, error } = useLessonExercises(lesson);
  if (error) {
    return (
      <p className="widget-error" role="alert">
        {t.failed}
      </p>
    );
  }
  if (set === undefined) {
    return (
      <p className="widget-loading" role="status">
        {t.loading}
      </p>
    );
  }
  if (set === null || set.exercises.length === 0) return <p className="muted">{t.none}</p>;
  const records = progress[lesson] ?? {};
  const solved = set.exercises.filter((ex) => records[ex.id]?.status === 'correct').length;
  const count = set.exercises.length;
  return (
    <section className="widget exercises" aria-labelledby={titleId} data-solved={solved}>
      <div className="exercises-head">
        <h2 id={titleId}>{t.title}</h2>
        <ProgressMeter
          solved={solved}
          count={count}
          label={format(t.solved, { n: solved, count })}
        />
      </div>
      <p className="muted exercises-intro">{t.intro}</p>
      <ol className="exercise-list">
        {set.exercises.map((ex, index) => (
          <li
            key={ex.id}
            className="exercise"
            data-exercise={ex.id}
            data-status={records[ex.id]?.status ?? 'new'}
          >
            <div className="exercise-number">
              <span>{format(t.number, { n: index + 1 })}</span>
              <StatusBadge record={records[ex.id]} t={t} />
            </div>
            {ex.kind === 'numeric' ? (
              <NumericItem lesson={lesson} exercise={ex} t={t} />
            ) : (
              <ChoiceItem lesson={lesson} exercise={ex} t={t} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ProgressMeter({
  solved,
  count,
  label,
}: {
  solved: number;
  count: number;
  label: string;
}) {
  return (
    <span className="progress-meter">
      <span className="progress-text">{label}</span>
      <progress max={count} value={solved} aria-label={label} />
    </span>
  );
}

function StatusBadge({ record, t }: { record: ExerciseRecord | undefined; t: Strings }) {
  if (!record) return null;
  const text =
    record.status === 'correct'
      ? `✓ ${t.statusCorrect}`
      : record.status === 'revealed'
        ? t.statusRevealed
        : t.statusTried;
  return (
    <span className={`exercise-badge is-${record.status}`}>
      {text}
      {record.attempts > 0 && (
        <span className="muted"> · {format(t.attempts, { n: record.attempts })}</span>
      )}
    </span>
  );
}

function FeedbackBox({ feedback }: { feedback: Feedback | null }) {
  return (
    <div className={`exercise-feedback${feedback ? ` is-${feedback.tone}` : ''}`} role="status">
      {feedback && (
        <p>
          {feedback.lead && <strong>{feedback.lead} </strong>}
          {feedback.text && <RichText text={feedback.text} />}
        </p>
      )}
    </div>
  );
}

function NumericItem({
  lesson,
  exercise,
  t,
}: {
  lesson: string;
  exercise: NumericExercise;
  t: Strings;
}) {
  const lang = useLang();
  const inputId = useId();
  const promptId = useId();
  const [value, setValue] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [wrongs, setWrongs] = useState(0);
  const [shown, setShown] = useState<'none' | 'solved' | 'revealed'>('none');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = checkNumeric(exercise, value);
    if (result.verdict === 'invalid') {
      setFeedback({ tone: 'info', text: t.invalid });
      return;
    }
    if (result.verdict === 'correct') {
      recordAttempt(lesson, exercise.id, 'correct');
      setShown('solved');
      setFeedback({ tone: 'right', lead: t.correct, text: exercise.explanation[lang] });
      return;
    }
    recordAttempt(lesson, exercise.id, 'tried');
    setWrongs((n) => n + 1);
    if (result.verdict === 'mistake') {
      setFeedback({ tone: 'wrong', lead: t.notQuite, text: result.message[lang] });
      return;
    }
    const given = parseAnswer(value);
    const near =
      Math.abs(given - exercise.answer) <=
      Math.max(exercise.tolerance * 10, Math.abs(exercise.answer) * 0.01);
    const direction = near ? t.nearly : result.direction === 'low' ? t.tooLow : t.tooHigh;
    const hint = exercise.hint ? ` ${t.hint} ${exercise.hint[lang]}` : '';
    setFeedback({ tone: 'wrong', lead: t.notQuite, text: direction + hint });
  };

  const reveal = () => {
    recordAttempt(lesson, exercise.id, 'revealed');
    setShown('revealed');
    setFeedback({
      tone: 'info',
      lead: format(t.revealed, { answer: formatNumber(exercise.answer, exercise.digits ?? 3) }),
      text: exercise.explanation[lang],
    });
  };

  return (
    <form className="exercise-form" onSubmit={submit} noValidate>
      <p id={promptId} className="exercise-prompt">
        <RichText text={exercise.prompt[lang]} />
      </p>
      <div className="exercise-answer">
        <label htmlFor={inputId}>{t.answer}</label>
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value}
          maxLength={40}
          aria-describedby={promptId}
          placeholder={t.answerHint}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button primary">
          {t.check}
        </button>
        {wrongs > 0 && shown === 'none' && (
          <button type="button" className="button" onClick={reveal}>
            {t.reveal}
          </button>
        )}
      </div>
      <FeedbackBox feedback={feedback} />
    </form>
  );
}

/**
 * An option that is nothing but math (`$(5, 3, 20)$`) would have no accessible name, since
 * KaTeX's visual markup is hidden from assistive technology: give it the TeX source's text.
 */
function mathOnlyLabel(text: string): string | undefined {
  const math = /^\s*\$([^$]+)\$\s*$/.exec(text);
  return math?.[1]
    ?.replace(/\\[a-zA-Z]+/g, '')
    .replace(/[{}]/g, '')
    .trim();
}

function ChoiceItem({
  lesson,
  exercise,
  t,
}: {
  lesson: string;
  exercise: ChoiceExercise;
  t: Strings;
}) {
  const lang = useLang();
  const name = useId();
  const [picked, setPicked] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked === null) {
      setFeedback({ tone: 'info', text: t.pickOne });
      return;
    }
    const option = exercise.options[picked];
    if (!option) return;
    recordAttempt(lesson, exercise.id, option.correct ? 'correct' : 'tried');
    const extra = option.correct && exercise.explanation ? ` ${exercise.explanation[lang]}` : '';
    setFeedback({
      tone: option.correct ? 'right' : 'wrong',
      lead: option.correct ? t.correct : t.notQuite,
      text: option.why[lang] + extra,
    });
  };

  return (
    <form className="exercise-form" onSubmit={submit} noValidate>
      <fieldset className="exercise-choices">
        <legend className="exercise-prompt">
          <RichText text={exercise.prompt[lang]} />
        </legend>
        {exercise.options.map((option, k) => (
          <label key={k} className="exercise-option">
            <input
              type="radio"
              aria-label={mathOnlyLabel(option.text[lang])}
              name={name}
              value={String(k)}
              checked={picked === k}
              onChange={() => {
                setPicked(k);
                setFeedback(null);
              }}
            />
            <span>
              <RichText text={option.text[lang]} />
            </span>
          </label>
        ))}
      </fieldset>
      <div className="exercise-answer">
        <button type="submit" className="button primary">
          {t.check}
        </button>
      </div>
      <FeedbackBox feedback={feedback} />
    </form>
  );
}
