// Documents → a sparse document-term matrix, with the filters of scikit-learn's CountVectorizer
// (stop words, min_df, max_df, max_features). The tokenizer is a function given by the caller.
import { CoreInputError } from '../errors';

/** Text → tokens, already normalised as the caller wants them counted. */
export type Tokenizer = (text: string) => string[];

/**
 * A document-term count matrix in compressed sparse rows (scipy's CSR): the terms of document
 * d are `indices[indptr[d] … indptr[d + 1])` with their `counts`; term ids index `vocabulary`,
 * which is sorted by code point as CountVectorizer sorts it.
 */
export interface DocTermMatrix {
  nDocs: number;
  nTerms: number;
  vocabulary: string[];
  indptr: Int32Array;
  indices: Int32Array;
  counts: Float32Array;
}

export interface DocTermOptions {
  /** Default: `defaultTokenize` (letters and digits, lower case, Korean particles stripped). */
  tokenize?: Tokenizer;
  /** Tokens dropped before counting (give them as the tokenizer spells its tokens). */
  stopWords?: Iterable<string>;
  /** Keep terms found in at least this many documents (a count, CountVectorizer's int min_df). */
  minDf?: number;
  /** Drop terms found in more than this share of documents (0 < maxDf ≤ 1, the float max_df). */
  maxDf?: number;
  /** Keep only this many terms, the most frequent over the corpus (ties: vocabulary order). */
  maxFeatures?: number;
}

