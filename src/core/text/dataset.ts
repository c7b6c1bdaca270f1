// Labelled review data sets: TSV in the NSMC format (id<TAB>document<TAB>label, header row) or
// CSV with a text and a label column (quoting handled by papaparse). Bad rows are counted and
// listed with their line numbers, never dropped silently.
import Papa from 'papaparse';
import { check } from '../errors';

export const MAX_DATASET_ROWS = 200_000;
/** Files larger than this are refused before reading (a 200,000-row NSMC file is ~15 MB). */
export const MAX_DATASET_BYTES = 100 * 1024 * 1024;

export type DatasetFormat = 'tsv' | 'csv';
export type BadRowReason = 'columns' | 'missingLabel' | 'badLabel' | 'emptyText';
export const BAD_ROW_REASONS: readonly BadRowReason[] = [
  'columns',
  'missingLabel',
  'badLabel',
  'emptyText',
];

export interface BadRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  reason: BadRowReason;
  /** The start of the row as it was read (at most 80 characters). */
  excerpt: string;
}

export interface DatasetParseOptions {
  /** 'auto' (default): TSV when the first line has a tab, else CSV. */
  format?: DatasetFormat | 'auto';
  /** Column name or 0-based index; default: document/text/review/sentence, else NSMC's second. */
  textColumn?: string | number;
  /** Column name or 0-based index; default: label/sentiment/polarity, else the last column. */
  labelColumn?: string | number;
  /** Rows read at most (default 200,000); the rest is reported, not read. */
  maxRows?: number;
  /** How many bad rows to list (all are counted). Default 50. */
  maxListed?: number;
  /** Called every few thousand rows with the share of the text read. */
  onProgress?: (fraction: number, rows: number) => void;
}

export interface ParsedDataset {
  format: DatasetFormat;
  /** Column names from the header (or "1", "2", … without one). */
  columns: string[];
  hasHeader: boolean;
  textColumn: number;
  labelColumn: number;
  texts: string[];
  /** 0 negative, 1 positive, one per text. */
  labels: Uint8Array;
  /** Data rows read (good + bad), blank lines not included. */
  rowsRead: number;
  blankLines: number;
  badCount: number;
  badByReason: Record<BadRowReason, number>;
  /** The first `maxListed` bad rows. */
  badRows: BadRow[];
  /** True when the file had more than maxRows data rows (the rest was not read). */
  truncated: boolean;
  positives: number;
}

const TEXT_NAMES = ['document', 'text', 'review', 'sentence', 'content', 'comment'];
const LABEL_NAMES = ['label', 'sentiment', 'polarity', 'class', 'y', 'target'];

/**
 * A label: "0" / "1" (spaces around allowed), or the words negative / positive (neg / pos), as
 * the popular IMDB CSV writes them. Anything else is not a label.
 */
export function parseLabel(raw: string | undefined): 0 | 1 | null | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v === '') return undefined;
  if (v === '0' || v === 'negative' || v === 'neg') return 0;
  if (v === '1' || v === 'positive' || v === 'pos') return 1;
  return null;
}

function pickColumn(
  columns: string[],
  wanted: string | number | undefined,
  names: string[],
  fallback: number,
  what: string,
): number {
  if (typeof wanted === 'number') {
    check(
      Number.isInteger(wanted) && wanted >= 0 && wanted < columns.length,
      () => `The ${what} column ${wanted} does not exist: the file has ${columns.length} columns.`,
    );
    return wanted;
  }
  const lower = columns.map((c) => c.trim().toLowerCase());
  if (wanted !== undefined) {
    const k = lower.indexOf(wanted.trim().toLowerCase());
    check(
      k >= 0,
      () => `There is no ${what} column "${wanted}"; the columns are ${columns.join(', ')}.`,
    );
    return k;
  }
  for (const name of names) {
    const k = lower.indexOf(name);
    if (k >= 0) return k;
  }
  return Math.min(fallback, columns.length - 1);
}

const excerptOf = (fields: string[]) => {
  const joined = fields.join(' | ');
  return Array.from(joined).length > 80 ? `${Array.from(joined).slice(0, 79).join('')}…` : joined;
};

/** Splits a text into rows with their line numbers: TSV by line, CSV through papaparse. */
function* rowsOf(
  text: string,
  format: DatasetFormat,
): Generator<{ fields: string[]; line: number; at: number }> {
  if (format === 'tsv') {
    let start = 0;
    let line = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      line++;
      let row = text.slice(start, end);
      if (row.endsWith('\r')) row = row.slice(0, -1);
      if (!(end === text.length && row === '')) yield { fields: row.split('\t'), line, at: end };
      start = end + 1;
    }
    return;
  }
  // papaparse on a string runs synchronously; each step gives one row and the cursor after
  // it (line break included), so a row starts where the previous one ended.
  const rows: { fields: string[]; line: number; at: number }[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (results) => {
      const end = results.meta.cursor;
      const fields = results.data;
      const last = fields.length - 1;
      if (last >= 0 && fields[last]!.endsWith('\r')) fields[last] = fields[last]!.slice(0, -1);
      rows.push({ fields, line, at: end });
      for (let k = cursor; k < end; k++) if (text.charCodeAt(k) === 10) line++;
      cursor = end;
    },
  });
  yield* rows;
}

