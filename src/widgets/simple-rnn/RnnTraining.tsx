import { useId, useMemo, useState, type FormEvent } from 'react';
import { useClassroom } from '../../app/classroom';
import { nextCharacterTask } from '../../core/data';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { RNN_TRAIN_SCHEMA } from './simpleRnnSchemas';
import {
  cancelRnnTraining,
  isBusy,
  resetRnnTraining,
  startRnnTraining,
  useRnnTrainView,
} from './rnnTrainingStore';
import { checkWord } from './wordCheck';
import './simple-rnn.css';

const strings = defineStrings(
  'rnnTraining',
  {
    title: '직접 학습시키기: SimpleRNN으로 다음 글자 예측',
    intro:
      '단어의 글자를 원-핫으로 한 글자씩 읽고 타임 스텝마다 다음 글자를 맞히도록 SimpleRNN → Dense(소프트맥스)를 학습시킵니다. 초기 상태는 0, 손실은 모든 스텝의 교차 엔트로피 평균(시퀀스 손실), 옵티마이저는 Adam, 배치 크기는 1입니다.',
    word: '학습할 단어',
    useWord: '이 단어 사용',
    vocab: '어휘 {n}개: {chars}',
    hidden: '은닉 유닛 수',
    lr: '학습률',
    epochs: '에포크',
    seed: '시드',
    train: '학습 시작',
    again: '다시 학습',
    cancel: '취소',
    progress: '학습 진행',
    progressText: '{epoch} / {epochs} 에포크',
    loading: 'TensorFlow.js를 불러오는 중…',
    lossLabel: '손실',
    epochAxis: '에포크',
    lossAxis: '손실 (교차 엔트로피 평균)',
    chart: '에포크별 학습 손실',
    noRun: '아직 학습하지 않았습니다. “학습 시작”을 누르세요.',
    inputRow: '입력',
    targetRow: '정답',
    predictionRow: '예측',
    accuracy: '정확도 {correct}/{steps}',
    right: '맞음',
    wrong: '틀림',
    completed: '학습을 마쳤습니다: {epochs} 에포크, {seconds}초.',
    cancelled: '{epochs} 에포크에서 학습을 취소했습니다.',
    failed: '학습이 멈췄습니다.',
  },
  {
    title: 'Train it yourself: next-character prediction with a SimpleRNN',
    intro:
      'A SimpleRNN → Dense (softmax) reads the word one-hot, one character at a time, and learns to guess the next character at every time step. The initial state is zero, the loss is the mean cross-entropy over all steps (the sequence loss), the optimizer is Adam, and the batch size is 1.',
    word: 'Word to learn',
    useWord: 'Use this word',
    vocab: '{n} characters in the vocabulary: {chars}',
    hidden: 'Hidden units',
    lr: 'Learning rate',
    epochs: 'Epochs',
    seed: 'Seed',
    train: 'Start training',
    again: 'Train again',
    cancel: 'Cancel',
    progress: 'Training progress',
    progressText: '{epoch} / {epochs} epochs',
    loading: 'Loading TensorFlow.js…',
    lossLabel: 'loss',
    epochAxis: 'epoch',
    lossAxis: 'loss (mean cross-entropy)',
    chart: 'Training loss by epoch',
    noRun: 'Not trained yet. Press “Start training”.',
    inputRow: 'input',
    targetRow: 'target',
    predictionRow: 'predicted',
    accuracy: 'accuracy {correct}/{steps}',
    right: 'right',
    wrong: 'wrong',
    completed: 'Training finished: {epochs} epochs in {seconds} s.',
    cancelled: 'Training cancelled after {epochs} epochs.',
    failed: 'Training stopped.',
  },
);