export interface DocTermResult extends DocTermMatrix {
  /** Every document's tokens in order, before filtering (for the coloured document view). */
  tokens: string[][];
  /** For every token of `tokens`, its term id, or −1 when a filter removed it. */
  tokenTerms: Int32Array[];
  /** Document frequency of every kept term. */
  docFreq: Int32Array;
  /** How many distinct terms each filter removed. */
  removed: { stopWords: number; minDf: number; maxDf: number; maxFeatures: number };
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const HANGUL = /\p{Script=Hangul}/u;
/** Common Korean particles and endings, longest first. */
const PARTICLES = [
  '에서는',
  '으로는',
  '에게서',
  '까지는',
  '이라고',
  '이라는',
  '입니다',
  '습니다',
  '했습니다',
  '에서',
  '으로',
  '에게',
  '한테',
  '께서',
  '부터',
  '까지',
  '처럼',
  '보다',
  '이나',
  '이랑',
  '하고',
  '에는',
  '와는',
  '과는',
  '라고',
  '라는',
  '이다',
  '였다',
  '했다',
  '한다',
  '하는',
  '하게',
  '해서',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '랑',
].sort((a, b) => b.length - a.length);

/** Particles that also end many nouns (아이, 나이, 사이): stripped only when two syllables remain. */
const AMBIGUOUS = new Set(['이', '가', '도', '만', '나', '과', '와']);

/**
 * Strips one trailing particle from a Hangul word (날씨가 → 날씨, 경기에서 → 경기, 팀은 → 팀).
 * The ambiguous one-syllable particles (이, 가, 도, 만, 와, 과) need two syllables left, so
 * 아이 and 나이 stay whole. Words without Hangul are returned as they are.
 */
export function stripKoreanParticle(word: string): string {
  if (!HANGUL.test(word)) return word;
  for (const p of PARTICLES) {
    if (!word.endsWith(p)) continue;
    const left = word.length - p.length;
    if (left >= (AMBIGUOUS.has(p) ? 2 : 1)) return word.slice(0, -p.length);
  }
  return word;
}

/**
 * The default tokenizer: NFC, lower case, runs of letters/marks/digits, then one Korean
 * particle stripped from each Hangul word. Latin tokens of one letter are dropped (as
 * CountVectorizer's default pattern drops them); one-syllable Korean words (비, 팀, 골) stay.
 */
export function defaultTokenize(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const token = stripKoreanParticle(w);
    if (token.length >= 2 || (token.length === 1 && HANGUL.test(token))) out.push(token);
  }
  return out;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildDocTerm(
  documents: readonly string[],
  options: DocTermOptions = {},
): DocTermResult {
  if (!Array.isArray(documents) || documents.some((d) => typeof d !== 'string')) {
    throw new CoreInputError('Documents must be an array of strings.');
  }
  const tokenize = options.tokenize ?? defaultTokenize;
  if (typeof tokenize !== 'function') {
    throw new CoreInputError('tokenize must be a function from text to an array of tokens.');
  }
  const minDf = options.minDf ?? 1;
  const maxDf = options.maxDf ?? 1;
  if (!Number.isInteger(minDf) || minDf < 1) {
    throw new CoreInputError(
      `minDf must be a whole number of documents (at least 1), got ${minDf}.`,
    );
  }
  if (!(maxDf > 0 && maxDf <= 1)) {
    throw new CoreInputError(`maxDf must be a share of documents in (0, 1], got ${maxDf}.`);
  }
  const maxFeatures = options.maxFeatures;
  if (maxFeatures !== undefined && (!Number.isInteger(maxFeatures) || maxFeatures < 1)) {
    throw new CoreInputError(
      `maxFeatures must be a whole number of at least 1, got ${maxFeatures}.`,
    );
  }
  const stop = new Set(options.stopWords ?? []);
  const tokens = documents.map((d) => {
    const t = tokenize(d);
    if (!Array.isArray(t)) throw new CoreInputError('tokenize must return an array of strings.');
    return t;
  });

  // Document frequency and corpus frequency of every candidate term.
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  const stopSeen = new Set<string>();
  for (const doc of tokens) {
    const seen = new Set<string>();
    for (const token of doc) {
      if (stop.has(token)) {
        stopSeen.add(token);
        continue;
      }
      tf.set(token, (tf.get(token) ?? 0) + 1);
      if (!seen.has(token)) {
        seen.add(token);
        df.set(token, (df.get(token) ?? 0) + 1);
      }
    }
  }
  const nDocs = documents.length;
  const maxDocCount = maxDf * nDocs;
  let droppedMin = 0;
  let droppedMax = 0;
  let kept: string[] = [];
  for (const [term, count] of df) {
    if (count > maxDocCount) droppedMax++;
    else if (count < minDf) droppedMin++;
    else kept.push(term);
  }
  kept.sort(byCodePoint);
  let droppedFeatures = 0;
  if (maxFeatures !== undefined && kept.length > maxFeatures) {
    const ranked = kept
      .map((term, order) => ({ term, order, count: tf.get(term)! }))
      .sort((a, b) => b.count - a.count || a.order - b.order);
    droppedFeatures = kept.length - maxFeatures;
    kept = ranked
      .slice(0, maxFeatures)
      .map((r) => r.term)
      .sort(byCodePoint);
  }
  const id = new Map(kept.map((term, i) => [term, i]));

  const indptr = new Int32Array(nDocs + 1);
  const indices: number[] = [];
  const counts: number[] = [];
  const tokenTerms: Int32Array[] = [];
  for (let d = 0; d < nDocs; d++) {
    const doc = tokens[d]!;
    const ids = new Int32Array(doc.length);
    const local = new Map<number, number>();
    for (let i = 0; i < doc.length; i++) {
      const token = doc[i]!;
      const t = stop.has(token) ? undefined : id.get(token);
      ids[i] = t ?? -1;
      if (t !== undefined) local.set(t, (local.get(t) ?? 0) + 1);
    }
    tokenTerms.push(ids);
    for (const t of [...local.keys()].sort((a, b) => a - b)) {
      indices.push(t);
      counts.push(local.get(t)!);
    }
    indptr[d + 1] = indices.length;
  }
  const docFreq = new Int32Array(kept.length);
  for (const t of indices) docFreq[t]!++;
  return {
    nDocs,
    nTerms: kept.length,
    vocabulary: kept,
    indptr,
    indices: Int32Array.from(indices),
    counts: Float32Array.from(counts),
    tokens,
    tokenTerms,
    docFreq,
    removed: {
      stopWords: stopSeen.size,
      minDf: droppedMin,
      maxDf: droppedMax,
      maxFeatures: droppedFeatures,
    },
  };
}

/** A CSR matrix from dense rows (tests, small examples). */
export function docTermFromDense(
  rows: ReadonlyArray<ArrayLike<number>>,
  vocabulary?: string[],
): DocTermMatrix {
  const nTerms = rows[0]?.length ?? 0;
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const counts: number[] = [];
  rows.forEach((row, d) => {
    if (row.length !== nTerms) throw new CoreInputError('Every row must have the same length.');
    for (let t = 0; t < nTerms; t++) {
      const c = row[t]!;
      if (!(c >= 0)) throw new CoreInputError(`Counts must be non-negative, got ${c}.`);
      if (c > 0) {
        indices.push(t);
        counts.push(c);
      }
    }
    indptr[d + 1] = indices.length;
  });
  return {
    nDocs: rows.length,
    nTerms,
    vocabulary: vocabulary ?? Array.from({ length: nTerms }, (_, t) => `w${t}`),
    indptr,
    indices: Int32Array.from(indices),
    counts: Float32Array.from(counts),
  };
}

/** The rows `docs` of a CSR matrix (same vocabulary). */
export function selectDocs(m: DocTermMatrix, docs: ArrayLike<number>): DocTermMatrix {
  const indptr = new Int32Array(docs.length + 1);
  const indices: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    for (let j = m.indptr[d]!; j < m.indptr[d + 1]!; j++) {
      indices.push(m.indices[j]!);
      counts.push(m.counts[j]!);
    }
    indptr[i + 1] = indices.length;
  }
  return {
    ...m,
    nDocs: docs.length,
    indptr,
    indices: Int32Array.from(indices),
    counts: Float32Array.from(counts),
  };
}

/** Total number of counted tokens. */
export function totalCount(m: DocTermMatrix): number {
  let s = 0;
  for (let j = 0; j < m.counts.length; j++) s += m.counts[j]!;
  return s;
}
