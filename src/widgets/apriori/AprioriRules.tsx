import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { formatMeasure, stripParticle } from '../../core/apriori';
import { defineStrings, format } from '../../i18n/defineStrings';
import { downloadCsv } from '../../ui/export/csv';
import { useStrings } from '../../i18n/useLang';
import { DEFAULT_APRIORI_ID, SORT_KEYS, type SortKey } from './aprioriSchema';
import type { MinedRule } from './engine';
import { MiningStatusLine } from './MiningStatusLine';
import { ruleKey, type MiningView } from './miningStore';
import { RulesScatter } from './RulesScatter';
import { filterRules, markPieces, ruleText, sortRules, countText } from './rulesModel';
import { Thresholds } from './Thresholds';
import { useMining } from './useMining';
import { useWidth } from './useWidth';
import './apriori.css';

const strings = defineStrings(
  'aprioriRules',
  {
    title: '연관 규칙: 표와 산점도',
    table: '연관 규칙 표 (열 제목을 누르면 정렬)',
    filter: '아이템으로 거르기',
    filterHint: '예: 커피 (여러 단어는 띄어 쓰기)',
    side: '거를 쪽',
    'side-any': '양쪽',
    'side-lhs': '조건(왼쪽)',
    'side-rhs': '결과(오른쪽)',
    'col-rule': '규칙',
    'col-support': '지지도',
    'col-confidence': '신뢰도',
    'col-lift': '향상도',
    'col-leverage': '레버리지',
    'col-conviction': '확신도',
    'col-count': '횟수',
    sortBy: '{col} 기준으로 정렬',
    shown: '규칙 {total}개 중 {shown}개를 보여 줍니다.',
    csv: '규칙 {total}개를 CSV로 내려받기',
    more: '50개 더 보기',
    none: '조건을 만족하는 규칙이 없습니다. 최소 지지도나 최소 신뢰도를 낮춰 보세요.',
    select: '이 규칙의 문장 보기',
    matches: '{rule}: 트랜잭션 {total}개에 들어 있습니다 ({shown}개 표시)',
    matchesTitle: '고른 규칙이 들어 있는 문장',
    pick: '표의 규칙이나 산점도의 점을 고르면, 그 규칙의 아이템이 모두 들어 있는 문장(장바구니)이 여기에 나옵니다.',
    clear: '선택 해제',
    capped: '규칙이 {total}개라서 향상도가 높은 {kept}개만 가져왔습니다.',
    lhs: '조건 아이템',
    rhs: '결과 아이템',
  },
  {
    title: 'Association rules: table and scatter plot',
    table: 'Association rules (click a column heading to sort)',
    filter: 'Filter by item',
    filterHint: 'e.g. coffee (several words: separate with spaces)',
    side: 'Which side',
    'side-any': 'either',
    'side-lhs': 'condition (left)',
    'side-rhs': 'result (right)',
    'col-rule': 'Rule',
    'col-support': 'support',
    'col-confidence': 'confidence',
    'col-lift': 'lift',
    'col-leverage': 'leverage',
    'col-conviction': 'conviction',
    'col-count': 'count',
    sortBy: 'Sort by {col}',
    shown: 'Showing {shown} of {total} rules.',
    csv: 'Download the {total} rules as CSV',
    more: 'Show 50 more',
    none: 'No rule passes the thresholds. Lower the minimum support or confidence.',
    select: 'Show the sentences of this rule',
    matches: '{rule}: in {total} transactions ({shown} shown)',
    matchesTitle: 'Sentences that contain the selected rule',
    pick: 'Pick a rule in the table or a point in the scatter plot, and the sentences (baskets) holding all its items appear here.',
    clear: 'Clear the selection',
    capped: 'There are {total} rules; the {kept} with the highest lift were fetched.',
    lhs: 'condition items',
    rhs: 'result items',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

const PAGE = 50;

/** The rules in the table's order, with every measure at full precision. */
function downloadRulesCsv(rules: readonly MinedRule[]): void {
  downloadCsv(
    'apriori-rules.csv',
    ['lhs', 'rhs', 'count', 'support', 'confidence', 'lift', 'leverage', 'conviction'],
    rules.map((r) => [
      r.lhs.join(' '),
      r.rhs.join(' '),
      r.count,
      r.support,
      r.confidence,
      r.lift,
      r.leverage,
      r.conviction,
    ]),
  );
}
const MEASURES = ['support', 'confidence', 'lift', 'leverage', 'conviction'] as const;

function RulesTable({
  rules,
  sort,
  desc,
  onSort,
  selected,
  onSelect,
  t,
}: {
  rules: readonly MinedRule[];
  sort: SortKey;
  desc: boolean;
  onSort: (key: SortKey) => void;
  selected: string | null;
  onSelect: (key: string) => void;
  t: Strings;
}) {
  const [limit, setLimit] = useState(PAGE);
  const shown = rules.slice(0, limit);
  return (
    <>
      <div className="apriori-scroll">
        <table className="apriori-rules-table" data-testid="apriori-rules">
          <caption>{t.table}</caption>
          <thead>
            <tr>
              {SORT_KEYS.map((key) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : undefined}
                  className={key === 'rule' ? 'apriori-rule-col' : 'num'}
                >
                  <button
                    type="button"
                    className="apriori-sort"
                    data-sort={key}
                    aria-label={format(t.sortBy, { col: t[`col-${key}`] })}
                    onClick={() => onSort(key)}
                  >
                    {t[`col-${key}`]}
                    <span aria-hidden="true">{sort === key ? (desc ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((rule) => {
              const key = ruleKey(rule);
              const isSelected = key === selected;
              return (
                <tr key={key} data-selected={String(isSelected)} data-rule={ruleText(rule)}>
                  <th scope="row" className="apriori-rule-col">
                    <button
                      type="button"
                      className="apriori-rule-button"
                      aria-pressed={isSelected}
                      title={t.select}
                      onClick={() => onSelect(key)}
                    >
                      {ruleText(rule)}
                    </button>
                  </th>
                  {MEASURES.map((m) => (
                    <td key={m} className="num" data-measure={m} title={String(rule[m])}>
                      {formatMeasure(rule[m], 3)}
                    </td>
                  ))}
                  <td className="num" data-measure="count">
                    {rule.count}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted apriori-small" data-testid="apriori-rules-shown">
        {format(t.shown, {
          shown: countText(shown.length),
          total: countText(rules.length),
        })}
      </p>
      {rules.length > limit && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          {t.more}
        </button>
      )}{' '}
      {rules.length > 0 && (
        <button
          type="button"
          className="button"
          data-testid="apriori-rules-csv"
          onClick={() => downloadRulesCsv(rules)}
        >
          {format(t.csv, { total: countText(rules.length) })}
        </button>
      )}
    </>
  );
}

function Matches({
  view,
  rules,
  format: dataFormat,
  josa,
  onClear,
  t,
}: {
  view: MiningView;
  rules: readonly MinedRule[];
  format: 'sentences' | 'baskets';
  josa: boolean;
  onClear: () => void;
  t: Strings;
}) {
  const titleId = useId();
  const rule = rules.find((r) => ruleKey(r) === view.selected);
  const normalize = (token: string) => {
    const lower = token.toLowerCase();
    return josa ? stripParticle(lower) : lower;
  };
  return (
    <section className="apriori-matches" aria-labelledby={titleId} data-testid="apriori-matches">
      <h4 id={titleId}>{t.matchesTitle}</h4>
      {!rule ? (
        <p className="muted">{t.pick}</p>
      ) : (
        <>
          <p role="status" data-testid="apriori-match-summary">
            {view.matches && view.matches.key === view.selected
              ? format(t.matches, {
                  rule: ruleText(rule),
                  total: countText(view.matches.total),
                  shown: view.matches.rows.length,
                })
              : ruleText(rule)}{' '}
            <button type="button" className="button apriori-clear" onClick={onClear}>
              {t.clear}
            </button>
          </p>
          <p className="apriori-key muted apriori-small">
            <mark className="apriori-lhs">{t.lhs}</mark>{' '}
            <mark className="apriori-rhs">{t.rhs}</mark>
          </p>
          {view.matches && view.matches.key === view.selected && (
            <ol className="apriori-match-list" tabIndex={0} aria-label={t.matchesTitle}>
              {view.matches.rows.map((row) => (
                <li key={row.index} value={row.index + 1}>
                  {markPieces(row.text, rule.lhs, rule.rhs, dataFormat, normalize).map((p, i) =>
                    p.mark ? (
                      <mark key={i} className={`apriori-${p.mark}`}>
                        {p.text}
                      </mark>
                    ) : (
                      <span key={i}>{p.text}</span>
                    ),
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** The rules of the current mining: scatter plot, sortable and filterable table, sentences. */
export default function AprioriRules({ id = DEFAULT_APRIORI_ID }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const filterId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef, 640);
  const { state, setState, session, view } = useMining(id);
  const [side, setSide] = useState<'any' | 'lhs' | 'rhs'>('any');
  const filter = useDeferredValue(view.filter);
  const rules = view.result?.rules;
  const sorted = useMemo(
    () => (rules ? sortRules(rules, state.sort, state.desc) : []),
    [rules, state.sort, state.desc],
  );
  const filtered = useMemo(() => filterRules(sorted, filter, side), [sorted, filter, side]);
  const dataFormat =
    state.example === 'grocery' || (state.example === 'custom' && state.format === 'baskets')
      ? 'baskets'
      : 'sentences';
  const onSort = (key: SortKey) =>
    setState((prev) =>
      prev.sort === key ? { desc: !prev.desc } : { sort: key, desc: key !== 'rule' },
    );
  const onSelect = (key: string) => session.select(view.selected === key ? null : key);

  return (
    <section className="widget apriori-rules" aria-labelledby={titleId}>
      <h3 id={titleId} className="widget-title">
        {t.title}
      </h3>
      <Thresholds state={state} setState={setState} />
      <MiningStatusLine view={view} session={session} />
      <div ref={boxRef} className="apriori-rules-box">
        {rules && rules.length === 0 && <p className="notice">{t.none}</p>}
        {view.result && view.result.ruleTotal > view.result.rules.length && (
          <p className="muted apriori-small">
            {format(t.capped, {
              total: countText(view.result.ruleTotal),
              kept: countText(view.result.rules.length),
            })}
          </p>
        )}
        {rules && rules.length > 0 && (
          <RulesScatter
            rules={filtered}
            selected={view.selected}
            onSelect={onSelect}
            width={Math.max(280, width)}
          />
        )}
      </div>
      {rules && (
        <Matches
          view={view}
          rules={rules}
          format={dataFormat}
          josa={state.josa}
          onClear={() => session.select(null)}
          t={t}
        />
      )}
      {rules && rules.length > 0 && (
        <>
          <div className="widget-controls apriori-filter">
            <label htmlFor={filterId}>{t.filter}</label>
            <input
              id={filterId}
              type="search"
              value={view.filter}
              placeholder={t.filterHint}
              onChange={(e) => session.setFilter(e.target.value)}
            />
            <div className="segmented" role="group" aria-label={t.side}>
              {(['any', 'lhs', 'rhs'] as const).map((s) => (
                <button key={s} type="button" aria-pressed={side === s} onClick={() => setSide(s)}>
                  {t[`side-${s}`]}
                </button>
              ))}
            </div>
          </div>
          <RulesTable
            key={`${view.resultKey}|${filter}|${side}`}
            rules={filtered}
            sort={state.sort}
            desc={state.desc}
            onSort={onSort}
            selected={view.selected}
            onSelect={onSelect}
            t={t}
          />
        </>
      )}
    </section>
  );
}