export default function RnnTraining({ id = 'rnnTrain' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, RNN_TRAIN_SCHEMA);
  const view = useRnnTrainView();
  // The word in use lives in the URL (rnnTrain.word), so a link or a language switch keeps it;
  // the field holds what is being typed until "Use this word".
  const word = state.word;
  const [draft, setDraft] = useState(word);
  const [draftFor, setDraftFor] = useState(word);
  if (draftFor !== word) {
    setDraftFor(word);
    setDraft(word);
  }
  const [error, setError] = useState<string | null>(null);
  const busy = isBusy(view.status);
  const task = useMemo(() => nextCharacterTask(word), [word]);
  const planned = view.settings?.epochs ?? state.epochs;
  const series = useMemo<ChartSeries[]>(
    () => [
      { id: 'loss', label: t.lossLabel, points: view.losses.map((y, k) => ({ x: k + 1, y })) },
    ],
    [view.losses, t.lossLabel],
  );
  if (classroom.hidden.has('training')) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkWord(draft);
    if (!check.ok) {
      setError(check.message[lang]);
      return;
    }
    setError(null);
    setDraft(check.word);
    if (check.word !== word) {
      set({ word: check.word });
      resetRnnTraining();
    }
  };
  const start = () =>
    void startRnnTraining({
      word,
      hidden: state.hidden,
      learningRate: state.lr,
      epochs: state.epochs,
      seed: state.seed,
    });
  const shown = view.settings?.word === word ? view.predictions : null;

  return (
    <section className="widget rnn-train" aria-labelledby={titleId} data-status={view.status}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <form className="rnn-word" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>
          {t.word}
          <br />
          <input
            id={inputId}
            value={draft}
            disabled={busy}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t.useWord}
        </button>
      </form>
      {error ? (
        <p id={errorId} className="rnn-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted" data-testid="rnn-vocab">
        {format(t.vocab, { n: task.vocabSize, chars: task.vocab.join(', ') })}
      </p>
      <fieldset className="widget-controls" disabled={busy}>
        <ParamSlider
          param={RNN_TRAIN_SCHEMA.hidden}
          value={state.hidden}
          onChange={(hidden) => set({ hidden })}
          label={t.hidden}
        />
        <ParamSlider
          param={RNN_TRAIN_SCHEMA.lr}
          value={state.lr}
          onChange={(lr) => set({ lr })}
          label={t.lr}
          digits={3}
        />
        <ParamSlider
          param={RNN_TRAIN_SCHEMA.epochs}
          value={state.epochs}
          onChange={(epochs) => set({ epochs })}
          label={t.epochs}
        />
        <ParamSlider
          param={RNN_TRAIN_SCHEMA.seed}
          value={state.seed}
          onChange={(seed) => set({ seed })}
          label={t.seed}
        />
      </fieldset>
      <div className="rnn-train-actions">
        {busy ? (
          <button type="button" className="button" onClick={cancelRnnTraining}>
            {t.cancel}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={start}>
            {view.status === 'idle' ? t.train : t.again}
          </button>
        )}
        <progress
          max={planned}
          value={view.epoch}
          aria-label={t.progress}
          aria-valuetext={format(t.progressText, { epoch: view.epoch, epochs: planned })}
        />
        <span data-testid="rnn-train-progress">
          {view.status === 'loading'
            ? t.loading
            : format(t.progressText, { epoch: view.epoch, epochs: planned })}
        </span>
      </div>
      {view.status === 'completed' || view.status === 'cancelled' ? (
        <p role="status">
          {format(view.status === 'completed' ? t.completed : t.cancelled, {
            epochs: view.epoch,
            seconds: formatNumber(view.seconds ?? 0, 2),
          })}
        </p>
      ) : null}
      {view.status === 'diverged' || view.status === 'error' ? (
        <p role="alert" className="rnn-error">
          {t.failed} {view.message?.[lang]}
        </p>
      ) : null}
      {view.losses.length > 0 ? (
        <LineChart
          series={series}
          xLabel={t.epochAxis}
          yLabel={t.lossAxis}
          yScale="log"
          xDomain={[1, Math.max(2, planned)]}
          height={220}
          ariaLabel={t.chart}
        />
      ) : (
        <p className="muted">{t.noRun}</p>
      )}
      <p className="rnn-accuracy" data-testid="rnn-accuracy">
        {format(t.accuracy, { correct: shown ? (view.correct ?? 0) : '–', steps: task.steps })}
      </p>
      <div className="rnn-table-wrap">
        <table className="rnn-predictions" data-testid="rnn-predictions">
          <tbody>
            <tr>
              <th scope="row">{t.inputRow}</th>
              {Array.from(task.inputIds, (k, i) => (
                <td key={i}>{task.vocab[k]}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.targetRow}</th>
              {Array.from(task.targetIds, (k, i) => (
                <td key={i}>{task.vocab[k]}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.predictionRow}</th>
              {Array.from({ length: task.steps }, (_, i) => {
                if (!shown) return <td key={i}>–</td>;
                const ok = shown[i] === task.targetIds[i];
                return (
                  <td key={i} className={ok ? 'is-right' : 'is-wrong'}>
                    {task.vocab[shown[i]!]} <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
                    <span className="sr-only">{ok ? t.right : t.wrong}</span>
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
