import { defineStrings, format } from '../../i18n/defineStrings';
import { useLang, useStrings } from '../../i18n/useLang';
import { countText } from './rulesModel';
import type { MiningSession, MiningView } from './miningStore';

const strings = defineStrings(
  'aprioriStatus',
  {
    reading: '데이터를 읽고 단어로 나누는 중…',
    mining: '{level}단계를 세는 중 (후보 {candidates}개)…',
    done: '트랜잭션 {n}개 · 아이템 {items}개 → 빈발 항목 집합 {itemsets}개, 규칙 {rules}개 ({ms} ms)',
    empty: '(아이템이 없는 줄 {empty}개는 뺐습니다)',
    cancelled: '마이닝을 취소했습니다.',
    idle: '직접 붙여 넣거나 파일을 올리면 여기서 마이닝합니다.',
    cancel: '취소',
    retry: '다시 마이닝',
  },
  {
    reading: 'Reading the data and splitting it into words…',
    mining: 'Counting level {level} ({candidates} candidates)…',
    done: '{n} transactions · {items} items → {itemsets} frequent itemsets, {rules} rules ({ms} ms)',
    empty: '({empty} lines without items were left out)',
    cancelled: 'Mining was cancelled.',
    idle: 'Paste your own data or upload a file and it is mined here.',
    cancel: 'Cancel',
    retry: 'Mine again',
  },
);

const n = countText;

/** What the mining session is doing: progress with a cancel button, the result, or the error. */
export function MiningStatusLine({
  view,
  session,
  live = false,
}: {
  view: MiningView;
  session: MiningSession;
  /** Announce changes (one widget per page should). */
  live?: boolean;
}) {
  const t = useStrings(strings);
  const lang = useLang();
  const busy = view.status === 'reading' || view.status === 'mining';
  let text: string;
  if (view.status === 'reading') text = t.reading;
  else if (view.status === 'mining') {
    text = format(t.mining, {
      level: view.progress?.level ?? 1,
      candidates: n(view.progress?.candidates ?? 0),
    });
  } else if (view.status === 'done' && view.result) {
    const r = view.result;
    text = format(t.done, {
      n: n(r.transactionCount),
      items: n(r.items.length),
      itemsets: n(r.itemsetCount),
      rules: n(r.ruleTotal),
      ms: countText(r.ms),
    });
    if (r.emptyCount > 0) text += ` ${format(t.empty, { empty: n(r.emptyCount) })}`;
  } else if (view.status === 'cancelled') text = t.cancelled;
  else text = view.status === 'idle' ? t.idle : '';

  return (
    <div className="apriori-status" data-status={view.status}>
      {view.status === 'error' && view.error ? (
        <p className="apriori-error" role="alert" data-limit={view.error.limit}>
          {view.error.message[lang]}
        </p>
      ) : (
        <p role={live ? 'status' : undefined} className={busy ? 'apriori-busy' : 'muted'}>
          {busy && <span className="apriori-spinner" aria-hidden="true" />}
          {text}
        </p>
      )}
      {busy ? (
        <button type="button" className="button" onClick={() => session.cancel()}>
          {t.cancel}
        </button>
      ) : view.status === 'cancelled' || (view.status === 'error' && !view.error?.limit) ? (
        <button type="button" className="button" onClick={() => session.retry()}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
