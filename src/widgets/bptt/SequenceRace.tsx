import { useEffect, useId, useMemo, useState } from 'react';
import { useClassroom } from '../../app/classroom';
import { summarizeModel } from '../../core/params';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../ui/format';
import { LineChart, type ChartSeries } from '../../ui/LineChart';
import { ParamSlider } from '../../ui/ParamSlider';
import { OverflowBox } from '../cell/OverflowBox';
import { raceChartSeries, raceVerdict } from './raceChart';
import {
  COURSE_PRESET,
  L2_CHOICES,
  PRODUCT_VARIANCE,
  QUICK_PRESET,
  RACE_ARCHS,
  RACE_LABEL,
  RACE_SCHEMA,
  estimateSeconds,
  meanBaseline,
  minutesSeconds,
  presetOf,
  raceLayers,
  raceProgress,
  raceSizes,
  type RacePresetName,
} from './raceSettings';
import {
  cancelRace,
  elapsedSeconds,
  isActive,
  pauseRace,
  resumeRace,
  startRace,
  useRaceView,
  type ModelStatus,
} from './raceStore';
import './bptt.css';

const strings = defineStrings(
  'sequenceRace',
  {
    title: '긴 시퀀스 경주: SimpleRNN 대 LSTM',
    intro:
      '곱셈 문제를 이 페이지의 웹 워커(Web Worker) 안에서 시드로 만들고, SimpleRNN(30, 시퀀스 반환) → SimpleRNN(30) → Dense(1)과 LSTM(30, 시퀀스 반환) → LSTM(30) → Dense(1)을 워커 두 개에서 동시에 학습시킵니다. Adam, MSE, 검증 비율 0.2입니다.',
    presets: '설정 묶음',
    'preset-quick': '빠른 경주 (기본값)',
    'preset-course': '강의 원래 크기 (오래 걸림)',
    presetNote:
      '강의 원래 크기는 샘플 2,560개 × 100 스텝, 100 에포크로, 이 컴퓨터에서 약 {time} 걸립니다.',
    samples: '샘플 수',
    steps: '시퀀스 길이 (타임 스텝)',
    epochs: '에포크',
    lr: '학습률',
    batch: '배치 크기',
    seed: '시드',
    options: '학습 옵션',
    l2: 'L2 정규화 λ',
    'l2-0': '끄기',
    l2Help:
      '손실에 λ‖W‖²를 더해 가중치가 커지지 않게 누릅니다(Keras l2, PyTorch weight_decay = 2λ). 보고되는 손실에 이 항이 포함됩니다.',
    bn: '배치 정규화 (두 순환층 사이)',
    bnHelp:
      '첫 순환층의 출력을 배치 평균과 분산으로 (x − μ)/√(σ² + ε)로 맞춘 뒤 γx̂ + β로 다시 늘리고 옮깁니다. γ, β는 학습됩니다.',
    estimate: '예상 시간: 약 {time} (노트북 CPU, 모델마다 코어 하나)',
    start: '경주 시작',
    again: '다시 경주',
    pause: '일시 정지',
    resume: '계속',
    cancel: '취소',
    progress: '경주 진행',
    progressText: 'SimpleRNN {rnn}/{total} 스텝 · LSTM {lstm}/{total} 스텝',
    elapsed: '{elapsed} 지남',
    remaining: '{elapsed} 지남, 약 {remaining} 남음',
    minutes: '{min}분 {sec}초',
    seconds: '{sec}초',
    starting: '워커 두 개를 띄우고 데이터를 만드는 중…',
    paused: '일시 정지했습니다. “계속”을 누르면 이어서 학습합니다.',
    backend: '계산 장치: {backend}, 웹 워커 2개',
    'backend-wasm': '웹어셈블리 (WebAssembly, CPU)',
    'backend-cpu': '자바스크립트 (JavaScript, CPU)',
    'status-completed': '경주를 마쳤습니다.',
    'status-cancelled': '경주를 취소했습니다. 지금까지의 곡선은 남겨 둡니다.',
    'status-error': '학습이 멈췄습니다.',
    chart: '에포크별 손실과 검증 손실 (로그 축)',
    epochAxis: '에포크',
    lossAxis: '손실 (MSE)',
    loss: '{model} 손실',
    valLoss: '{model} 검증 손실',
    baseline: '평균만 답하기 (검증) {value}',
    baselineNote:
      '점선 회색 선은 아무것도 배우지 않은 모델, 즉 늘 학습 데이터 정답의 평균을 답하는 모델의 검증 손실입니다. 두 값 U(0,1)의 곱의 분산 7/144 ≈ {variance}에 가깝습니다. 곡선이 이 선 아래로 내려가야 무언가를 배운 것입니다.',
    tableCaption: '두 모델 나란히',
    model: '모델',
    params: '파라미터',
    lastLoss: '마지막 손실',
    lastVal: '마지막 검증 손실',
    state: '상태',
    'model-waiting': '대기',
    'model-running': '학습 중',
    'model-completed': '완료',
    'model-cancelled': '취소됨',
    'model-diverged': '발산',
    'model-error': '오류',
    'verdict-lstm': 'LSTM의 검증 손실이 SimpleRNN보다 {ratio}배 낮습니다: LSTM이 앞섭니다.',
    'verdict-rnn':
      'SimpleRNN의 검증 손실이 LSTM보다 낮습니다: 이번 설정에서는 SimpleRNN이 앞섭니다.',
    'verdict-tie': '두 모델의 검증 손실이 거의 같습니다.',
    'verdict-none': '두 모델 모두 아직 평균만 답하는 수준입니다.',
  },
  {
    title: 'The long-sequence race: SimpleRNN against LSTM',
    intro:
      'The multiplication problem is generated from the seed inside this page’s Web Workers, and SimpleRNN(30, return sequences) → SimpleRNN(30) → Dense(1) and LSTM(30, return sequences) → LSTM(30) → Dense(1) train at the same time in two workers. Adam, MSE, validation split 0.2.',
    presets: 'Presets',
    'preset-quick': 'Quick race (default)',
    'preset-course': 'The course’s full size (long run)',
    presetNote:
      'The course’s full size is 2,560 samples × 100 steps for 100 epochs: about {time} on this computer.',
    samples: 'Samples',
    steps: 'Sequence length (time steps)',
    epochs: 'Epochs',
    lr: 'Learning rate',
    batch: 'Batch size',
    seed: 'Seed',
    options: 'Training options',
    l2: 'L2 regularization λ',
    'l2-0': 'off',
    l2Help:
      'Adds λ‖W‖² to the loss, which keeps the weights small (Keras l2; PyTorch weight_decay = 2λ). The reported loss includes this term.',
    bn: 'Batch normalization (between the two recurrent layers)',
    bnHelp:
      'Rescales the first recurrent layer’s outputs with the batch mean and variance, (x − μ)/√(σ² + ε), then stretches and shifts them as γx̂ + β; γ and β are learned.',
    estimate: 'Estimated time: about {time} (laptop CPU, one core per model)',
    start: 'Start the race',
    again: 'Race again',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    progress: 'Race progress',
    progressText: 'SimpleRNN {rnn}/{total} steps · LSTM {lstm}/{total} steps',
    elapsed: '{elapsed} elapsed',
    remaining: '{elapsed} elapsed, about {remaining} left',
    minutes: '{min} min {sec} s',
    seconds: '{sec} s',
    starting: 'Starting two workers and generating the data…',
    paused: 'Paused. Press “Resume” to carry on training.',
    backend: 'Compute: {backend}, 2 Web Workers',
    'backend-wasm': 'WebAssembly (CPU)',
    'backend-cpu': 'JavaScript (CPU)',
    'status-completed': 'The race is over.',
    'status-cancelled': 'The race was cancelled. The curves so far stay.',
    'status-error': 'Training stopped.',
    chart: 'Loss and validation loss by epoch (log axis)',
    epochAxis: 'epoch',
    lossAxis: 'loss (MSE)',
    loss: '{model} loss',
    valLoss: '{model} validation loss',
    baseline: 'predict the mean (validation) {value}',
    baselineNote:
      'The dotted grey line is the validation loss of a model that has learned nothing: it always answers the mean of the training targets. It sits near the variance of a product of two U(0,1) numbers, 7/144 ≈ {variance}. A curve has to get below it before the model has learned anything at all.',
    tableCaption: 'The two models side by side',
    model: 'model',
    params: 'parameters',
    lastLoss: 'last loss',
    lastVal: 'last validation loss',
    state: 'state',
    'model-waiting': 'waiting',
    'model-running': 'training',
    'model-completed': 'done',
    'model-cancelled': 'cancelled',
    'model-diverged': 'diverged',
    'model-error': 'error',
    'verdict-lstm':
      'The LSTM’s validation loss is {ratio}× lower than the SimpleRNN’s: the LSTM is ahead.',
    'verdict-rnn':
      'The SimpleRNN’s validation loss is lower than the LSTM’s: with these settings the SimpleRNN is ahead.',
    'verdict-tie': 'The two validation losses are about the same.',
    'verdict-none': 'Neither model does better than predicting the mean yet.',
  },
);

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export default function SequenceRace({ id = 'race' }: { id?: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const l2Id = useId();
  const bnHelpId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, RACE_SCHEMA);
  const view = useRaceView();
  const active = isActive(view.status);
  const now = useNow(view.status === 'running');
  const shown = view.settings ?? state;
  const sizes = raceSizes(shown);
  const baseline = useMemo(
    () => view.baseline ?? meanBaseline(state),
    [view.baseline, state.samples, state.steps, state.seed], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const modelLabels = useMemo(
    () => ({
      loss: (arch: keyof typeof RACE_LABEL) => format(t.loss, { model: RACE_LABEL[arch] }),
      val: (arch: keyof typeof RACE_LABEL) => format(t.valLoss, { model: RACE_LABEL[arch] }),
      baseline: format(t.baseline, { value: formatNumber(baseline.validation, 4) }),
    }),
    [t, baseline.validation],
  );
  const series: ChartSeries[] = useMemo(
    () => raceChartSeries(view.models, baseline.validation, shown.epochs, modelLabels),
    [view.models, baseline.validation, shown.epochs, modelLabels],
  );
  const params = useMemo(
    () =>
      Object.fromEntries(
        RACE_ARCHS.map((arch) => [
          arch,
          summarizeModel(raceLayers(arch, shown.bn), [shown.steps, 2]).total,
        ]),
      ) as Record<(typeof RACE_ARCHS)[number], number>,
    [shown.bn, shown.steps],
  );
  if (classroom.hidden.has('training')) return null;

  const duration = (seconds: number) => {
    const { min, sec } = minutesSeconds(seconds);
    return min > 0
      ? format(t.minutes, { min, sec: String(sec).padStart(2, '0') })
      : format(t.seconds, { sec });
  };
  const elapsed = elapsedSeconds(view, now);
  const steps = { simpleRNN: view.models.simpleRNN.steps, lstm: view.models.lstm.steps };
  const progress = raceProgress({ steps, totalSteps: sizes.totalSteps, elapsed });
  const preset = presetOf(state);
  const verdict = raceVerdict(view.models, baseline.validation);
  const started = view.status !== 'idle';

  const choosePreset = (name: RacePresetName) =>
    set({ ...(name === 'quick' ? QUICK_PRESET : COURSE_PRESET), seed: state.seed });

  return (
    <section
      className="widget seq-race"
      aria-labelledby={titleId}
      data-status={view.status}
      data-verdict={verdict.kind}
    >
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <fieldset className="widget-controls seq-race-settings" disabled={active}>
        <div className="segmented" role="group" aria-label={t.presets}>
          {(['quick', 'course'] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={preset === name}
              onClick={() => choosePreset(name)}
            >
              {t[`preset-${name}`]}
            </button>
          ))}
        </div>
        <p className="muted seq-race-note">
          {format(t.presetNote, { time: duration(estimateSeconds(COURSE_PRESET)) })}
        </p>
        <div className="seq-race-sliders">
          <ParamSlider
            param={RACE_SCHEMA.samples}
            value={state.samples}
            onChange={(samples) => set({ samples })}
            label={t.samples}
          />
          <ParamSlider
            param={RACE_SCHEMA.steps}
            value={state.steps}
            onChange={(v) => set({ steps: v })}
            label={t.steps}
          />
          <ParamSlider
            param={RACE_SCHEMA.epochs}
            value={state.epochs}
            onChange={(epochs) => set({ epochs })}
            label={t.epochs}
          />
          <ParamSlider
            param={RACE_SCHEMA.lr}
            value={state.lr}
            onChange={(lr) => set({ lr })}
            label={t.lr}
            digits={4}
          />
          <ParamSlider
            param={RACE_SCHEMA.batch}
            value={state.batch}
            onChange={(batch) => set({ batch })}
            label={t.batch}
          />
          <ParamSlider
            param={RACE_SCHEMA.seed}
            value={state.seed}
            onChange={(seed) => set({ seed })}
            label={t.seed}
          />
        </div>
      </fieldset>
      <fieldset className="widget-controls seq-race-options" disabled={active}>
        <legend>{t.options}</legend>
        <div className="seq-race-option">
          <span id={l2Id}>{t.l2}</span>
          <div className="segmented" role="group" aria-labelledby={l2Id}>
            {L2_CHOICES.map((choice) => (
              <button
                key={choice}
                type="button"
                data-l2={choice}
                aria-pressed={state.l2 === choice}
                onClick={() => set({ l2: choice })}
              >
                {choice === '0' ? t['l2-0'] : choice}
              </button>
            ))}
          </div>
          <p className="muted">{t.l2Help}</p>
        </div>
        <div className="seq-race-option">
          <label>
            <input
              type="checkbox"
              checked={state.bn}
              onChange={(e) => set({ bn: e.target.checked })}
              aria-describedby={bnHelpId}
            />{' '}
            {t.bn}
          </label>
          <p className="muted" id={bnHelpId}>
            {t.bnHelp}
          </p>
        </div>
      </fieldset>
      <p className="muted" data-testid="race-estimate">
        {format(t.estimate, { time: duration(estimateSeconds(state)) })}
      </p>
      <div className="seq-race-actions">
        {active ? (
          <>
            {view.status === 'paused' ? (
              <button type="button" className="button primary" onClick={resumeRace}>
                {t.resume}
              </button>
            ) : (
              <button type="button" className="button" onClick={pauseRace}>
                {t.pause}
              </button>
            )}
            <button type="button" className="button" onClick={cancelRace}>
              {t.cancel}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => void startRace({ ...state })}
          >
            {started ? t.again : t.start}
          </button>
        )}
        <progress
          max={1000}
          value={Math.round(progress.fraction * 1000)}
          aria-label={t.progress}
          aria-valuetext={`${Math.round(progress.fraction * 100)} %`}
          data-testid="race-progress"
        />
        <span className="seq-race-numbers" data-testid="race-steps">
          {format(t.progressText, {
            rnn: steps.simpleRNN,
            lstm: steps.lstm,
            total: sizes.totalSteps,
          })}
        </span>
      </div>
      {started ? (
        <p className="seq-race-numbers" data-testid="race-time">
          {progress.remaining !== null && view.status === 'running'
            ? format(t.remaining, {
                elapsed: duration(elapsed),
                remaining: duration(progress.remaining),
              })
            : format(t.elapsed, { elapsed: duration(elapsed) })}
          {view.backend ? (
            <span className="seq-race-backend" data-backend={view.backend}>
              {format(t.backend, {
                backend: view.backend === 'wasm' ? t['backend-wasm'] : t['backend-cpu'],
              })}
            </span>
          ) : null}
        </p>
      ) : null}
      <p role="status" data-testid="race-status">
        {view.status === 'starting'
          ? t.starting
          : view.status === 'paused'
            ? t.paused
            : view.status === 'completed' || view.status === 'cancelled'
              ? t[`status-${view.status}`]
              : ''}
      </p>
      {view.status === 'error' ? (
        <p role="alert" className="bptt-error">
          {t['status-error']} {view.message?.[lang]}
        </p>
      ) : null}
      {RACE_ARCHS.map((arch) =>
        view.models[arch].status === 'diverged' ? (
          <p key={arch} role="alert" className="bptt-error">
            {RACE_LABEL[arch]}: {view.models[arch].message?.[lang]}
          </p>
        ) : null,
      )}
      <LineChart
        series={series}
        xLabel={t.epochAxis}
        yLabel={t.lossAxis}
        yScale="log"
        xDomain={[1, Math.max(2, shown.epochs)]}
        height={260}
        ariaLabel={t.chart}
        digits={4}
      />
      <p className="muted">
        {format(t.baselineNote, { variance: formatNumber(PRODUCT_VARIANCE, 4) })}
      </p>
      {verdict.kind !== 'pending' ? (
        <p data-testid="race-verdict">
          <strong>
            {verdict.kind === 'lstm'
              ? format(t['verdict-lstm'], { ratio: formatNumber(verdict.ratio, 1) })
              : t[`verdict-${verdict.kind}`]}
          </strong>
        </p>
      ) : null}
      <OverflowBox label={t.tableCaption}>
        <table className="seq-race-table" data-testid="race-table">
          <caption>{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.model}</th>
              <th scope="col">{t.params}</th>
              <th scope="col">{t.lastLoss}</th>
              <th scope="col">{t.lastVal}</th>
              <th scope="col">{t.state}</th>
            </tr>
          </thead>
          <tbody>
            {RACE_ARCHS.map((arch) => {
              const m = view.models[arch];
              const status: ModelStatus = m.status;
              return (
                <tr key={arch} data-arch={arch}>
                  <th scope="row">{RACE_LABEL[arch]}</th>
                  <td className="num">{params[arch].toLocaleString('en-US')}</td>
                  <td className="num">
                    {m.loss.length ? formatNumber(m.loss[m.loss.length - 1]!, 4) : '–'}
                  </td>
                  <td className="num">
                    {m.valLoss.length ? formatNumber(m.valLoss[m.valLoss.length - 1]!, 4) : '–'}
                  </td>
                  <td>{t[`model-${status}`]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </OverflowBox>
    </section>
  );
}
