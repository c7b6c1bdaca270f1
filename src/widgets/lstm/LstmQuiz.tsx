import { useId, useState, type FormEvent } from 'react';
import { defineStrings } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { Equation } from '../../ui/Equation';
import { formatNumber } from '../../ui/format';
import {
  EXERCISES,
  checkChoice,
  checkNumeric,
  type ChoiceExercise,
  type NumericExercise,
  type NumericVerdict,
} from './lstmQuizModel';
import './lstm.css';

const strings = defineStrings(
  'lstmQuiz',
  {
    title: '스스로 확인하기',
    check: '확인',
    reveal: '정답 보기',
    answer: '답',
    answerIs: '정답: {value}',
    invalid: '숫자를 입력해 주세요 (예: 0.5).',
    right: '맞았습니다!',
    wrong: '아직 아닙니다.',
    pick: '먼저 하나를 고르세요.',
    'q1-prompt':
      '강의 예제의 첫 타임 스텝에서 $x_1 = [1, 0, 0]$, $h_0 = 0$입니다. 첫 번째 망각 게이트 유닛의 가중치는 입력 쪽이 $0.1, 0.2, 0.3$, 은닉 상태 쪽이 $0.5, 0.5$, 편향은 $0$입니다. 이 유닛의 값 $f_1$을 손으로 계산해 보세요 (소수 셋째 자리까지).',
    'q1-right':
      '$W_f x_1 = 0.1 \\cdot 1 + 0.2 \\cdot 0 + 0.3 \\cdot 0 = 0.1$이고 $h_0 = 0$이라 $U_f h_0 = 0$입니다. 그래서 $f_1 = \\sigma(0.1) = 1/(1 + e^{-0.1}) \\approx 0.525$, 이전 셀 상태의 약 52%를 남깁니다.',
    'q1-wrong':
      '$x_1$은 원-핫이라 입력 가중치 가운데 첫 번째(0.1)만 곱해져 남습니다. $h_0 = 0$이므로 은닉 상태 쪽은 0입니다. 합에 시그모이드를 씌우세요.',
    'q1-no-sigmoid':
      '0.1은 시그모이드에 들어가기 전의 값(사전 활성화)입니다. 게이트의 값은 $\\sigma(0.1)$입니다.',
    'q1-all-inputs':
      '세 입력 가중치를 모두 더했네요. $x_1 = [1, 0, 0]$이라 0.2와 0.3에는 0이 곱해집니다.',
    'q2-prompt':
      '“길동이는 어제 공부했다. 길순이는 그의 친구다.” 두 번째 문장에서 주어가 길동이에서 길순이로 바뀝니다. 셀 상태에 담긴 옛 주어를 지우려면 어느 값이 0에 가까워야 할까요?',
    'q2-f': '망각 게이트 $f_t$',
    'q2-i': '입력 게이트 $i_t$',
    'q2-o': '출력 게이트 $o_t$',
    'q2-cand': '후보 셀 상태 $\\tilde{c}_t$',
    'q2-f-why':
      '맞습니다. $f_t \\approx 0$이면 $f_t \\odot c_{t-1} \\approx 0$이 되어 벨트에 있던 옛 주어가 지워집니다. 그다음 입력 게이트가 새 주어를 씁니다.',
    'q2-i-why':
      '입력 게이트가 0이면 새 정보를 쓰지 못할 뿐, $f_t \\odot c_{t-1}$로 옛 주어는 벨트에 그대로 남습니다.',
    'q2-o-why':
      '출력 게이트는 이번 타임 스텝에 얼마를 내보낼지만 정합니다. 0이어도 셀 상태의 기억은 그대로 다음 타임 스텝으로 갑니다.',
    'q2-cand-why':
      '후보 셀 상태는 게이트가 아니라 쓸 내용입니다. 값이 0이면 새로 쓸 내용이 없을 뿐, 옛 기억을 지우지는 않습니다.',
    'q3-prompt':
      '같은 첫 타임 스텝의 첫 유닛에서 $i_1 = \\sigma(0.2) \\approx 0.550$, $\\tilde{c}_1 = \\tanh(0.5) \\approx 0.462$입니다. $c_0 = 0$일 때 새 셀 상태 $c_1$은 얼마일까요?',
    'q3-right':
      '$c_1 = f_1 \\cdot c_0 + i_1 \\cdot \\tilde{c}_1 = 0.525 \\cdot 0 + 0.550 \\cdot 0.462 \\approx 0.254$. $c_0 = 0$이라 이번에는 망각 게이트가 지울 것이 없었습니다.',
    'q3-wrong':
      '$c_1 = f_1 \\odot c_0 + i_1 \\odot \\tilde{c}_1$입니다. $c_0 = 0$이므로 첫 항은 0입니다.',
    'q3-added':
      '$i_1$과 $\\tilde{c}_1$은 더하지 않고 곱합니다. 입력 게이트는 후보 가운데 “얼마만큼” 쓸지를 정하는 비율입니다.',
    'q3-forget-added':
      '망각 게이트는 더해지지 않고 $c_0$에 곱해집니다. $c_0 = 0$이라 그 항은 0입니다.',
  },
  {
    title: 'Check yourself',
    check: 'Check',
    reveal: 'Show the answer',
    answer: 'Answer',
    answerIs: 'Answer: {value}',
    invalid: 'Please type a number (for example 0.5).',
    right: 'Correct!',
    wrong: 'Not yet.',
    pick: 'Pick one first.',
    'q1-prompt':
      'At the first time step of the course example, $x_1 = [1, 0, 0]$ and $h_0 = 0$. The first forget-gate unit weighs the inputs with $0.1, 0.2, 0.3$ and the hidden state with $0.5, 0.5$; its bias is $0$. Compute this unit’s value $f_1$ by hand (to three decimals).',
    'q1-right':
      '$W_f x_1 = 0.1 \\cdot 1 + 0.2 \\cdot 0 + 0.3 \\cdot 0 = 0.1$, and $h_0 = 0$ makes $U_f h_0 = 0$. So $f_1 = \\sigma(0.1) = 1/(1 + e^{-0.1}) \\approx 0.525$: about 52% of the previous cell state is kept.',
    'q1-wrong':
      '$x_1$ is one-hot, so only the first input weight (0.1) survives the product. $h_0 = 0$, so the hidden-state side adds nothing. Then apply the sigmoid.',
    'q1-no-sigmoid':
      '0.1 is the value before the sigmoid (the pre-activation). The gate’s value is $\\sigma(0.1)$.',
    'q1-all-inputs':
      'You added all three input weights. With $x_1 = [1, 0, 0]$, 0.2 and 0.3 are multiplied by 0.',
    'q2-prompt':
      '“Gil-dong studied yesterday. Gil-sun is his friend.” In the second sentence the subject changes from Gil-dong to Gil-sun. Which value must be close to 0 to erase the old subject from the cell state?',
    'q2-f': 'the forget gate $f_t$',
    'q2-i': 'the input gate $i_t$',
    'q2-o': 'the output gate $o_t$',
    'q2-cand': 'the candidate $\\tilde{c}_t$',
    'q2-f-why':
      'Right. With $f_t \\approx 0$, $f_t \\odot c_{t-1} \\approx 0$: the old subject is wiped off the belt. Then the input gate writes the new one.',
    'q2-i-why':
      'An input gate at 0 only stops new information from being written; the old subject stays on the belt through $f_t \\odot c_{t-1}$.',
    'q2-o-why':
      'The output gate only decides how much goes out at this time step. Even at 0, the memory in the cell state travels on to the next step.',
    'q2-cand-why':
      'The candidate is not a gate but the content to write. At 0 there is nothing new to write, but nothing old is erased either.',
    'q3-prompt':
      'For the first unit at the same first time step, $i_1 = \\sigma(0.2) \\approx 0.550$ and $\\tilde{c}_1 = \\tanh(0.5) \\approx 0.462$. With $c_0 = 0$, what is the new cell state $c_1$?',
    'q3-right':
      '$c_1 = f_1 \\cdot c_0 + i_1 \\cdot \\tilde{c}_1 = 0.525 \\cdot 0 + 0.550 \\cdot 0.462 \\approx 0.254$. Since $c_0 = 0$, the forget gate had nothing to erase this time.',
    'q3-wrong':
      '$c_1 = f_1 \\odot c_0 + i_1 \\odot \\tilde{c}_1$. With $c_0 = 0$ the first term is 0.',
    'q3-added':
      '$i_1$ and $\\tilde{c}_1$ are multiplied, not added: the input gate is the fraction of the candidate that gets written.',
    'q3-forget-added':
      'The forget gate is not added; it multiplies $c_0$, and with $c_0 = 0$ that term is 0.',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;
type Key = keyof Strings;

/** Text with inline `$…$` math, typeset by KaTeX (our own strings only, never user input). */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/\$([^$]+)\$/g);
  return <>{parts.map((part, k) => (k % 2 === 1 ? <Equation key={k} tex={part} /> : part))}</>;
}

