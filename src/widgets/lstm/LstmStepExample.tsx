import { useId, useMemo } from 'react';
import { useClassroom } from '../../app/classroom';
import { COURSE_LSTM_STEP_EXAMPLE, courseLstmStepExampleCell, type LSTMGate } from '../../core';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { formatFull, formatNumber } from '../../ui/format';
import { ParamSlider } from '../../ui/ParamSlider';
import { stepExampleRows, traceStepExample } from './lstmStepModel';
import { useBackendReady } from '../cell/backend';
import { LSTM_STEP_SCHEMA } from './lstmSchemas';
import './lstm.css';

const strings = defineStrings(
  'lstmStepExample',
  {
    title: '3유닛 LSTM의 한 타임 스텝을 모두 출력하기',
    starting: '계산 장치를 준비하는 중…',
    inputs: '주어진 값',
    seed: '난수 시드',
    reseed: '새 난수로 다시 뽑기',
    value: '값',
    unit: '유닛 {n}',
    caption:
      '시드 {seed}로 뽑은 가중치에서 계산한 게이트, 셀 상태, 은닉 상태 (소수 셋째 자리, 마우스를 올리면 전체 값)',
    'row-f': '망각 게이트',
    'row-i': '입력 게이트',
    'row-cand': '후보 셀 상태',
    'row-c': '새 셀 상태',
    'row-o': '출력 게이트',
    'row-h': '새 은닉 상태',
    weights: '이 시드의 가중치 보기 (표준 정규분포에서 뽑은 W, U, b)',
    'gate-f': '망각 게이트',
    'gate-i': '입력 게이트',
    'gate-candidate': '후보 셀 상태',
    'gate-o': '출력 게이트',
    seedNote: '시드는 링크에 담깁니다. 같은 시드는 언제나 같은 가중치와 같은 결과를 줍니다.',
  },
  {
    title: 'Print every number of one time step of a 3-unit LSTM',
    starting: 'Getting the compute backend ready…',
    inputs: 'Given',
    seed: 'Random seed',
    reseed: 'Draw new random weights',
    value: 'value',
    unit: 'unit {n}',
    caption:
      'Gates, cell state and hidden state computed from the weights drawn with seed {seed} (3 decimals; hover for the full value)',
    'row-f': 'forget gate',
    'row-i': 'input gate',
    'row-cand': 'candidate',
    'row-c': 'new cell state',
    'row-o': 'output gate',
    'row-h': 'new hidden state',
    weights: 'Show this seed’s weights (W, U, b drawn from a standard normal)',
    'gate-f': 'forget gate',
    'gate-i': 'input gate',
    'gate-candidate': 'candidate',
    'gate-o': 'output gate',
    seedNote:
      'The seed is part of the link. The same seed always gives the same weights and results.',
  },
);

const SYMBOL: Record<string, [string, string]> = {
  f: ['f', 't'],
  i: ['i', 't'],
  cand: ['c̃', 't'],
  c: ['c', 't'],
  o: ['o', 't'],
  h: ['h', 't'],
};

function Sym({ base, sub }: { base: string; sub: string }) {
  return (
    <span className="lstm-mathname">
      <var>{base}</var>
      <sub>{sub}</sub>
    </span>
  );
}

function Cell({ value }: { value: number }) {
  return (
    <td className="lstm-num" title={formatFull(value)}>
      {formatNumber(value, 3)}
    </td>
  );
}

const vectorText = (values: readonly number[]) =>
  `[${values.map((v) => formatNumber(v, 1)).join(', ')}]`;

export default function LstmStepExample({ id = 'lstmStep' }: { id?: string }) {
  const ready = useBackendReady();
  const t = useStrings(strings);
  if (!ready) {
    return (
      <section className="widget lstm-step">
        <h3>{t.title}</h3>
        <p className="widget-loading lstm-placeholder" role="status">
          {t.starting}
        </p>
      </section>
    );
  }
  return <StepExampleBody id={id} />;
}

function StepExampleBody({ id }: { id: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const classroom = useClassroom();
  const [state, set] = useWidgetState(id, LSTM_STEP_SCHEMA);
  const cell = useMemo(() => courseLstmStepExampleCell(state.seed), [state.seed]);
  const values = useMemo(() => traceStepExample(cell), [cell]);
  const rows = stepExampleRows(values);
  const { x, hPrev, cPrev } = COURSE_LSTM_STEP_EXAMPLE;
  const showNumbers = !classroom.hidden.has('numbers');

  const reseed = () => {
    let next = state.seed;
    while (next === state.seed) next = Math.floor(Math.random() * 100_000);
    set({ seed: next });
  };

  return (
    <section className="widget lstm-step" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p className="lstm-step-inputs">
        <strong>{t.inputs}</strong>{' '}
        <span>
          <Sym base="x" sub="t" /> = {vectorText(x)}
        </span>
        {' · '}
        <span>
          <Sym base="h" sub="t−1" /> = {vectorText(hPrev)}
        </span>
        {' · '}
        <span>
          <Sym base="c" sub="t−1" /> = {vectorText(cPrev)}
        </span>
      </p>
      <div className="widget-controls">
        <ParamSlider
          param={LSTM_STEP_SCHEMA.seed}
          value={state.seed}
          onChange={(seed) => set({ seed })}
          label={t.seed}
        />
        <button type="button" className="button" onClick={reseed}>
          {t.reseed}
        </button>
      </div>
      <p className="muted lstm-step-note">{t.seedNote}</p>
      <div className="lstm-table-scroll">
        <table className="lstm-table" data-testid="lstm-step-table" data-seed={state.seed}>
          <caption>{format(t.caption, { seed: state.seed })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t.value}</span>
              </th>
              {[1, 2, 3].map((n) => (
                <th key={n} scope="col">
                  {format(t.unit, { n })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const [base, sub] = SYMBOL[row.name]!;
              return (
                <tr key={row.name} data-row={row.name}>
                  <th scope="row">
                    <Sym base={base} sub={sub} />{' '}
                    <span className="muted">{t[`row-${row.name}`]}</span>
                  </th>
                  {showNumbers ? (
                    row.values.map((v, k) => <Cell key={k} value={v} />)
                  ) : (
                    <td colSpan={3} className="muted">
                      …
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <details className="lstm-step-weights">
        <summary>{t.weights}</summary>
        <div className="lstm-step-weight-grid">
          {(['f', 'i', 'candidate', 'o'] as LSTMGate[]).map((gate) => {
            const g = cell.gates[gate];
            const matrix = (name: string, data: Float32Array, rowsN: number) => (
              <table className="lstm-table is-small">
                <caption>
                  <Sym base={name} sub={gate === 'candidate' ? 'c' : gate} />
                </caption>
                <tbody>
                  {Array.from({ length: rowsN }, (_, r) => (
                    <tr key={r}>
                      {Array.from({ length: 3 }, (_, c) => (
                        <Cell key={c} value={data[r * 3 + c]!} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
            return (
              <div key={gate} className="lstm-step-gate">
                <div className="lstm-step-gate-name">{t[`gate-${gate}`]}</div>
                {matrix('W', g.W, 3)}
                {matrix('U', g.U, 3)}
                {matrix('b', g.b, 1)}
              </div>
            );
          })}
        </div>
      </details>
    </section>
  );
}
