import { describe, expect, it } from 'vitest';
import { CoreInputError } from '../../../src/core/errors';
import {
  encodeText,
  encodingPart,
  handleParseRequest,
  handlePrepareRequest,
  joinTexts,
  splitJoined,
  parseDataset,
  parseLabel,
  pca2d,
  prepareTextData,
  shuffledIndices,
  symmetricEigen,
  type ParseReply,
  type PrepareReply,
} from '../../../src/core/text';

const NSMC = [
  'id\tdocument\tlabel',
  '1\t정말 재미있었다\t1',
  '2\t시간 낭비\t0',
  '3\t\t1', // empty text
  '4\t배우 연기 최고\t', // missing label
  '5\t그냥 그래\t2', // label not 0/1
  '6\t너무 길다\t0\textra', // too many columns
  '7\t"따옴표" 있는 리뷰\t1', // quotes are plain text in TSV
  '',
  '8\t마지막 줄\t0',
].join('\n');

describe('parseDataset: NSMC TSV', () => {
  it('reads good rows and counts every bad one with its line', () => {
    const d = parseDataset(NSMC);
    expect(d.format).toBe('tsv');
    expect(d.hasHeader).toBe(true);
    expect(d.columns).toEqual(['id', 'document', 'label']);
    expect([d.textColumn, d.labelColumn]).toEqual([1, 2]);
    expect(d.texts).toEqual(['정말 재미있었다', '시간 낭비', '"따옴표" 있는 리뷰', '마지막 줄']);
    expect(Array.from(d.labels)).toEqual([1, 0, 1, 0]);
    expect(d.rowsRead).toBe(8);
    expect(d.blankLines).toBe(1);
    expect(d.badCount).toBe(4);
    expect(d.badByReason).toEqual({ columns: 1, missingLabel: 1, badLabel: 1, emptyText: 1 });
    expect(d.badRows.map((b) => [b.line, b.reason])).toEqual([
      [4, 'emptyText'],
      [5, 'missingLabel'],
      [6, 'badLabel'],
      [7, 'columns'],
    ]);
    expect(d.positives).toBe(2);
  });

  it('says a row without its label column lacks a label', () => {
    const d = parseDataset('id\tdocument\tlabel\n1\t좋다\n2\t싫다\t0\r\n');
    expect(d.badRows).toEqual([{ line: 2, reason: 'missingLabel', excerpt: '1 | 좋다' }]);
    expect(d.texts).toEqual(['싫다']);
  });

  it('lists the first N bad rows but counts them all, and stops at maxRows', () => {
    const lines = ['id\tdocument\tlabel'];
    for (let k = 0; k < 30; k++) lines.push(`${k}\tx\t9`);
    const d = parseDataset(lines.join('\n'), { maxListed: 5 });
    expect(d.badCount).toBe(30);
    expect(d.badRows).toHaveLength(5);
    expect(d.badRows[4]!.line).toBe(6);
    const capped = parseDataset(NSMC, { maxRows: 2 });
    expect(capped.rowsRead).toBe(2);
    expect(capped.truncated).toBe(true);
  });

  it('reports progress and ends at 1', () => {
    const lines = ['id\tdocument\tlabel'];
    for (let k = 0; k < 12_000; k++) lines.push(`${k}\t리뷰 ${k}\t${k % 2}`);
    const seen: number[] = [];
    const d = parseDataset(lines.join('\n'), { onProgress: (f) => seen.push(f) });
    expect(d.texts).toHaveLength(12_000);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('refuses unusable files with a clear message', () => {
    expect(() => parseDataset('')).toThrow(CoreInputError);
    expect(() => parseDataset('just one column\nx')).toThrow(/text and a label/);
    expect(() => parseDataset(NSMC, { textColumn: 'nope' })).toThrow(/no text column "nope"/);
  });
});

describe('parseDataset: CSV', () => {
  it('handles quoting, embedded newlines and chosen columns', () => {
    const csv =
      'review,sentiment\n"Great, really great",positive\n"Two\nlines",negative\nok,maybe\n,1\n';
    const d = parseDataset(csv);
    expect(d.format).toBe('csv');
    expect(d.texts).toEqual(['Great, really great', 'Two\nlines']);
    expect(Array.from(d.labels)).toEqual([1, 0]);
    expect(d.badRows.map((b) => [b.line, b.reason])).toEqual([
      [5, 'badLabel'],
      [6, 'emptyText'],
    ]);
  });

  it('takes columns by name or index and reads a file without a header', () => {
    const csv = 'label,text,extra\n1,good,a\n0,bad,b\n';
    const d = parseDataset(csv, { textColumn: 'text', labelColumn: 'label' });
    expect(d.texts).toEqual(['good', 'bad']);
    const headless = parseDataset('nice film,1\nawful,0\n');
    expect(headless.hasHeader).toBe(false);
    expect(headless.texts).toEqual(['nice film', 'awful']);
    expect(() => parseDataset(csv, { textColumn: 5 })).toThrow(/does not exist/);
  });

  it('parses labels strictly', () => {
    expect(parseLabel(' 1 ')).toBe(1);
    expect(parseLabel('Negative')).toBe(0);
    expect(parseLabel('')).toBeUndefined();
    expect(parseLabel('0.5')).toBeNull();
  });
});

describe('the parsing worker host', () => {
  it('posts progress then the result, or a message on error', async () => {
    const replies: ParseReply[] = [];
    await handleParseRequest({ type: 'parse', source: NSMC, options: {} }, (r) => replies.push(r));
    expect(replies[0]!.type).toBe('progress');
    const last = replies.at(-1)!;
    expect(last.type === 'done' && last.result.badCount).toBe(4);
    const errors: ParseReply[] = [];
    await handleParseRequest({ type: 'parse', source: new Blob(['']), options: {} }, (r) =>
      errors.push(r),
    );
    expect(errors.at(-1)).toEqual({ type: 'error', message: 'The file is empty.' });
  });
});

describe('preparing a data set in the worker', () => {
  const texts = ['good movie', 'bad movie', 'good good plot', 'bad acting', 'fine plot twist'];
  const labels = [1, 0, 1, 0, 1];
  const options = { numWords: 4, maxlen: 3, seed: 2 };

  it('sends the ids and the vocabulary the model uses, and transfers the arrays', () => {
    const replies: [PrepareReply, Transferable[] | undefined][] = [];
    handlePrepareRequest(
      { type: 'prepare', ...joinTexts(texts), labels, options },
      (reply, transfer) => replies.push([reply, transfer]),
    );
    expect(replies).toHaveLength(1);
    const [reply, transfer] = replies[0]!;
    if (reply.type !== 'prepared') throw new Error(reply.message);
    const full = prepareTextData(texts, labels, options);
    expect(reply.result).toEqual(encodingPart(full));
    expect(Array.from(reply.result.xs)).toEqual(Array.from(full.xs));
    expect(reply.result).not.toHaveProperty('words');
    // Only <PAD>, <OOV> and the two most frequent words: the ids a model with numWords 4 sees.
    expect(full.vocabulary.words.length).toBeGreaterThan(4);
    expect(reply.result.vocabulary.words).toEqual(full.vocabulary.words.slice(0, 4));
    expect([...reply.result.vocabulary.index.keys()]).toEqual(full.vocabulary.words.slice(0, 4));
    expect(transfer).toEqual([
      reply.result.xs.buffer,
      reply.result.ys.buffer,
      reply.result.order.buffer,
    ]);
  });

  it('carries texts as one string and their lengths', () => {
    const some = ['가나', '', 'abc', '😀 x'];
    const flat = joinTexts(some);
    expect(flat.joined).toBe('가나abc😀 x');
    expect(splitJoined(flat.joined, flat.lengths)).toEqual(some);
  });

  it('answers bad input with the core’s message', () => {
    const replies: PrepareReply[] = [];
    handlePrepareRequest({ type: 'prepare', ...joinTexts(['one']), labels: [1], options }, (r) =>
      replies.push(r),
    );
    expect(replies).toEqual([
      { type: 'error', message: 'Training needs at least two labelled texts.' },
    ]);
  });
});

describe('PCA to 2-D', () => {
  it('finds the eigenvalues of a symmetric matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('projects points on a line onto the first axis (hand-computed)', () => {
    // Points (−2,−1), (0,0), (2,1): mean 0, all variance along (2,1)/√5.
    const r = pca2d([-2, -1, 0, 0, 2, 1], 3, 2);
    expect(r.components[0]).toBeCloseTo(2 / Math.sqrt(5), 10);
    expect(r.components[1]).toBeCloseTo(1 / Math.sqrt(5), 10);
    expect(r.coords[0]).toBeCloseTo(-Math.sqrt(5), 10);
    expect(r.coords[4]).toBeCloseTo(Math.sqrt(5), 10);
    expect(r.coords[1]).toBeCloseTo(0, 10);
    expect(r.variance[0]).toBeCloseTo(5, 10); // (5 + 0 + 5) / (3 − 1)
    expect(r.explained[0]).toBeCloseTo(1, 10);
  });

  it('has a deterministic sign and matches a sign-flipped input', () => {
    const a = pca2d([1, 0, 0, -1, 0, 0, 0, 0.5, 0, 0, -0.5, 0], 4, 3);
    const b = pca2d([-1, 0, 0, 1, 0, 0, 0, -0.5, 0, 0, 0.5, 0], 4, 3);
    expect(Array.from(a.components)).toEqual(Array.from(b.components));
    expect(a.components[0]).toBeGreaterThan(0);
    expect(a.explained[0]).toBeCloseTo(0.8, 10);
    expect(a.explained[1]).toBeCloseTo(0.2, 10);
  });

  it('checks its input', () => {
    expect(() => pca2d([1, 2, 3], 2, 2)).toThrow(CoreInputError);
    expect(() => pca2d([1, NaN], 1, 2)).toThrow(/finite/);
  });
});

describe('prepareTextData', () => {
  const texts = [
    'good film',
    'bad film',
    'good good',
    'bad bad',
    'great film',
    'awful film',
    'good',
    'bad',
    'nice',
    'dull',
  ];
  const labels = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0];

  it('shuffles by seed, holds out the last share and builds the vocabulary from training rows only', () => {
    const p = prepareTextData(texts, labels, {
      numWords: 100,
      maxlen: 3,
      validationSplit: 0.2,
      seed: 1,
    });
    expect(p.samples).toBe(10);
    expect(p.trainCount).toBe(8); // ⌊10 · 0.8⌋, the training service's splitAt
    expect(p.validationCount).toBe(2);
    expect(Array.from(p.order).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.xs).toHaveLength(30);
    // Every label follows its text.
    p.order.forEach((k, row) => expect(p.ys[row]).toBe(labels[k]));
    const trainWords = new Set(Array.from(p.order.slice(0, 8), (k) => texts[k]!.split(' ')).flat());
    for (const w of p.vocabulary.words.slice(2)) expect(trainWords.has(w)).toBe(true);
    expect(Array.from(shuffledIndices(10, 1))).toEqual(Array.from(p.order));
  });

  it('encodes one text with the same vocabulary', () => {
    const p = prepareTextData(texts, labels, {
      numWords: 100,
      maxlen: 4,
      seed: 0,
      validationSplit: 0,
    });
    const e = encodeText('Good, zebra film!', p.vocabulary, { maxlen: 4 });
    expect(e.words).toEqual(['good', 'zebra', 'film']);
    expect(e.ids[1]).toBe(1);
    expect(Array.from(e.padded)).toEqual([0, ...e.ids]);
  });
});
