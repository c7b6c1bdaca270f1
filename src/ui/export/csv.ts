// Tables as CSV (RFC 4180): what spreadsheets and R/pandas read. A byte-order mark goes first
// so that Excel reads Korean text as UTF-8.
import { downloadBlob } from './exportFigure';

export type CsvCell = string | number | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? String(value)
        : value > 0
          ? 'Inf'
          : value < 0
            ? '-Inf'
            : 'NaN'
      : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as CSV text with CRLF line ends (no byte-order mark). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Downloads the table as `filename` (UTF-8 with a byte-order mark). */
export function downloadCsv(
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  downloadBlob(blob, filename);
}
