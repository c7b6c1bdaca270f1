// Korean and English stop words from the maintained `stopwords-iso` lists (only these two
// languages end up in a bundle: Vite turns the JSON's top-level keys into named exports).
import { en, ko } from 'stopwords-iso/stopwords-iso.json';

export type StopWordLanguage = 'ko' | 'en';

const LISTS: Record<StopWordLanguage, readonly string[]> = { ko, en };

/**
 * The stop-word list of a language in NFC lower case, plus `extra` words. Entries with a space
 * never match a single token and do no harm.
 */
export function stopWords(language: StopWordLanguage, extra: Iterable<string> = []): Set<string> {
  const out = new Set<string>();
  for (const w of LISTS[language]) out.add(w.normalize('NFC').toLowerCase());
  for (const w of extra) out.add(w.normalize('NFC').toLowerCase());
  return out;
}
