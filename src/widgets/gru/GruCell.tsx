import { useCallback, useId, useMemo, useState } from 'react';
import { GRU_PRESETS, type GRUGate, type GruConvention } from '../../core';
import { useClassroom } from '../../app/classroom';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { formatFull, formatNumber } from '../../ui/format';
import { StepControls } from '../../ui/StepControls';
import { usePlayback } from '../../ui/usePlayback';
import { useBackendReady } from '../cell/backend';
import { OverflowBox } from '../cell/OverflowBox';
import { SubText } from '../cell/SubText';
import { WeightEditor } from '../cell/WeightEditor';
import { GruCellDiagram } from './GruCellDiagram';
import { GruFlipDemo } from './GruFlipDemo';
import { gruNumbersTex, gruPlain, gruTex } from './gruEquations';
import {
  EXAMPLE_INPUTS,
  GRU_EQUATIONS,
  GRU_PHASES,
  GRU_WALK,
  PHASE_EQUATION,
  PRESET_CHOICES,
  cellUnder,
  gruEquationValues,
  gruStepValues,
  hRows,
  isGruPart,
  presetOf,
  traceExample,
  type GruPart,
  type GruPhase,
} from './gruModel';
import { DEFAULT_GRU_CELL_ID, GRU_CELL_SCHEMA } from './gruSchemas';
import { isGruEdited, resetGruCell, setGruWeight, useGruCell } from './gruWeights';
import '../lstm/lstm.css';
import './gru.css';

