// Turns pasted or uploaded text into documents: one document per line, or one column of a
// tab-separated file with a header row (the shipped corpora's format).
import { CoreInputError } from '../errors';

export type CorpusFormat = 'lines' | 'tsv';

export interface CorpusTextOptions {
  format: CorpusFormat;
  /** TSV: the column holding the text, by header name or 0-based index; default 'document'. */
  column?: string | number;
  /** TSV: another column to keep beside every document (e.g. 'theme'), by name. */
  labelColumn?: string;
  /** Keep at most this many documents (first ones); default all. */
  limit?: number;
}

export interface CorpusText {
  documents: string[];
  /** The label column's values when asked for. */
  labels: string[] | null;
}

/** The lines of a text, without a byte-order mark or carriage returns. */
function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

export function parseCorpusText(text: string, options: CorpusTextOptions): CorpusText {
  if (typeof text !== 'string') throw new CoreInputError('The corpus must be text.');
  const limit = options.limit ?? Infinity;
  if (options.format === 'lines') {
    const documents = linesOf(text)
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
      .slice(0, limit);
    return { documents, labels: null };
  }
  const lines = linesOf(text).filter((l) => l.trim().length > 0);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const want = options.column ?? 'document';
  const col = typeof want === 'number' ? want : header.indexOf(want);
  if (col < 0 || col >= Math.max(header.length, 1)) {
    throw new CoreInputError(
      `The TSV has no column ${JSON.stringify(want)}; its header is ${header.join(', ') || '(empty)'}.`,
    );
  }
  const labelCol = options.labelColumn ? header.indexOf(options.labelColumn) : -1;
  const documents: string[] = [];
  const labels: string[] = [];
  for (const line of lines.slice(1)) {
    if (documents.length >= limit) break;
    const cells = line.split('\t');
    const doc = (cells[col] ?? '').trim();
    if (!doc) continue;
    documents.push(doc);
    labels.push(labelCol >= 0 ? (cells[labelCol] ?? '').trim() : '');
  }
  return { documents, labels: labelCol >= 0 ? labels : null };
}
