import { useCallback, useId, useMemo, useState } from 'react';
import { useClassroom } from '../../app/classroom';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { formatNumber } from '../../ui/format';
import { Heatmap } from '../../ui/Heatmap';
import { StepControls } from '../../ui/StepControls';
import { usePlayback } from '../../ui/usePlayback';
import { LstmCellDiagram } from './LstmCellDiagram';
import { signedScale } from './lstmCellLayout';
import { LSTM_PLAIN, LSTM_TEX, ONE_LINE_UP_TO, detailTex, numbersTex } from './lstmEquations';
import {
  COURSE_NEXT_WORD,
  courseSource,
  equationValues,
  predictionsFromTrace,
  stepValues,
  stripRows,
  traceSource,
  trainedSource,
  type StepValues,
} from './lstmModel';
import {
  EQUATIONS,
  PARTS,
  PHASES,
  PHASE_EQUATIONS,
  clampPosition,
  jumpToStep,
  positionCount,
  positionOf,
  type Part,
  type Phase,
} from './lstmPhases';
import {
  DEFAULT_CELL_ID,
  LSTM_CELL_SCHEMA,
  LSTM_SOURCES,
  type LstmSourceKind,
} from './lstmSchemas';
import { useTrained } from './trainedStore';
import { useBackendReady } from '../cell/backend';
import { OverflowBox } from '../cell/OverflowBox';
import { SubText } from '../cell/SubText';
import { WeightEditor } from './WeightEditor';
import { useCell } from './weightsStore';
import './lstm.css';

