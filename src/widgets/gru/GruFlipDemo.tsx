import { useId, useMemo } from 'react';
import type { GRUCell } from '../../core';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { formatFull, formatNumber } from '../../ui/format';
import { OverflowBox } from '../cell/OverflowBox';
import { SubText } from '../cell/SubText';
import { flipPair } from './gruModel';

/** W_z, U_z, b_z: a letter with a gate's letter as its index. */
const GATE_INDEXED = /([WUb])_([zrh])\b/g;
import { stepOf } from '../../core';

const strings = defineStrings(
  'gruFlip',
  {
    title: '같은 식구: z ↔ 1 − z',
    intro:
      '업데이트 게이트의 가중치 W_z, U_z와 편향 b_z의 부호를 모두 바꾸면 z가 1 − z가 됩니다 (1 − σ(a) = σ(−a)). 그래서 반대쪽 관례로 읽어도 h는 그대로입니다.',
    left: '지금 관례: {side}',
    right: 'W_z, U_z, b_z 부호를 바꾸고 반대 관례: {side}',
    equal: '두 h는 모든 타임 스텝에서 같습니다 (가장 큰 차이 {diff}).',
    differ: '두 h가 다릅니다 (가장 큰 차이 {diff}).',
  },
  {
    title: 'One family: z ↔ 1 − z',
    intro:
      'Negate the update gate’s weights W_z, U_z and its bias b_z and z becomes 1 − z (since 1 − σ(a) = σ(−a)). Read under the other convention, h comes out the same.',
    left: 'This convention: {side}',
    right: 'W_z, U_z, b_z negated, other convention: {side}',
    equal: 'The two h agree at every time step (largest difference {diff}).',
    differ: 'The two h differ (largest difference {diff}).',
  },
);

/** The two update sides, written the same in both languages. */
const SIDE = {
  course: 'h = (1 − z) ⊙ h₋₁ + z ⊙ h̃',
  keras: 'h = z ⊙ h₋₁ + (1 − z) ⊙ h̃',
} as const;

const vec = (values: ArrayLike<number>) =>
  `[${Array.from(values, (v) => formatNumber(v, 3)).join(', ')}]`;

/** Two traces side by side: the cell, and the cell with its update gate flipped. */
export function GruFlipDemo({ cell, step }: { cell: GRUCell; step: number }) {
  const t = useStrings(strings);
  const titleId = useId();
  const pair = useMemo(() => flipPair(cell), [cell]);
  const sides = [pair.original, pair.flipped] as const;
  const equal = pair.maxDiff < 1e-5;
  return (
    <section className="gru-flip" aria-labelledby={titleId} data-testid="gru-flip">
      <h4 id={titleId}>{t.title}</h4>
      <p className="muted">
        <SubText text={t.intro} pattern={GATE_INDEXED} />
      </p>
      <OverflowBox label={t.title} className="gru-flip-sides">
        {sides.map((side, k) => (
          <table key={k} data-side={k === 0 ? 'original' : 'flipped'}>
            <caption>
              <SubText
                text={format(t[k === 0 ? 'left' : 'right'], {
                  side: SIDE[side.cell.updateGate],
                })}
                pattern={GATE_INDEXED}
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">t</th>
                <th scope="col">z</th>
                <th scope="col">h</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: side.trace.steps }, (_, s) => {
                const h = stepOf(side.trace.h, side.trace, s);
                return (
                  <tr key={s} className={s === step ? 'is-current' : undefined}>
                    <th scope="row">{s + 1}</th>
                    <td className="num">{vec(stepOf(side.trace.gates.z, side.trace, s))}</td>
                    <td className="num" data-h title={Array.from(h, formatFull).join(', ')}>
                      {vec(h)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </OverflowBox>
      <p className={equal ? 'gru-flip-equal' : 'gru-flip-differ'} role="status">
        {format(t[equal ? 'equal' : 'differ'], { diff: pair.maxDiff.toExponential(1) })}
      </p>
    </section>
  );
}