type Feedback = { tone: 'right' | 'wrong' | 'info'; key: Key; lead?: Key } | null;

function FeedbackText({ feedback, t }: { feedback: Feedback; t: Strings }) {
  return (
    <div className={`lstm-quiz-feedback${feedback ? ` is-${feedback.tone}` : ''}`} role="status">
      {feedback && (
        <p>
          {feedback.lead && <strong>{t[feedback.lead]} </strong>}
          <RichText text={t[feedback.key]} />
        </p>
      )}
    </div>
  );
}

function NumericQuestion({
  exercise,
  index,
  t,
}: {
  exercise: NumericExercise;
  index: number;
  t: Strings;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<NumericVerdict | null>(null);
  const [revealed, setRevealed] = useState(false);
  const check = (event: FormEvent) => {
    event.preventDefault();
    setVerdict(checkNumeric(exercise, text));
  };
  const feedback: Feedback =
    verdict === null
      ? null
      : verdict.kind === 'invalid'
        ? { tone: 'info', key: 'invalid' }
        : verdict.kind === 'right'
          ? { tone: 'right', key: `${exercise.id}-right` as Key, lead: 'right' }
          : {
              tone: 'wrong',
              key: (verdict.kind === 'mistake' ? verdict.key : `${exercise.id}-wrong`) as Key,
              lead: 'wrong',
            };
  return (
    <li className="lstm-quiz-item" data-exercise={exercise.id}>
      <form onSubmit={check} aria-labelledby={`${id}-prompt`}>
        <p id={`${id}-prompt`} className="lstm-quiz-prompt">
          <span className="lstm-quiz-number">{index + 1}.</span>{' '}
          <RichText text={t[`${exercise.id}-prompt` as Key]} />
        </p>
        <div className="lstm-quiz-answer">
          <label htmlFor={`${id}-input`}>{t.answer}</label>
          <input
            id={`${id}-input`}
            className="lstm-weight"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            {t.check}
          </button>
          <button type="button" className="button" onClick={() => setRevealed(true)}>
            {t.reveal}
          </button>
          {revealed && (
            <span className="lstm-quiz-reveal">
              {t.answerIs.replace('{value}', formatNumber(exercise.answer, 3))}
            </span>
          )}
        </div>
      </form>
      <FeedbackText feedback={feedback} t={t} />
    </li>
  );
}

function ChoiceQuestion({
  exercise,
  index,
  t,
}: {
  exercise: ChoiceExercise;
  index: number;
  t: Strings;
}) {
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null | undefined>(undefined);
  const check = (event: FormEvent) => {
    event.preventDefault();
    setChecked(picked);
  };
  const verdict = checked === undefined ? undefined : checkChoice(exercise, checked);
  const feedback: Feedback =
    verdict === undefined
      ? null
      : verdict === null
        ? { tone: 'info', key: 'pick' }
        : {
            tone: verdict ? 'right' : 'wrong',
            key: `${exercise.id}-${checked}-why` as Key,
            lead: verdict ? 'right' : 'wrong',
          };
  return (
    <li className="lstm-quiz-item" data-exercise={exercise.id}>
      <form onSubmit={check}>
        <fieldset className="lstm-quiz-choices">
          <legend className="lstm-quiz-prompt">
            <span className="lstm-quiz-number">{index + 1}.</span>{' '}
            <RichText text={t[`${exercise.id}-prompt` as Key]} />
          </legend>
          {exercise.options.map((option) => (
            <label key={option.id} className="lstm-quiz-option">
              <input
                type="radio"
                name={`${id}-choice`}
                value={option.id}
                checked={picked === option.id}
                onChange={() => setPicked(option.id)}
              />{' '}
              <RichText text={t[`${exercise.id}-${option.id}` as Key]} />
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t.check}
        </button>
      </form>
      <FeedbackText feedback={feedback} t={t} />
    </li>
  );
}

export default function LstmQuiz() {
  const t = useStrings(strings);
  const titleId = useId();
  return (
    <section className="widget lstm-quiz" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <ol className="lstm-quiz-list">
        {EXERCISES.map((exercise, index) =>
          exercise.kind === 'numeric' ? (
            <NumericQuestion key={exercise.id} exercise={exercise} index={index} t={t} />
          ) : (
            <ChoiceQuestion key={exercise.id} exercise={exercise} index={index} t={t} />
          ),
        )}
      </ol>
    </section>
  );
}
