import { useId, useState, useSyncExternalStore } from 'react';
import { parseInWorker, type BadRowReason, type ParsedDataset } from '../../core/text';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { sizeText, takeBigPaste } from '../../ui/bigPaste';
import { TRAINER_SCHEMA } from './trainerSchema';
import { setCustomDataset } from './training/datasets';
import './sentiment.css';

const strings = defineStrings(
  'dataUpload',
  {
    title: '내 데이터로 학습하기',
    intro:
      '강의의 NSMC 형식 TSV(id<탭>document<탭>label, 첫 줄은 머리글, label은 0 부정·1 긍정)나 텍스트 열과 레이블 열이 있는 CSV를 올리거나 붙여 넣으세요. 최대 200,000행을 웹 워커에서 읽으므로 페이지는 멈추지 않습니다. 잘못된 행은 버리지 않고 세어서 줄 번호와 함께 보여 줍니다.',
    file: '파일 고르기 (.tsv, .csv, .txt)',
    paste: '또는 붙여 넣기',
    pastedBig: '붙여 넣은 {size}는 상자에 보여 주지 않고 바로 웹 워커에서 읽습니다.',
    pastedName: '붙여 넣은 글',
    parsePaste: '붙여 넣은 내용 읽기',
    format: '형식',
    auto: '자동 (탭이 있으면 TSV)',
    tsv: 'TSV (NSMC 형식)',
    csv: 'CSV (쉼표로 구분)',
    textCol: '텍스트 열 (이름 또는 0부터 센 번호, 비우면 자동)',
    labelCol: '레이블 열 (비우면 자동)',
    progress: '읽는 중',
    progressText: '{rows}행 읽음 ({pct}%)',
    cancel: '취소',
    summary:
      '{format} 형식, 열: {columns} (텍스트: {text}, 레이블: {label}). {rows}행 중 {good}행을 쓸 수 있습니다 (긍정 {pos}, 부정 {neg}).',
    bad: '잘못된 행 {n}개',
    noBad: '잘못된 행이 없습니다.',
    blank: '빈 줄 {n}개는 건너뛰었습니다.',
    truncated: '200,000행을 넘는 부분은 읽지 않았습니다.',
    listed: '처음 {n}개:',
    line: '{line}번째 줄',
    columns: '열 개수가 머리글과 다름',
    missingLabel: '레이블 없음',
    badLabel: '레이블이 0 또는 1이 아님',
    emptyText: '텍스트가 비어 있음',
    use: '이 데이터로 학습하기 (위 학습 위젯의 데이터가 “내 데이터”로 바뀝니다)',
    used: '학습 위젯이 이 데이터를 씁니다. 위에서 “학습 시작”을 누르세요.',
    tooFew: '쓸 수 있는 행이 10개 미만이라 학습할 수 없습니다.',
    error: '파일을 읽지 못했습니다: {message}',
  },
  {
    title: 'Train on your own data',
    intro:
      'Upload or paste a TSV in the course’s NSMC format (id<TAB>document<TAB>label, a header line, label 0 negative and 1 positive) or a CSV with a text and a label column. Up to 200,000 rows are read in a Web Worker, so the page stays responsive. Bad rows are never dropped silently: they are counted and shown with their line numbers.',
    file: 'Choose a file (.tsv, .csv, .txt)',
    paste: 'or paste it',
    pastedBig:
      'The {size} you pasted is read in the Web Worker straight away instead of going into the box.',
    pastedName: 'pasted text',
    parsePaste: 'Read the pasted text',
    format: 'Format',
    auto: 'automatic (TSV when there is a tab)',
    tsv: 'TSV (NSMC format)',
    csv: 'CSV (comma-separated)',
    textCol: 'Text column (name or 0-based number; empty: automatic)',
    labelCol: 'Label column (empty: automatic)',
    progress: 'Reading',
    progressText: '{rows} rows read ({pct} %)',
    cancel: 'Cancel',
    summary:
      '{format}; columns: {columns} (text: {text}, label: {label}). {good} of {rows} rows can be used ({pos} positive, {neg} negative).',
    bad: '{n} bad rows',
    noBad: 'No bad rows.',
    blank: '{n} blank lines were skipped.',
    truncated: 'Everything after 200,000 rows was not read.',
    listed: 'The first {n}:',
    line: 'line {line}',
    columns: 'column count differs from the header',
    missingLabel: 'label missing',
    badLabel: 'label is not 0 or 1',
    emptyText: 'text is empty',
    use: 'Train on this data (switches the trainer above to “my own data”)',
    used: 'The trainer uses this data now. Press “Start training” above.',
    tooFew: 'Fewer than 10 usable rows: not enough to train.',
    error: 'The file could not be read: {message}',
  },
);

