import { CoreInputError } from '../errors';

export interface ParseBasketsOptions {
  /** Item separator; default ','. */
  separator?: string;
  /**
   * What a line without items (blank, or only separators and spaces) becomes: 'skip' (default)
   * leaves it out; 'empty' keeps it as an empty transaction, which counts in N.
   */
  emptyLines?: 'skip' | 'empty';
}

export interface ParsedBaskets {
  transactions: string[][];
  /** Lines read (a final newline does not start another line). */
  lineCount: number;
  /** Lines without items (skipped, or kept as empty transactions, per `emptyLines`). */
  emptyLineCount: number;
  /** Items kept, repeats within a line included. */
  itemCount: number;
  /** Distinct items over all lines. */
  distinctItemCount: number;
  /** Items repeated within their own line (apriori counts an item once per transaction). */
  duplicateCount: number;
}

/**
 * One transaction per line, items separated by commas; every item is trimmed and empty items
 * (",,", a trailing comma) are dropped. Lines may end in \n, \r\n or \r; a leading BOM is
 * ignored. Items keep their case.
 */
export function parseBaskets(text: string, options: ParseBasketsOptions = {}): ParsedBaskets {
  if (typeof text !== 'string') {
    throw new CoreInputError(`Basket text must be a string, got ${typeof text}.`);
  }
  const separator = options.separator ?? ',';
  if (typeof separator !== 'string' || separator.length === 0) {
    throw new CoreInputError('The item separator must be a non-empty string.');
  }
  const emptyLines = options.emptyLines ?? 'skip';
  if (emptyLines !== 'skip' && emptyLines !== 'empty') {
    throw new CoreInputError(`emptyLines must be "skip" or "empty", got ${String(emptyLines)}.`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const transactions: string[][] = [];
  const distinct = new Set<string>();
  let emptyLineCount = 0;
  let itemCount = 0;
  let duplicateCount = 0;
  for (const line of lines) {
    const items = line
      .split(separator)
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    if (items.length === 0) {
      emptyLineCount++;
      if (emptyLines === 'empty') transactions.push([]);
      continue;
    }
    const inLine = new Set<string>();
    for (const item of items) {
      if (inLine.has(item)) duplicateCount++;
      inLine.add(item);
      distinct.add(item);
    }
    itemCount += items.length;
    transactions.push(items);
  }
  return {
    transactions,
    lineCount: lines.length,
    emptyLineCount,
    itemCount,
    distinctItemCount: distinct.size,
    duplicateCount,
  };
}

/** A tokenizer: text in, tokens out (the text lesson's tokenizer plugs in here). */
export type Tokenizer = (text: string) => string[];

export interface TokenizeOptions {
  /** Tokens to drop, compared after lowercasing (so give them in lower case). */
  stopWords?: ReadonlySet<string> | readonly string[];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

function toStopSet(stopWords: TokenizeOptions['stopWords']): ReadonlySet<string> | null {
  if (stopWords === undefined) return null;
  if (stopWords instanceof Set) return stopWords;
  if (Array.isArray(stopWords)) return new Set(stopWords);
  throw new CoreInputError('stopWords must be a Set or an array of strings.');
}

/**
 * The default tokenizer: NFC-normalises, splits on everything that is not a letter, mark or
 * digit (spaces, punctuation, symbols), lowercases (Latin and other cased scripts; Hangul has
 * no case and is kept as it is), and drops stop words. It does not separate Korean particles
 * ("학교에" stays one token): that is the text lesson's morphological tokenizer's job.
 */
export function simpleTokenize(text: string, options: TokenizeOptions = {}): string[] {
  if (typeof text !== 'string') {
    throw new CoreInputError(`Text to tokenize must be a string, got ${typeof text}.`);
  }
  const stop = toStopSet(options.stopWords);
  const tokens = text.normalize('NFC').toLowerCase().match(TOKEN) ?? [];
  return stop ? tokens.filter((token) => !stop.has(token)) : tokens;
}

export interface SentencesOptions extends TokenizeOptions {
  /** Keep sentences with no tokens as empty transactions (they count in N); default true. */
  keepEmpty?: boolean;
}

/**
 * The text version of market baskets: every sentence is a transaction, its distinct tokens are
 * the items (first-occurrence order). Stop words are dropped after tokenizing, whichever
 * tokenizer is used (give them as the tokenizer spells its tokens).
 */
export function sentencesToTransactions(
  sentences: readonly string[],
  tokenize: Tokenizer = simpleTokenize,
  options: SentencesOptions = {},
): string[][] {
  if (!Array.isArray(sentences)) {
    throw new CoreInputError('Sentences must be an array of strings.');
  }
  if (typeof tokenize !== 'function') {
    throw new CoreInputError('tokenize must be a function from text to an array of tokens.');
  }
  const stop = toStopSet(options.stopWords);
  const keepEmpty = options.keepEmpty !== false;
  const transactions: string[][] = [];
  sentences.forEach((sentence, s) => {
    if (typeof sentence !== 'string') {
      throw new CoreInputError(`Sentence ${s + 1} must be a string, got ${typeof sentence}.`);
    }
    const tokens = tokenize(sentence);
    if (!Array.isArray(tokens)) {
      throw new CoreInputError(
        `The tokenizer must return an array of strings (sentence ${s + 1}).`,
      );
    }
    const seen = new Set<string>();
    for (const token of tokens) {
      if (typeof token !== 'string' || token.length === 0 || seen.has(token)) continue;
      if (stop?.has(token)) continue;
      seen.add(token);
    }
    if (seen.size > 0 || keepEmpty) transactions.push([...seen]);
  });
  return transactions;
}
