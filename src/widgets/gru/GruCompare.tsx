import { useId, useMemo } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { ParamSlider } from '../../ui/ParamSlider';
import { OverflowBox } from '../cell/OverflowBox';
import { compareRows, groupDigits } from './compareModel';
import { GRU_COMPARE_SCHEMA } from './gruSchemas';
import './gru.css';

const strings = defineStrings(
  'gruCompare',
  {
    title: 'LSTM과 GRU 나란히',
    input: '입력 크기 D',
    hidden: '은닉 크기 H',
    caption: 'D = {d}, H = {h}일 때 층 하나의 비교',
    aspect: '항목',
    gates: '게이트',
    'gates-lstm': '3개 (망각·입력·출력) + 후보',
    'gates-gru': '2개 (리셋·업데이트) + 후보',
    state: '상태',
    'state-lstm': '셀 상태 c와 은닉 상태 h 두 개',
    'state-gru': '은닉 상태 h 하나',
    keras: '파라미터 (Keras)',
    'keras-gru': '{a} (reset_after=True, 기본) / {b} (reset_after=False)',
    pytorch: '파라미터 (PyTorch)',
    macs: '타임 스텝당 곱셈-덧셈 (행렬 곱)',
    elementwise: '+ 원소별 곱 {n}개',
    behaviour: '흔히 보이는 성질',
    'behaviour-lstm': '긴 시퀀스에서 더 안정적인 경우가 많음',
    'behaviour-gru': '더 가볍고 빠름, 작은 데이터에서 비슷하거나 더 나은 경우가 많음',
    ratio: 'GRU / LSTM 비율',
    explain:
      'Keras는 게이트마다 편향을 하나 두지만 (GRU의 기본 reset_after=True는 순환 쪽 편향 한 줄 3H를 더 둡니다), PyTorch는 입력 쪽 b_ih와 순환 쪽 b_hh 두 벡터를 둡니다. 그래서 PyTorch의 LSTM은 Keras보다 4H = {fourH}개, GRU는 reset_after=False의 Keras보다 3H = {threeH}개 많습니다.',
  },
  {
    title: 'LSTM and GRU side by side',
    input: 'input size D',
    hidden: 'hidden size H',
    caption: 'One layer with D = {d}, H = {h}',
    aspect: 'aspect',
    gates: 'gates',
    'gates-lstm': '3 (forget, input, output) + candidate',
    'gates-gru': '2 (reset, update) + candidate',
    state: 'state',
    'state-lstm': 'two: cell state c and hidden state h',
    'state-gru': 'one: hidden state h',
    keras: 'parameters (Keras)',
    'keras-gru': '{a} (reset_after=True, default) / {b} (reset_after=False)',
    pytorch: 'parameters (PyTorch)',
    macs: 'multiply-adds per time step (matrix products)',
    elementwise: '+ {n} element-wise products',
    behaviour: 'typical behaviour',
    'behaviour-lstm': 'often steadier on long sequences',
    'behaviour-gru': 'lighter and faster; often as good or better on small data',
    ratio: 'GRU / LSTM ratio',
    explain:
      'Keras keeps one bias per gate (the GRU’s default reset_after=True adds a second, recurrent bias row of 3H), while PyTorch keeps two vectors, b_ih on the input side and b_hh on the recurrent side. So PyTorch’s LSTM has 4H = {fourH} more parameters than Keras’s, and its GRU 3H = {threeH} more than Keras with reset_after=False.',
  },
);

/** The course's table, with counts computed live from D and H. */
export default function GruCompare({ id = 'gruCompare' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const [state, set] = useWidgetState(id, GRU_COMPARE_SCHEMA);
  const D = state.input;
  const H = state.hidden;
  const rows = useMemo(() => compareRows(D, H), [D, H]);
  const ratio = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;
  return (
    <section className="widget gru-table" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <div className="widget-controls gru-sliders">
        <ParamSlider
          param={GRU_COMPARE_SCHEMA.input}
          value={D}
          onChange={(v) => set({ input: v })}
          label={t.input}
        />
        <ParamSlider
          param={GRU_COMPARE_SCHEMA.hidden}
          value={H}
          onChange={(v) => set({ hidden: v })}
          label={t.hidden}
        />
      </div>
      <OverflowBox label={format(t.caption, { d: D, h: H })} className="gru-table-scroll">
        <table data-testid="gru-compare">
          <caption>{format(t.caption, { d: D, h: H })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.aspect}</th>
              <th scope="col">LSTM</th>
              <th scope="col">GRU</th>
              <th scope="col">{t.ratio}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.gates}</th>
              <td>{t['gates-lstm']}</td>
              <td>{t['gates-gru']}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t.state}</th>
              <td>{t['state-lstm']}</td>
              <td>{t['state-gru']}</td>
              <td />
            </tr>
            <tr data-row="keras">
              <th scope="row">{t.keras}</th>
              <td className="num" data-lstm={rows.lstm.keras}>
                {groupDigits(rows.lstm.keras)}
              </td>
              <td className="num" data-gru={rows.gru.keras} data-gru-v1={rows.gru.kerasV1}>
                {format(t['keras-gru'], {
                  a: groupDigits(rows.gru.keras),
                  b: groupDigits(rows.gru.kerasV1),
                })}
              </td>
              <td className="num">{ratio(rows.gru.keras, rows.lstm.keras)}</td>
            </tr>
            <tr data-row="pytorch">
              <th scope="row">{t.pytorch}</th>
              <td className="num" data-lstm={rows.lstm.pytorch}>
                {groupDigits(rows.lstm.pytorch)}
              </td>
              <td className="num" data-gru={rows.gru.pytorch}>
                {groupDigits(rows.gru.pytorch)}
              </td>
              <td className="num">{ratio(rows.gru.pytorch, rows.lstm.pytorch)}</td>
            </tr>
            <tr data-row="macs">
              <th scope="row">{t.macs}</th>
              <td className="num" data-lstm={rows.lstm.matMacs}>
                {groupDigits(rows.lstm.matMacs)}{' '}
                <span className="muted">
                  {format(t.elementwise, { n: groupDigits(rows.lstm.elementwise) })}
                </span>
              </td>
              <td className="num" data-gru={rows.gru.matMacs}>
                {groupDigits(rows.gru.matMacs)}{' '}
                <span className="muted">
                  {format(t.elementwise, { n: groupDigits(rows.gru.elementwise) })}
                </span>
              </td>
              <td className="num">{ratio(rows.gru.matMacs, rows.lstm.matMacs)}</td>
            </tr>
            <tr>
              <th scope="row">{t.behaviour}</th>
              <td>{t['behaviour-lstm']}</td>
              <td>{t['behaviour-gru']}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </OverflowBox>
      <p className="muted" data-testid="gru-compare-explain">
        {format(t.explain, { fourH: groupDigits(4 * H), threeH: groupDigits(3 * H) })}
      </p>
    </section>
  );
}