const strings = defineStrings(
  'lstmCell',
  {
    title: 'LSTM 셀을 한 단계씩: 망각 → 입력 → 갱신 → 출력 → 내보내기',
    starting: '계산 장치를 준비하는 중…',
    sourceGroup: '어떤 셀을 볼까요',
    'source-course': '강의 예제 (저는 아침에 책을…)',
    'source-trained': '학습한 모델 (hihello)',
    noTrained:
      '아직 학습한 모델이 없습니다. 아래 “직접 학습시키기”에서 모델을 학습시키면 여기에서 그 셀을 한 단계씩 볼 수 있습니다. 지금은 강의 예제를 보여 줍니다.',
    trainedNote:
      '“hihello” 글자를 하나씩 읽도록 학습한 셀입니다 (은닉 유닛 {hidden}개, {epochs} 에포크). 각 타임 스텝의 h로 다음 글자를 예측합니다.',
    courseNote:
      '원-핫 입력 x₁, x₂, x₃로 세 단어를 읽고 네 번째 단어 “{next}”를 예측하려는 셀입니다. h₀ = c₀ = 0.',
    steps: '단계와 타임 스텝 이동',
    'phase-forget': '망각 게이트',
    'phase-input': '입력 게이트',
    'phase-update': '셀 상태 갱신',
    'phase-output': '출력 게이트',
    'phase-emit': '은닉 상태 내보내기',
    readout: 't = {step} ({word}) · {k}/5단계 {phase}',
    'caption-forget':
      '망각 게이트(forget gate) f_{n}이 이전 셀 상태 c_{p}를 얼마나 남길지 정합니다. σ의 출력은 0과 1 사이라서 0이면 모두 지우고 1이면 모두 남깁니다.',
    'numbers-forget': '지금은 유닛별로 {f}를 남깁니다.',
    'caption-input':
      '입력 게이트(input gate) i_{n}는 새 정보를 얼마나 쓸지, 후보 셀 상태(candidate) c̃_{n}는 쓸 내용(−1부터 1까지)을 정합니다.',
    'numbers-input': '후보 {cand} 중 유닛별로 {i}만 씁니다.',
    'caption-update':
      '셀 상태 갱신: 벨트에 남긴 f_{n} ⊙ c_{p}에 새로 쓰는 i_{n} ⊙ c̃_{n}를 더해 c_{n}을 만듭니다. 곱하고 더하기만 하므로 기억이 벨트를 따라 잘 흘러갑니다.',
    'numbers-update': '새 셀 상태 c_{n} = {c}.',
    'caption-output':
      '출력 게이트(output gate) o_{n}가 셀 상태 가운데 얼마를 은닉 상태로 내보낼지 정합니다.',
    'numbers-output': '유닛별로 {o}를 내보냅니다.',
    'caption-emit':
      '내보내기: h_{n} = o_{n} ⊙ tanh(c_{n}). 은닉 상태 h_{n}은 출력층으로, 그리고 c_{n}과 함께 다음 타임 스텝으로 갑니다.',
    'numbers-emit': '새 은닉 상태 h_{n} = {h}.',
    equations: 'LSTM의 여섯 식',
    'eq-f': '① 망각',
    'eq-i': '② 입력',
    'eq-cand': '② 후보',
    'eq-c': '③ 갱신',
    'eq-o': '④ 출력',
    'eq-h': '⑤ 내보내기',
    eqNumbers: '{name}, t = {step}의 숫자: {values}',
    hoverHint: '식의 기호나 그림의 선에 마우스를 올리면 서로 연결된 부분이 함께 밝아집니다.',
    strip: '타임 스텝별 은닉 상태 h와 셀 상태 c (누르면 그 타임 스텝으로 이동)',
    stripH: '은닉 상태 h, 타임 스텝별',
    stripC: '셀 상태 c, 타임 스텝별',
    trainedReadonly:
      '학습한 모델의 가중치는 여기서 편집하지 않습니다. 강의 예제로 돌아가면 편집할 수 있습니다.',
  },
  {
    title: 'An LSTM cell, one phase at a time: forget → input → update → output → emit',
    starting: 'Getting the compute backend ready…',
    sourceGroup: 'Which cell to show',
    'source-course': 'Course example (“I read a book in the morning”)',
    'source-trained': 'Trained model (hihello)',
    noTrained:
      'There is no trained model yet. Train one below in “Train it yourself” and you can step through its cell here. For now this shows the course example.',
    trainedNote:
      'This cell learned to read “hihello” one character at a time ({hidden} hidden units, {epochs} epochs). Each time step’s h predicts the next character.',
    courseNote:
      'The cell reads three words as one-hot inputs x₁, x₂, x₃ and is meant to predict the fourth word, “{next}”. h₀ = c₀ = 0.',
    steps: 'Move through phases and time steps',
    'phase-forget': 'forget gate',
    'phase-input': 'input gate',
    'phase-update': 'cell-state update',
    'phase-output': 'output gate',
    'phase-emit': 'emit the hidden state',
    readout: 't = {step} ({word}) · phase {k}/5, {phase}',
    'caption-forget':
      'The forget gate f_{n} decides how much of the previous cell state c_{p} to keep. σ gives a number between 0 and 1: 0 erases everything, 1 keeps everything.',
    'numbers-forget': 'Right now it keeps {f} per unit.',
    'caption-input':
      'The input gate i_{n} decides how much new information to write; the candidate c̃_{n} is what would be written (between −1 and 1).',
    'numbers-input': 'Of the candidate {cand} it writes {i} per unit.',
    'caption-update':
      'Cell-state update: what the belt kept, f_{n} ⊙ c_{p}, plus what is written, i_{n} ⊙ c̃_{n}, makes c_{n}. Only a multiply and an add, so memory flows along the belt easily.',
    'numbers-update': 'New cell state c_{n} = {c}.',
    'caption-output':
      'The output gate o_{n} decides how much of the cell state goes out as the hidden state.',
    'numbers-output': 'It lets out {o} per unit.',
    'caption-emit':
      'Emit: h_{n} = o_{n} ⊙ tanh(c_{n}). The hidden state h_{n} goes to the output layer and, with c_{n}, on to the next time step.',
    'numbers-emit': 'New hidden state h_{n} = {h}.',
    equations: 'The six LSTM equations',
    'eq-f': '① forget',
    'eq-i': '② input',
    'eq-cand': '② candidate',
    'eq-c': '③ update',
    'eq-o': '④ output',
    'eq-h': '⑤ emit',
    eqNumbers: '{name} at t = {step}: {values}',
    hoverHint:
      'Point at a symbol in the equations or a wire in the diagram and its partner lights up.',
    strip: 'Hidden state h and cell state c at every time step (click to go there)',
    stripH: 'hidden state h by time step',
    stripC: 'cell state c by time step',
    trainedReadonly:
      'The trained model’s weights are not edited here. Switch back to the course example to edit.',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

const vector = (values: readonly number[]) =>
  `[${values.map((v) => formatNumber(v, 3)).join(', ')}]`;
const percents = (values: readonly number[]) =>
  values.map((v) => `${formatNumber(v * 100, 0)}%`).join(', ');

/** Vectors up to this many units are short enough to show where each number comes from. */
const DETAIL_UP_TO = 3;

function isPart(name: string | null): name is Part {
  return name !== null && (PARTS as readonly string[]).includes(name);
}

function PhaseCaption({
  phase,
  values,
  showNumbers,
  t,
}: {
  phase: Phase;
  values: StepValues;
  showNumbers: boolean;
  t: Strings;
}) {
  const n = values.t + 1;
  const fill = { n, p: n - 1 };
  const numbers = format(t[`numbers-${phase}`], {
    n,
    f: percents(values.gates.f.value),
    i: percents(values.gates.i.value),
    o: percents(values.gates.o.value),
    cand: vector(values.gates.cand.value),
    c: vector(values.c),
    h: vector(values.h),
  });
  return (
    <p className="lstm-caption" data-testid="lstm-caption" data-phase={phase}>
      <SubText text={format(t[`caption-${phase}`], fill)} />
      {showNumbers && (
        <>
          {' '}
          <SubText text={numbers} />
        </>
      )}
    </p>
  );
}

function EquationPanel({
  values,
  phase,
  hovered,
  onHover,
  showNumbers,
  units,
  t,
}: {
  values: StepValues;
  phase: Phase;
  hovered: Part | null;
  onHover: (part: Part | null) => void;
  showNumbers: boolean;
  units: number;
  t: Strings;
}) {
  const eqValues = useMemo(() => equationValues(values), [values]);
  const current = PHASE_EQUATIONS[phase];
  const highlight = hovered ? [hovered] : [];
  const hover = (name: string | null) => onHover(isPart(name) ? name : null);
  const step = values.t + 1;
  return (
    <section className="lstm-equations" aria-label={t.equations}>
      <ol>
        {EQUATIONS.map((name) => {
          const isCurrent = current.includes(name);
          const numbersLabel = format(t.eqNumbers, {
            name: LSTM_PLAIN[name].split(' = ')[0]!,
            step,
            values: vector((eqValues[name] as number[] | undefined) ?? []),
          });
          return (
            <li
              key={name}
              data-eq={name}
              className={isCurrent ? 'is-current' : undefined}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="lstm-eq-tag">{t[`eq-${name}`]}</span>
              <OverflowBox label={LSTM_PLAIN[name]}>
                <Equation
                  tex={LSTM_TEX[name]}
                  display
                  highlight={highlight}
                  onTermHover={hover}
                  label={LSTM_PLAIN[name]}
                />
              </OverflowBox>
              {showNumbers &&
                // Short vectors fit one line on a wide screen; a phone gets them in rows.
                (units <= ONE_LINE_UP_TO ? ['wide', 'narrow'] : ['rows']).map((form) => (
                  <OverflowBox
                    key={form}
                    label={numbersLabel}
                    className={`lstm-eq-form is-${form}`}
                  >
                    <Equation
                      className="lstm-eq-numbers"
                      tex={numbersTex(name, step, form === 'wide' ? units : Infinity)}
                      values={eqValues}
                      display
                      highlight={highlight}
                      onTermHover={hover}
                      label={numbersLabel}
                    />
                  </OverflowBox>
                ))}
              {showNumbers && isCurrent && units <= DETAIL_UP_TO && (
                <OverflowBox label={numbersLabel} className="lstm-eq-detail-box">
                  <Equation
                    className="lstm-eq-detail"
                    tex={detailTex(name, step)}
                    values={eqValues}
                    display
                    highlight={highlight}
                    onTermHover={hover}
                  />
                </OverflowBox>
              )}
            </li>
          );
        })}
      </ol>
      <p className="muted lstm-hint">{t.hoverHint}</p>
    </section>
  );
}

/** Strip columns wide enough for their labels: Korean words, English glosses, characters. */
function stripCellSize(kind: LstmSourceKind, lang: string): number {
  if (kind === 'trained') return 40;
  return lang === 'en' ? 92 : 64;
}

export default function LstmCell({ id = DEFAULT_CELL_ID }: { id?: string }) {
  const ready = useBackendReady();
  const t = useStrings(strings);
  if (!ready) {
    return (
      <section id={`lstm-cell-${id}`} className="widget lstm-cell">
        <h3>{t.title}</h3>
        <p className="widget-loading lstm-placeholder" role="status">
          {t.starting}
        </p>
      </section>
    );
  }
  return <LstmCellBody id={id} />;
}

function LstmCellBody({ id }: { id: string }) {
  const t = useStrings(strings);
  const lang = useLang();
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, LSTM_CELL_SCHEMA);
  const courseCell = useCell(id);
  const trained = useTrained();
  const [hovered, setHovered] = useState<Part | null>(null);

  const wantsTrained = state.source === 'trained';
  const sourceKind: LstmSourceKind = wantsTrained && trained ? 'trained' : 'course';
  const source = useMemo(
    () =>
      sourceKind === 'trained' && trained ? trainedSource(trained) : courseSource(courseCell, lang),
    [sourceKind, trained, courseCell, lang],
  );
  const trace = useMemo(() => traceSource(source), [source]);
  const steps = trace.steps;
  const count = positionCount(steps);
  const pos = clampPosition(state.pos, steps);
  const { step, phase, phaseIndex } = positionOf(pos, steps);
  const values = useMemo(() => stepValues(source.cell, trace, step), [source, trace, step]);
  const scale = useMemo(() => signedScale(trace.c, trace.c0), [trace]);
  const strip = useMemo(() => ({ h: stripRows(trace, 'h'), c: stripRows(trace, 'c') }), [trace]);
  const predictions = useMemo(
    () => (sourceKind === 'trained' && trained ? predictionsFromTrace(trained, trace) : null),
    [sourceKind, trained, trace],
  );

  const onStep = useCallback((next: number) => set({ pos: next }), [set]);
  const playback = usePlayback({ count, step: pos, onStep });
  const phaseName = (p: Phase) => t[`phase-${p}`];
  const word = source.labels[step] ?? '';
  const show = (part: 'numbers' | 'strip' | 'editor') => !classroom.hidden.has(part);

  const prediction =
    predictions && trained
      ? {
          char: predictions[step]!,
          correct: predictions[step] === trained.vocab[trained.targetIds[step]!],
        }
      : null;

  return (
    <section
      id={`lstm-cell-${id}`}
      tabIndex={-1}
      className={`widget lstm-cell${classroom.active ? ' is-classroom' : ''}`}
      aria-labelledby={titleId}
      data-source={sourceKind}
    >
      <h3 id={titleId}>{t.title}</h3>
      <div className="widget-controls lstm-cell-controls">
        <div className="segmented" role="group" aria-label={t.sourceGroup}>
          {LSTM_SOURCES.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-pressed={state.source === kind}
              onClick={() =>
                set((prev) => ({ source: kind, pos: prev.source === kind ? prev.pos : 0 }))
              }
            >
              {t[`source-${kind}`]}
            </button>
          ))}
        </div>
      </div>
      <p className="muted lstm-source-note" data-testid="lstm-source-note">
        {wantsTrained && !trained
          ? t.noTrained
          : sourceKind === 'trained' && trained
            ? format(t.trainedNote, { hidden: trained.hidden, epochs: trained.epochs })
            : format(t.courseNote, { next: COURSE_NEXT_WORD[lang] })}
      </p>
      <div className="lstm-cell-main">
        <div className="lstm-cell-left">
          <LstmCellDiagram
            values={values}
            phase={phase}
            phaseName={phaseName(phase)}
            word={word}
            scale={scale}
            hovered={hovered}
            onHover={setHovered}
            prediction={prediction}
          />
          <StepControls
            playback={playback}
            label={t.steps}
            keyboard={classroom.active ? 'document' : 'widget'}
            stepLabel={() =>
              format(t.readout, {
                step: step + 1,
                word,
                phase: phaseName(phase),
                k: phaseIndex + 1,
              })
            }
          />
          <ol className="lstm-phase-track" aria-hidden="true">
            {PHASES.map((p, k) => (
              <li
                key={p}
                className={k === phaseIndex ? 'is-current' : k < phaseIndex ? 'is-done' : undefined}
              >
                {phaseName(p)}
              </li>
            ))}
          </ol>
          <PhaseCaption phase={phase} values={values} showNumbers={show('numbers')} t={t} />
          {show('strip') && (
            <figure className="lstm-strip" data-testid="lstm-strip">
              <figcaption>{t.strip}</figcaption>
              <div className="lstm-strip-maps">
                {(['h', 'c'] as const).map((which) => (
                  <div key={which} className="lstm-strip-map">
                    <span className="lstm-strip-name">
                      <var>{which}</var>
                    </span>
                    <Heatmap
                      values={strip[which]}
                      rowLabels={Array.from({ length: trace.units }, (_, j) => `${which}${j + 1}`)}
                      colLabels={source.labels}
                      current={step}
                      onSelect={(col) => set({ pos: jumpToStep(pos, col, steps) })}
                      ariaLabel={which === 'h' ? t.stripH : t.stripC}
                      cellSize={stripCellSize(sourceKind, lang)}
                      domain={which === 'h' ? [-1, 1] : [-scale, scale]}
                    />
                  </div>
                ))}
              </div>
            </figure>
          )}
        </div>
        <EquationPanel
          values={values}
          phase={phase}
          hovered={hovered}
          onHover={setHovered}
          showNumbers={show('numbers')}
          units={source.cell.units}
          t={t}
        />
      </div>
      {show('editor') &&
        (sourceKind === 'course' ? (
          <WeightEditor cellId={id} cell={courseCell} words={source.labels} />
        ) : (
          <p className="muted">{t.trainedReadonly}</p>
        ))}
    </section>
  );
}
