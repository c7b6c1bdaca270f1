import { useId } from 'react';
import { formatMeasure } from '../../core/apriori';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { Equation } from '../../ui/Equation';
import { ParamSlider } from '../../ui/ParamSlider';
import { APRIORI_TABLE_SCHEMA } from './aprioriSchema';
import { contingencyMeasures } from './rulesModel';
import './apriori.css';

const strings = defineStrings(
  'aprioriMeasures',
  {
    title: '분할표로 보는 다섯 가지 척도',
    intro:
      '문장 N개 가운데 단어 X(“비”)와 Y(“우산”)가 들어 있는지에 따라 네 칸으로 나눴습니다. 칸의 수를 바꾸면 규칙 X ⇒ Y의 척도가 바로 바뀝니다.',
    table: '규칙 X ⇒ Y의 분할표',
    x: 'X 있음',
    notX: 'X 없음',
    y: 'Y 있음',
    notY: 'Y 없음',
    total: '합계',
    both: 'X와 Y 모두 있는 문장 수',
    xOnly: 'X만 있는 문장 수',
    yOnly: 'Y만 있는 문장 수',
    neither: '둘 다 없는 문장 수',
    measures: '척도',
    support: '지지도',
    confidence: '신뢰도',
    lift: '향상도',
    leverage: '레버리지',
    conviction: '확신도',
    undefined: 'X나 Y가 한 번도 나오지 않으면 규칙의 척도를 정의할 수 없습니다. 칸을 채워 보세요.',
    verdictUp: '향상도 {lift} > 1: X가 있으면 Y가 더 자주 나옵니다 (양의 연관).',
    verdictDown: '향상도 {lift} < 1: X가 있으면 Y가 오히려 덜 나옵니다 (음의 연관).',
    verdictFlat: '향상도 = 1: X와 Y는 서로 상관없이 나옵니다 (독립).',
    equations: '다섯 척도의 식과 지금 값',
  },
  {
    title: 'Five measures from one contingency table',
    intro:
      'N sentences split four ways by whether they contain the word X (“rain”) and the word Y (“umbrella”). Change the cells and the measures of the rule X ⇒ Y follow.',
    table: 'Contingency table of the rule X ⇒ Y',
    x: 'X present',
    notX: 'X absent',
    y: 'Y present',
    notY: 'Y absent',
    total: 'Total',
    both: 'sentences with both X and Y',
    xOnly: 'sentences with X only',
    yOnly: 'sentences with Y only',
    neither: 'sentences with neither',
    measures: 'Measures',
    support: 'support',
    confidence: 'confidence',
    lift: 'lift',
    leverage: 'leverage',
    conviction: 'conviction',
    undefined: 'If X or Y never occurs, the rule’s measures are not defined. Fill in the cells.',
    verdictUp: 'Lift {lift} > 1: with X present, Y turns up more often (positive association).',
    verdictDown: 'Lift {lift} < 1: with X present, Y turns up less often (negative association).',
    verdictFlat: 'Lift = 1: X and Y occur independently of each other.',
    equations: 'The five formulas with the current values',
  },
);

/** The formulas; counts are whole numbers written in, measures are live values (3 digits). */
function texFor(both: number, N: number, nX: number) {
  return {
    support: String.raw`\text{supp}(X \Rightarrow Y) = \frac{n(X \cup Y)}{N} = \frac{${both}}{${N}} = {{support}}`,
    confidence: String.raw`\text{conf}(X \Rightarrow Y) = \frac{n(X \cup Y)}{n(X)} = \frac{${both}}{${nX}} = {{confidence}}`,
    lift: String.raw`\text{lift}(X \Rightarrow Y) = \frac{\text{conf}(X \Rightarrow Y)}{\text{supp}(Y)} = \frac{ {{confidence}} }{ {{suppY}} } = {{lift}}`,
    leverage: String.raw`\text{lev}(X \Rightarrow Y) = \text{supp}(X \cup Y) - \text{supp}(X)\,\text{supp}(Y) = {{leverage}}`,
    conviction: String.raw`\text{conv}(X \Rightarrow Y) = \frac{1 - \text{supp}(Y)}{1 - \text{conf}(X \Rightarrow Y)} = {{conviction}}`,
  };
}