/** Parses a labelled data set; see DatasetParseOptions. Throws only for an unusable file. */
export function parseDataset(text: string, options: DatasetParseOptions = {}): ParsedDataset {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  check(source.trim().length > 0, 'The file is empty.');
  const firstLine = source.slice(0, Math.max(0, source.indexOf('\n')) || source.length);
  const format: DatasetFormat =
    options.format && options.format !== 'auto'
      ? options.format
      : firstLine.includes('\t')
        ? 'tsv'
        : 'csv';
  const maxRows = options.maxRows ?? MAX_DATASET_ROWS;
  const maxListed = options.maxListed ?? 50;

  const rows = rowsOf(source, format);
  let first = rows.next();
  while (!first.done && first.value.fields.every((f) => f.trim() === '')) first = rows.next();
  check(!first.done, 'The file has no rows.');
  const head = first.value.fields;
  const width = head.length;
  check(width >= 2, () =>
    format === 'tsv'
      ? 'Each line needs at least a text and a label separated by a tab (NSMC: id, document, label).'
      : 'Each row needs at least a text and a label column.',
  );
  // A header names columns; without one the first row already has a 0/1 label at the end.
  const hasHeader =
    typeof options.labelColumn === 'string' ||
    !(
      parseLabel(
        head[typeof options.labelColumn === 'number' ? options.labelColumn : width - 1],
      ) !== undefined &&
      parseLabel(
        head[typeof options.labelColumn === 'number' ? options.labelColumn : width - 1],
      ) !== null
    );
  const columns = hasHeader ? head.map((c) => c.trim()) : head.map((_, k) => String(k + 1));
  const textColumn = pickColumn(
    columns,
    options.textColumn,
    TEXT_NAMES,
    width === 3 ? 1 : 0,
    'text',
  );
  const labelColumn = pickColumn(columns, options.labelColumn, LABEL_NAMES, width - 1, 'label');
  check(textColumn !== labelColumn, 'The text and the label must be different columns.');

  const texts: string[] = [];
  const labels: number[] = [];
  const badByReason: Record<BadRowReason, number> = {
    columns: 0,
    missingLabel: 0,
    badLabel: 0,
    emptyText: 0,
  };
  const badRows: BadRow[] = [];
  let rowsRead = 0;
  let blankLines = 0;
  let truncated = false;
  let positives = 0;
  const bad = (line: number, reason: BadRowReason, fields: string[]) => {
    badByReason[reason]++;
    if (badRows.length < maxListed) badRows.push({ line, reason, excerpt: excerptOf(fields) });
  };
  const take = ({ fields, line, at }: { fields: string[]; line: number; at: number }) => {
    if (fields.every((f) => f.trim() === '')) {
      blankLines++;
      return;
    }
    if (rowsRead >= maxRows) {
      truncated = true;
      return;
    }
    rowsRead++;
    if (rowsRead % 5000 === 0) options.onProgress?.(at / source.length, rowsRead);
    if (fields.length !== width) {
      // A missing label is the commonest way to lose columns: say so when the text is there.
      if (fields.length < width && fields.length === labelColumn && fields[textColumn]?.trim()) {
        bad(line, 'missingLabel', fields);
      } else {
        bad(line, 'columns', fields);
      }
      return;
    }
    const label = parseLabel(fields[labelColumn]);
    if (label === undefined) return bad(line, 'missingLabel', fields);
    if (label === null) return bad(line, 'badLabel', fields);
    const textValue = (fields[textColumn] ?? '').trim();
    if (textValue === '') return bad(line, 'emptyText', fields);
    texts.push(textValue);
    labels.push(label);
    positives += label;
  };
  if (!hasHeader) take(first.value);
  for (const row of rows) {
    take(row);
    if (truncated) break;
  }
  options.onProgress?.(1, rowsRead);
  const badCount = BAD_ROW_REASONS.reduce((s, r) => s + badByReason[r], 0);
  return {
    format,
    columns,
    hasHeader,
    textColumn,
    labelColumn,
    texts,
    labels: Uint8Array.from(labels),
    rowsRead,
    blankLines,
    badCount,
    badByReason,
    badRows,
    truncated,
    positives,
  };
}