const strings = defineStrings(
  'gruCell',
  {
    title: 'GRU 셀을 한 단계씩: 리셋 → 업데이트 → 후보 → 섞기',
    starting: '계산 장치를 준비하는 중…',
    note: '입력 두 개, 은닉 유닛 두 개인 GRU가 세 타임 스텝 x₁ = [1, 0], x₂ = [0, 1], x₃ = [1, 1]을 읽습니다. h₀ = 0. 가중치는 시드 {seed}로 뽑았습니다.',
    newSeed: '새 가중치 뽑기',
    steps: '단계와 타임 스텝 이동',
    'phase-reset': '리셋 게이트',
    'phase-update': '업데이트 게이트',
    'phase-candidate': '후보 은닉 상태',
    'phase-interpolate': '섞어서 내보내기',
    readout: 't = {step} · {k}/4단계 {phase}',
    'caption-reset':
      '리셋 게이트(reset gate) r_{n}는 후보를 만들 때 이전 은닉 상태 h_{p}를 얼마나 참고할지 정합니다. 0에 가까우면 과거를 무시하고 새로 시작합니다.',
    'caption-update':
      '업데이트 게이트(update gate) z_{n}는 이전 상태를 얼마나 유지하고 새 후보를 얼마나 받아들일지 정합니다. LSTM의 망각 게이트와 입력 게이트를 하나로 합친 셈입니다.',
    'caption-candidate':
      '후보 은닉 상태 h̃_{n}: 리셋 게이트로 걸러 낸 과거와 새 입력 x_{n}으로 만든 새 내용입니다 (−1부터 1까지).',
    'caption-interpolate-course':
      '섞기: h_{n} = (1 − z_{n}) ⊙ h_{p} + z_{n} ⊙ h̃_{n}. z가 1에 가까울수록 새 후보를, 0에 가까울수록 이전 상태를 씁니다.',
    'caption-interpolate-keras':
      '섞기: h_{n} = z_{n} ⊙ h_{p} + (1 − z_{n}) ⊙ h̃_{n}. 이 관례에서는 z가 1에 가까울수록 이전 상태를 유지합니다.',
    numbers: '지금 값: {name} = {values}.',
    equations: 'GRU의 네 식',
    'eq-r': '① 리셋',
    'eq-z': '② 업데이트',
    'eq-cand': '③ 후보',
    'eq-h': '④ 섞기',
    eqNumbers: '{name}, t = {step}의 숫자: {values}',
    hoverHint: '식의 기호나 그림의 선에 마우스를 올리면 서로 연결된 부분이 함께 밝아집니다.',
    changedHint: '색칠한 항은 강의의 식과 다른 부분입니다.',
    conventions: '표기 관례',
    presets: '이름 붙은 관례',
    'preset-course': '강의 (기본)',
    'preset-cho2014': 'Cho 2014 · Keras reset_after=False · tfjs 관례',
    'preset-pytorch': 'PyTorch · cuDNN · Keras reset_after=True 관례',
    updateSide: '업데이트 게이트가 무엇에 곱해지나',
    'update-course': '(1 − z)가 h₋₁에: 강의',
    'update-keras': 'z가 h₋₁에: Cho·Keras·PyTorch',
    resetSide: '리셋 게이트의 위치',
    'reset-before': '순환 곱 앞: U(r ⊙ h)',
    'reset-after': '순환 곱 뒤: r ⊙ (U h + b)',
    compare: '같은 가중치, 관례별 h',
    compareCaption: '같은 가중치로 세 관례가 계산한 h (t = {step})',
    preset: '관례',
    current: '지금 보는 관례',
    editor: '가중치 편집',
    editorIntro:
      '숫자를 고치면 그림과 식이 바로 다시 계산됩니다. W는 입력 가중치(행: 입력 특성, 열: 유닛), U는 순환 가중치, b는 편향입니다.',
    reset: '시드의 숫자로 되돌리기',
    memory:
      '편집한 가중치는 링크에 담지 않고 이 페이지의 메모리에만 둡니다. 언어를 바꿔도 남지만 새로고침하면 되돌아갑니다.',
    'gate-r': '리셋 게이트 r',
    'gate-z': '업데이트 게이트 z',
    'gate-candidate': '후보 은닉 상태 h̃',
  },
  {
    title: 'A GRU cell, one phase at a time: reset → update → candidate → mix',
    starting: 'Getting the compute backend ready…',
    note: 'A GRU with two inputs and two hidden units reads three time steps, x₁ = [1, 0], x₂ = [0, 1], x₃ = [1, 1]. h₀ = 0. The weights were drawn with seed {seed}.',
    newSeed: 'Draw new weights',
    steps: 'Move through phases and time steps',
    'phase-reset': 'reset gate',
    'phase-update': 'update gate',
    'phase-candidate': 'candidate',
    'phase-interpolate': 'mix and emit',
    readout: 't = {step} · phase {k}/4, {phase}',
    'caption-reset':
      'The reset gate r_{n} decides how much of the previous hidden state h_{p} the candidate may look at. Near 0, the past is ignored and the cell starts afresh.',
    'caption-update':
      'The update gate z_{n} decides how much of the old state to keep and how much of the new candidate to take in: the LSTM’s forget and input gates rolled into one.',
    'caption-candidate':
      'The candidate h̃_{n}: new content made from the reset-filtered past and the new input x_{n} (between −1 and 1).',
    'caption-interpolate-course':
      'Mix: h_{n} = (1 − z_{n}) ⊙ h_{p} + z_{n} ⊙ h̃_{n}. The closer z is to 1, the more of the new candidate; the closer to 0, the more of the old state.',
    'caption-interpolate-keras':
      'Mix: h_{n} = z_{n} ⊙ h_{p} + (1 − z_{n}) ⊙ h̃_{n}. In this convention z near 1 keeps the old state.',
    numbers: 'Now: {name} = {values}.',
    equations: 'The four GRU equations',
    'eq-r': '① reset',
    'eq-z': '② update',
    'eq-cand': '③ candidate',
    'eq-h': '④ mix',
    eqNumbers: '{name} at t = {step}: {values}',
    hoverHint:
      'Point at a symbol in the equations or a wire in the diagram and its partner lights up.',
    changedHint: 'Shaded terms are where this convention differs from the course’s equations.',
    conventions: 'Conventions',
    presets: 'Named conventions',
    'preset-course': 'Course (default)',
    'preset-cho2014': 'Cho 2014 · Keras reset_after=False · tfjs',
    'preset-pytorch': 'PyTorch · cuDNN · Keras reset_after=True',
    updateSide: 'Which side the update gate weighs',
    'update-course': '(1 − z) on h₋₁: course',
    'update-keras': 'z on h₋₁: Cho, Keras, PyTorch',
    resetSide: 'Where the reset gate acts',
    'reset-before': 'before the product: U(r ⊙ h)',
    'reset-after': 'after the product: r ⊙ (U h + b)',
    compare: 'Same weights, h under each convention',
    compareCaption: 'h computed by the three conventions with the same weights (t = {step})',
    preset: 'convention',
    current: 'shown now',
    editor: 'Edit the weights',
    editorIntro:
      'Change a number and the diagram and equations are recomputed at once. W holds the input weights (rows: input features, columns: units), U the recurrent weights, b the biases.',
    reset: 'Reset to the seed’s numbers',
    memory:
      'Edited weights are not put in the link; they stay in this page’s memory. They survive a language switch; a reload brings the seed’s numbers back.',
    'gate-r': 'reset gate r',
    'gate-z': 'update gate z',
    'gate-candidate': 'candidate h̃',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

const vector = (values: readonly number[]) =>
  `[${values.map((v) => formatNumber(v, 3)).join(', ')}]`;

const EDITOR_SUB: Record<GRUGate, string> = { r: 'r', z: 'z', candidate: 'h' };

export default function GruCell({ id = DEFAULT_GRU_CELL_ID }: { id?: string }) {
  const ready = useBackendReady();
  const t = useStrings(strings);
  if (!ready) {
    return (
      <section id={`gru-cell-${id}`} className="widget gru-cell">
        <h3>{t.title}</h3>
        <p className="widget-loading lstm-placeholder" role="status">
          {t.starting}
        </p>
      </section>
    );
  }
  return <GruCellBody id={id} />;
}

function ConventionControls({
  convention,
  onChange,
  t,
}: {
  convention: GruConvention;
  onChange: (next: GruConvention) => void;
  t: Strings;
}) {
  const preset = presetOf(convention);
  return (
    <fieldset className="gru-conventions">
      <legend>{t.conventions}</legend>
      <div className="segmented" role="group" aria-label={t.presets}>
        {PRESET_CHOICES.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={preset === name}
            data-preset={name}
            onClick={() => onChange({ ...GRU_PRESETS[name] })}
          >
            {t[`preset-${name}`]}
          </button>
        ))}
      </div>
      <div className="gru-axes">
        <div className="segmented" role="group" aria-label={t.updateSide}>
          {(['course', 'keras'] as const).map((side) => (
            <button
              key={side}
              type="button"
              aria-pressed={convention.updateGate === side}
              data-update={side}
              onClick={() => onChange({ ...convention, updateGate: side })}
            >
              {t[`update-${side}`]}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t.resetSide}>
          {([false, true] as const).map((after) => (
            <button
              key={String(after)}
              type="button"
              aria-pressed={convention.resetAfter === after}
              data-reset-after={String(after)}
              onClick={() => onChange({ ...convention, resetAfter: after })}
            >
              {t[after ? 'reset-after' : 'reset-before']}
            </button>
          ))}
        </div>
      </div>
    </fieldset>
  );
}

function GruCellBody({ id }: { id: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, GRU_CELL_SCHEMA);
  const base = useGruCell(id, state.seed);
  const [hovered, setHovered] = useState<GruPart | null>(null);

  const convention: GruConvention = useMemo(
    () => ({ updateGate: state.update, resetAfter: state.resetAfter }),
    [state.update, state.resetAfter],
  );
  const cell = useMemo(() => cellUnder(base, convention), [base, convention]);
  const trace = useMemo(() => traceExample(cell), [cell]);
  const steps = trace.steps;
  const pos = GRU_WALK.clamp(state.pos, steps);
  const { step, phase, phaseIndex } = GRU_WALK.positionOf(pos, steps);
  const values = useMemo(() => gruStepValues(cell, trace, step), [cell, trace, step]);
  const eqValues = useMemo(() => gruEquationValues(values), [values]);
  const tex = useMemo(() => gruTex(convention), [convention]);
  const plain = useMemo(() => gruPlain(convention), [convention]);
  const byPreset = useMemo(
    () =>
      PRESET_CHOICES.map((name) => ({
        name,
        h: hRows(traceExample(cellUnder(base, GRU_PRESETS[name]))),
      })),
    [base],
  );

  const onStep = useCallback((next: number) => set({ pos: next }), [set]);
  const playback = usePlayback({ count: GRU_WALK.count(steps), step: pos, onStep });
  const phaseName = (p: GruPhase) => t[`phase-${p}`];
  const show = (part: 'numbers' | 'editor') => !classroom.hidden.has(part);
  const n = step + 1;
  const fill = { n, p: n - 1 };
  const currentEq = PHASE_EQUATION[phase];
  const highlight = hovered ? [hovered] : [];
  const hover = (name: string | null) => setHovered(isGruPart(name) ? name : null);
  const captionKey =
    phase === 'interpolate'
      ? (`caption-interpolate-${convention.updateGate}` as const)
      : (`caption-${phase}` as const);
  const shownName = currentEq === 'cand' ? 'h̃' : currentEq;
  const shownValues = currentEq === 'cand' ? values.cand : values[currentEq];
  const currentPreset = presetOf(convention);

  return (
    <section
      id={`gru-cell-${id}`}
      tabIndex={-1}
      className={`widget gru-cell${classroom.active ? ' is-classroom' : ''}`}
      aria-labelledby={titleId}
      data-update={convention.updateGate}
      data-reset-after={String(convention.resetAfter)}
    >
      <h3 id={titleId}>{t.title}</h3>
      <div className="gru-note-row">
        <p className="muted lstm-source-note">{format(t.note, { seed: state.seed })}</p>
        <button
          type="button"
          className="button"
          onClick={() => set((prev) => ({ seed: (prev.seed + 1) % 10_000 }))}
        >
          {t.newSeed}
        </button>
      </div>
      <ConventionControls
        convention={convention}
        onChange={(next) => set({ update: next.updateGate, resetAfter: next.resetAfter })}
        t={t}
      />
      <div className="lstm-cell-main">
        <div className="lstm-cell-left">
          <GruCellDiagram
            values={values}
            phase={phase}
            phaseName={phaseName(phase)}
            hovered={hovered}
            onHover={setHovered}
          />
          <StepControls
            playback={playback}
            label={t.steps}
            keyboard={classroom.active ? 'document' : 'widget'}
            stepLabel={() =>
              format(t.readout, { step: n, phase: phaseName(phase), k: phaseIndex + 1 })
            }
          />
          <ol className="lstm-phase-track" aria-hidden="true">
            {GRU_PHASES.map((p, k) => (
              <li
                key={p}
                className={k === phaseIndex ? 'is-current' : k < phaseIndex ? 'is-done' : undefined}
              >
                {phaseName(p)}
              </li>
            ))}
          </ol>
          <p className="lstm-caption" data-testid="gru-caption" data-phase={phase}>
            <SubText text={format(t[captionKey], fill)} />
            {show('numbers') && (
              <> {format(t.numbers, { name: shownName, values: vector(shownValues) })}</>
            )}
          </p>
          <p className="gru-h-readout" data-testid="gru-h">
            h<sub>{n}</sub> ={' '}
            <output title={values.h.map(formatFull).join(', ')}>{vector(values.h)}</output>
          </p>
        </div>
        <section className="lstm-equations" aria-label={t.equations}>
          <ol>
            {GRU_EQUATIONS.map((name) => {
              const isCurrent = name === currentEq;
              const numbersLabel = format(t.eqNumbers, {
                name: plain[name].split(' = ')[0]!,
                step: n,
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
                  <OverflowBox label={plain[name]}>
                    <Equation
                      tex={tex[name]}
                      display
                      highlight={highlight}
                      onTermHover={hover}
                      label={plain[name]}
                    />
                  </OverflowBox>
                  {show('numbers') && (
                    <OverflowBox label={numbersLabel}>
                      <Equation
                        className="lstm-eq-numbers"
                        tex={gruNumbersTex(name, n, convention.updateGate)}
                        values={eqValues}
                        display
                        highlight={highlight}
                        onTermHover={hover}
                        label={numbersLabel}
                      />
                    </OverflowBox>
                  )}
                </li>
              );
            })}
          </ol>
          <p className="muted lstm-hint">{t.hoverHint}</p>
          {currentPreset !== 'course' && <p className="muted gru-changed-hint">{t.changedHint}</p>}
        </section>
      </div>
      {show('numbers') && (
        <OverflowBox label={t.compare} className="gru-compare-conventions">
          <table data-testid="gru-by-preset">
            <caption>
              <SubText text={format(t.compareCaption, { step: n })} />
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.preset}</th>
                <th scope="col">
                  h<sub>{n}</sub>
                </th>
              </tr>
            </thead>
            <tbody>
              {byPreset.map(({ name, h }) => (
                <tr
                  key={name}
                  data-preset={name}
                  className={name === currentPreset ? 'is-current' : undefined}
                >
                  <th scope="row">
                    {t[`preset-${name}`]}
                    {name === currentPreset && <span className="badge">{t.current}</span>}
                  </th>
                  <td className="num" title={h[step]!.map(formatFull).join(', ')}>
                    {vector(h[step]!)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </OverflowBox>
      )}
      <GruFlipDemo cell={cell} step={step} />
      {show('editor') && (
        <WeightEditor
          gates={(['r', 'z', 'candidate'] as const).map((key) => ({
            key,
            label: t[`gate-${key}`],
            sub: EDITOR_SUB[key],
          }))}
          weights={(gate) => base.gates[gate as GRUGate]}
          inputSize={base.inputSize}
          units={base.units}
          words={EXAMPLE_INPUTS[0]!.map((_, d) => `x(${d + 1})`)}
          onSet={(gate, part, index, value) =>
            setGruWeight(id, state.seed, gate as GRUGate, part, index, value)
          }
          edited={isGruEdited(id, state.seed)}
          onReset={() => resetGruCell(id)}
          text={{ title: t.editor, intro: t.editorIntro, reset: t.reset, memory: t.memory }}
        />
      )}
    </section>
  );
}