interface UploadState {
  name: string;
  parsed: ParsedDataset | null;
  running: boolean;
  progress: { fraction: number; rows: number };
  error: string | null;
  used: boolean;
}

// Module-level, so a language switch (which remounts the widget) keeps the report.
let upload: UploadState = {
  name: '',
  parsed: null,
  running: false,
  progress: { fraction: 0, rows: 0 },
  error: null,
  used: false,
};
const listeners = new Set<() => void>();
const setUpload = (patch: Partial<UploadState>) => {
  upload = { ...upload, ...patch };
  listeners.forEach((l) => l());
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
let cancelCurrent: (() => void) | null = null;

const columnValue = (raw: string): string | number | undefined => {
  const v = raw.trim();
  if (!v) return undefined;
  return /^\d+$/.test(v) ? Number(v) : v;
};

export default function DataUpload() {
  const t = useStrings(strings);
  const titleId = useId();
  const fileId = useId();
  const pasteId = useId();
  const formatId = useId();
  const textColId = useId();
  const labelColId = useId();
  const state = useSyncExternalStore(
    subscribe,
    () => upload,
    () => upload,
  );
  const [, setTrainer] = useWidgetState('sent', TRAINER_SCHEMA);
  const [pasted, setPasted] = useState('');
  const [bigPaste, setBigPaste] = useState<string | null>(null);
  const [fmt, setFmt] = useState<'auto' | 'tsv' | 'csv'>('auto');
  const [textCol, setTextCol] = useState('');
  const [labelCol, setLabelCol] = useState('');

  const parse = (source: string | Blob, name: string) => {
    cancelCurrent?.();
    setUpload({
      name,
      parsed: null,
      running: true,
      error: null,
      used: false,
      progress: { fraction: 0, rows: 0 },
    });
    const options: Parameters<typeof parseInWorker>[1] = { format: fmt };
    const tc = columnValue(textCol);
    const lc = columnValue(labelCol);
    if (tc !== undefined) options.textColumn = tc;
    if (lc !== undefined) options.labelColumn = lc;
    const run = parseInWorker(source, options, (fraction, rows) =>
      setUpload({ progress: { fraction, rows } }),
    );
    cancelCurrent = run.cancel;
    run.done.then(
      (parsed) => setUpload({ parsed, running: false }),
      (error: Error) =>
        setUpload({ running: false, error: error.message === 'cancelled' ? null : error.message }),
    );
  };

  const p = state.parsed;
  const reasons: BadRowReason[] = ['columns', 'missingLabel', 'badLabel', 'emptyText'];
  return (
    <section className="widget sent-upload" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <p>{t.intro}</p>
      <div className="sent-grid">
        <div>
          <label htmlFor={formatId}>{t.format}</label>
          <br />
          <select
            id={formatId}
            value={fmt}
            onChange={(e) => setFmt(e.target.value as 'auto' | 'tsv' | 'csv')}
          >
            <option value="auto">{t.auto}</option>
            <option value="tsv">{t.tsv}</option>
            <option value="csv">{t.csv}</option>
          </select>
        </div>
        <div>
          <label htmlFor={textColId}>{t.textCol}</label>
          <br />
          <input id={textColId} value={textCol} onChange={(e) => setTextCol(e.target.value)} />
        </div>
        <div>
          <label htmlFor={labelColId}>{t.labelCol}</label>
          <br />
          <input id={labelColId} value={labelCol} onChange={(e) => setLabelCol(e.target.value)} />
        </div>
      </div>
      <p>
        <label htmlFor={fileId}>{t.file}</label>
        <br />
        <input
          id={fileId}
          type="file"
          accept=".tsv,.csv,.txt,text/tab-separated-values,text/csv,text/plain"
          data-testid="upload-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) parse(file, file.name);
          }}
        />
      </p>
      <label htmlFor={pasteId} className="sent-label">
        {t.paste}
      </label>
      <textarea
        id={pasteId}
        className="sent-textarea"
        rows={4}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        onPaste={(e) => {
          const text = takeBigPaste(e);
          if (text === null) return;
          setBigPaste(format(t.pastedBig, { size: sizeText(text.length) }));
          parse(text, t.pastedName);
        }}
      />
      {bigPaste ? (
        <p className="muted" aria-live="polite" data-testid="upload-big-paste">
          {bigPaste}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className="button"
          disabled={!pasted.trim() || state.running}
          onClick={() => {
            setBigPaste(null);
            parse(pasted, t.pastedName);
          }}
        >
          {t.parsePaste}
        </button>
      </p>
      {state.running ? (
        <div className="sent-actions">
          <progress max={1} value={state.progress.fraction} aria-label={t.progress} />
          <span>
            {format(t.progressText, {
              rows: state.progress.rows,
              pct: Math.round(state.progress.fraction * 100),
            })}
          </span>
          <button type="button" className="button" onClick={() => cancelCurrent?.()}>
            {t.cancel}
          </button>
        </div>
      ) : null}
      {state.error ? (
        <p role="alert" className="sent-error">
          {format(t.error, { message: state.error })}
        </p>
      ) : null}
      {p ? (
        <div data-testid="upload-report">
          <p role="status">
            {format(t.summary, {
              format: p.format.toUpperCase(),
              columns: p.columns.join(', '),
              text: p.columns[p.textColumn] ?? '',
              label: p.columns[p.labelColumn] ?? '',
              rows: p.rowsRead,
              good: p.texts.length,
              pos: p.positives,
              neg: p.texts.length - p.positives,
            })}
          </p>
          {p.truncated ? <p>{t.truncated}</p> : null}
          {p.blankLines > 0 ? (
            <p className="muted">{format(t.blank, { n: p.blankLines })}</p>
          ) : null}
          {p.badCount === 0 ? (
            <p>{t.noBad}</p>
          ) : (
            <>
              <h4 data-testid="upload-bad-count">{format(t.bad, { n: p.badCount })}</h4>
              <ul>
                {reasons
                  .filter((r) => p.badByReason[r] > 0)
                  .map((r) => (
                    <li key={r}>
                      {t[r]}: {p.badByReason[r]}
                    </li>
                  ))}
              </ul>
              <p>{format(t.listed, { n: p.badRows.length })}</p>
              <div
                className="sent-scroll sent-badrows"
                tabIndex={0}
                role="region"
                aria-label={format(t.bad, { n: p.badCount })}
              >
                <table className="sent-table" data-testid="upload-bad-rows">
                  <tbody>
                    {p.badRows.map((b) => (
                      <tr key={b.line}>
                        <th scope="row">{format(t.line, { line: b.line })}</th>
                        <td>{t[b.reason]}</td>
                        <td>
                          <code>{b.excerpt}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {p.texts.length >= 10 ? (
            <p>
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  setCustomDataset(state.name, p);
                  setTrainer({ data: 'custom' });
                  setUpload({ used: true });
                }}
              >
                {t.use}
              </button>
            </p>
          ) : (
            <p>{t.tooFew}</p>
          )}
          {state.used ? <p role="status">{t.used}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