const CELLS = ['both', 'xOnly', 'yOnly', 'neither'] as const;

/** The live contingency table of one rule X ⇒ Y and its five measures. */
export default function AprioriMeasures({ id = 'aprioriTable' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const [state, setState] = useWidgetState(id, APRIORI_TABLE_SCHEMA);
  const { N, nX, nY, measures } = contingencyMeasures(state);
  const cell = (key: (typeof CELLS)[number]) => (
    <td data-cell={key} className="apriori-cell">
      {state[key]}
    </td>
  );
  const verdict = measures
    ? Math.abs(measures.lift - 1) < 1e-12
      ? t.verdictFlat
      : format(measures.lift > 1 ? t.verdictUp : t.verdictDown, {
          lift: formatMeasure(measures.lift, 3),
        })
    : null;

  return (
    <section className="widget apriori-measures" aria-labelledby={titleId}>
      <h3 id={titleId} className="widget-title">
        {t.title}
      </h3>
      <p className="muted">{t.intro}</p>
      <div className="apriori-measures-grid">
        {/* Focusable so a keyboard can scroll it on a narrow phone. */}
        <div className="apriori-scroll" tabIndex={0} role="group" aria-label={t.table}>
          <table className="apriori-contingency" data-testid="apriori-contingency">
            <caption>{t.table}</caption>
            <thead>
              <tr>
                <td aria-hidden="true" />
                <th scope="col">{t.y}</th>
                <th scope="col">{t.notY}</th>
                <th scope="col">{t.total}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t.x}</th>
                {cell('both')}
                {cell('xOnly')}
                <td data-cell="nX">{nX}</td>
              </tr>
              <tr>
                <th scope="row">{t.notX}</th>
                {cell('yOnly')}
                {cell('neither')}
                <td>{N - nX}</td>
              </tr>
              <tr>
                <th scope="row">{t.total}</th>
                <td data-cell="nY">{nY}</td>
                <td>{N - nY}</td>
                <td data-cell="N">{N}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <div className="widget-controls apriori-cell-sliders">
          {CELLS.map((key) => (
            <ParamSlider
              key={key}
              param={APRIORI_TABLE_SCHEMA[key]}
              value={state[key]}
              label={t[key]}
              onChange={(value) => setState({ [key]: value })}
            />
          ))}
        </div>
      </div>
      {measures ? (
        <>
          <div className="apriori-scroll" tabIndex={0} role="group" aria-label={t.measures}>
            <table className="apriori-measure-table" data-testid="apriori-measures">
              <caption>{t.measures}</caption>
              <tbody>
                {(['support', 'confidence', 'lift', 'leverage', 'conviction'] as const).map(
                  (key) => (
                    <tr key={key}>
                      <th scope="row">{t[key]}</th>
                      <td data-measure={key} title={String(measures[key])}>
                        {formatMeasure(measures[key], 3)}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          <div className="apriori-equations" role="group" aria-label={t.equations} tabIndex={0}>
            {(Object.entries(texFor(state.both, N, nX)) as [keyof typeof measures, string][]).map(
              ([key, tex]) => (
                <Equation
                  key={key}
                  display
                  tex={tex}
                  label={t[key as 'support']}
                  values={{
                    support: measures.support,
                    confidence: measures.confidence,
                    suppY: nY / N,
                    lift: measures.lift,
                    leverage: measures.leverage,
                    conviction: measures.conviction,
                  }}
                />
              ),
            )}
          </div>
          <p className="apriori-verdict" data-testid="apriori-verdict">
            {verdict}
          </p>
        </>
      ) : (
        <p className="notice" role="status">
          {t.undefined}
        </p>
      )}
    </section>
  );
}
