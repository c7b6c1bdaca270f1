// Stop words from stopwords-iso (MIT): Korean and English lists, words only (the lists also
// hold punctuation and multi-word phrases, which whitespace tokens can never match).
import { en as EN_LIST, ko as KO_LIST } from 'stopwords-iso/stopwords-iso.json';

export type StopwordLanguage = 'ko' | 'en';

/**
 * Negations are in stopwords-iso's English list ("not", "no", "never") but they flip a
 * review's meaning, so `removeStopwords` keeps them unless told otherwise.
 */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'never',
  'nor',
  'none',
  'nothing',
  'nobody',
  'nowhere',
  "don't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "won't",
  'without',
  '안',
  '못',
  '않',
  '아니',
]);

const single = (list: readonly string[]) =>
  new Set(list.filter((w) => !/\s/u.test(w) && /[\p{L}\p{N}]/u.test(w)));

const LISTS: Record<StopwordLanguage, ReadonlySet<string>> = {
  ko: single(KO_LIST),
  en: single(EN_LIST),
};

/** The stop-word set of a language (single words only). */
export function stopwords(language: StopwordLanguage): ReadonlySet<string> {
  return LISTS[language];
}

export interface StopwordOptions {
  /** Which lists to use; default both (a review may mix languages). */
  languages?: readonly StopwordLanguage[];
  /** Keep negations (default true). */
  keepNegations?: boolean;
}

export function isStopword(word: string, options: StopwordOptions = {}): boolean {
  const { languages = ['ko', 'en'], keepNegations = true } = options;
  if (keepNegations && NEGATIONS.has(word)) return false;
  return languages.some((language) => LISTS[language].has(word));
}

/** The tokens that are not stop words, in order. */
export function removeStopwords(tokens: readonly string[], options: StopwordOptions = {}) {
  return tokens.filter((token) => !isStopword(token, options));
}
