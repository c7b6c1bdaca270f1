// Text → transactions for the lesson: one tokenizer entry point, optional stop words
// (stopwords-iso) and optional stripping of Korean particles (josa) with the text lesson's
// rule (src/core/text), plus the readers for the shipped example formats.
import stopwordsIso from 'stopwords-iso';
import { CoreInputError } from '../errors';
import { stripJosa } from '../text/tokens';
import { createRng } from '../random';
import { parseBaskets, simpleTokenize } from './input';

export type StopWordLang = 'ko' | 'en';

const STOP_CACHE = new Map<string, ReadonlySet<string>>();

/**
 * The stop words of stopwords-iso for the given languages, lower-cased, as one set. Korean and
 * English together by default (the reviews and a learner's own text may mix both).
 */
export function stopWordSet(langs: readonly StopWordLang[] = ['ko', 'en']): ReadonlySet<string> {
  const key = [...langs].sort().join('+');
  let set = STOP_CACHE.get(key);
  if (!set) {
    const lists = stopwordsIso as unknown as Record<string, string[]>;
    set = new Set(langs.flatMap((lang) => (lists[lang] ?? []).map((w) => w.toLowerCase())));
    STOP_CACHE.set(key, set);
  }
  return set;
}

/**
 * Strips a Korean particle (josa) from the end of a word with the text lesson's rule
 * (`stripJosa` in src/core/text: the particle must fit the stem's last syllable and leave
 * enough of it). A list, not a morphological analysis: "고양이" still loses its "이".
 */
export const stripParticle: (word: string) => string = stripJosa;

export interface MiningTokenizeOptions {
  /** Drop these tokens (after particle stripping), compared in lower case. */
  stopWords?: ReadonlySet<string> | null;
  /** Strip Korean particles with `stripParticle` (the text lesson's `stripJosa`). */
  stripJosa?: boolean;
}

/**
 * The lesson's one tokenizer call: every sentence goes through here. Today it is the core's
 * `simpleTokenize` (letters, marks and digits; lower case); swap the shared text tokenizer in
 * here and nothing else changes.
 */
export function tokenizeForMining(text: string, options: MiningTokenizeOptions = {}): string[] {
  let tokens = simpleTokenize(text);
  if (options.stripJosa) tokens = tokens.map(stripParticle);
  const stop = options.stopWords;
  return stop ? tokens.filter((token) => !stop.has(token)) : tokens;
}

/** The lines of a text (`\n`, `\r\n`, `\r`; BOM ignored), trimmed, without empty ones. */
export function textLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The `document` column of an NSMC-format TSV (`id<TAB>document<TAB>label`, with or without
 * that header line). Lines without a document are skipped.
 */
export function tsvDocuments(text: string): string[] {
  const lines = textLines(text);
  const out: string[] = [];
  let column = 1;
  lines.forEach((line, index) => {
    const cells = line.split('\t');
    if (index === 0) {
      const header = cells.map((c) => c.trim().toLowerCase());
      const at = header.indexOf('document');
      if (at >= 0) {
        column = at;
        return;
      }
    }
    const doc = (cells.length > 1 ? cells[column] : cells[0])?.trim();
    if (doc) out.push(doc);
  });
  return out;
}

/** `count` entries drawn without repeats with a seeded generator, kept in their original order. */
export function seededSample<T>(values: readonly T[], count: number, seed: number): T[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new CoreInputError(`A sample size must be a whole number of at least 0, got ${count}.`);
  }
  if (count >= values.length) return [...values];
  const rng = createRng(seed);
  const index = Array.from(values, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(index.length - i);
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => values[i]!);
}

export type TextFormat = 'sentences' | 'baskets' | 'tsv';

export interface TextToTransactionsOptions extends MiningTokenizeOptions {
  format: TextFormat;
  /** For 'tsv': how many documents to sample (seeded); all when absent. */
  sample?: number;
  seed?: number;
}

export interface TextTransactions {
  /** One transaction per shown line: distinct items, first-occurrence order. */
  transactions: string[][];
  /** The line each transaction came from (a sentence, a review or a basket), for display. */
  texts: string[];
  /** Lines that gave no items (after stop words) and were left out. */
  emptyCount: number;
}

/**
 * Reads a learner's text or a shipped example: sentences (one per line; words are items),
 * baskets (one per line, comma-separated items, kept as written) or an NSMC TSV (the document
 * column, sampled). Lines with no items are left out and counted.
 */
export function textToTransactions(
  text: string,
  options: TextToTransactionsOptions,
): TextTransactions {
  if (typeof text !== 'string') throw new CoreInputError('The text must be a string.');
  if (options.format === 'baskets') {
    const lines = textLines(text);
    const parsed = parseBaskets(lines.join('\n'));
    const texts: string[] = [];
    const transactions: string[][] = [];
    parsed.transactions.forEach((basket) => {
      const seen = [...new Set(basket)];
      transactions.push(seen);
      texts.push(seen.join(', '));
    });
    return { transactions, texts, emptyCount: lines.length - transactions.length };
  }
  let lines = options.format === 'tsv' ? tsvDocuments(text) : textLines(text);
  if (options.format === 'tsv' && options.sample !== undefined) {
    lines = seededSample(lines, options.sample, options.seed ?? 1);
  }
  const transactions: string[][] = [];
  const texts: string[] = [];
  let emptyCount = 0;
  for (const line of lines) {
    const items = [...new Set(tokenizeForMining(line, options))].filter((t) => t.length > 0);
    if (items.length === 0) {
      emptyCount++;
      continue;
    }
    transactions.push(items);
    texts.push(line);
  }
  return { transactions, texts, emptyCount };
}
