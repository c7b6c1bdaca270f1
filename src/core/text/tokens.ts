// Whitespace tokens, the course's truncation of words to N characters, and Korean particle
// (조사) stripping by a documented suffix list.
import { checkPositiveInt } from '../errors';

/** Splits on runs of whitespace; no empty tokens. */
export function whitespaceTokens(text: string): string[] {
  return text.split(/\s+/u).filter((token) => token.length > 0);
}

/**
 * Keeps the first `n` characters of a word (Unicode code points, so a Hangul syllable or an
 * emoji is one character). The course cuts every Korean word to 5 characters: "재미있었어요"
 * and "재미있었다" both become "재미있었", so inflected forms share one vocabulary entry —
 * a crude stand-in for stemming (어간 추출).
 */
export function truncateWord(word: string, n: number): string {
  checkPositiveInt(n, 'The truncation length');
  const chars = Array.from(word);
  return chars.length <= n ? word : chars.slice(0, n).join('');
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

const isHangulSyllable = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
};

/** The final consonant (받침) index of a Hangul syllable: 0 none, 8 ㄹ; -1 for anything else. */
export function finalConsonant(syllable: string): number {
  if (!isHangulSyllable(syllable)) return -1;
  return ((syllable.codePointAt(0) ?? 0) - HANGUL_FIRST) % 28;
}

const RIEUL = 8;

/** Which stems a particle may follow. */
export type JosaAfter = 'any' | 'consonant' | 'vowel' | 'vowelOrRieul';

export interface Josa {
  form: string;
  /** 'consonant': after a syllable with a final consonant (책을); 'vowel': without (영화를). */
  after: JosaAfter;
  /** The fewest syllables that must stay in front of it. */
  minStem: number;
}

const j = (form: string, after: JosaAfter = 'any', minStem = 1): Josa => ({ form, after, minStem });

/**
 * The particles stripped, each with the stems it may follow. Alternating pairs (은/는, 이/가,
 * 을/를, 과/와, 으로/로, 이나/나, 이랑/랑, 이라도/라도, 이야/야) only strip after the right kind
 * of syllable, which keeps 사과 (사 has no final consonant, 과 needs one) whole. Longest match
 * wins: 에서는 before 에서 before 에.
 */
export const JOSA: readonly Josa[] = [
  // three or more syllables
  j('에게서는'),
  j('한테서는'),
  j('으로부터', 'consonant'),
  j('로부터', 'vowelOrRieul'),
  j('에게서'),
  j('한테서'),
  j('에서는'),
  j('에서도'),
  j('에게는'),
  j('에게도'),
  j('으로는', 'consonant'),
  j('으로도', 'consonant'),
  j('이라도', 'consonant'),
  j('이라고', 'consonant'),
  j('까지는'),
  j('까지도'),
  j('부터는'),
  j('보다는'),
  j('처럼은'),
  // two syllables
  j('에서'),
  j('에게'),
  j('한테'),
  j('께서'),
  j('으로', 'consonant'),
  j('로는', 'vowelOrRieul'),
  j('로도', 'vowelOrRieul'),
  j('라도', 'vowel'),
  j('라고', 'vowel'),
  j('이나', 'consonant'),
  j('이랑', 'consonant'),
  j('이야', 'consonant'),
  j('하고'),
  j('까지'),
  j('부터'),
  j('보다'),
  j('처럼'),
  j('만큼'),
  j('마저'),
  j('조차'),
  j('밖에'),
  j('에는'),
  j('에도'),
  j('과는', 'consonant'),
  j('와는', 'vowel'),
  j('만은'),
  j('만도'),
  // one syllable
  j('은', 'consonant'),
  j('는', 'vowel'),
  j('이', 'consonant'),
  j('가', 'vowel'),
  j('을', 'consonant'),
  j('를', 'vowel'),
  j('과', 'consonant'),
  j('와', 'vowel'),
  j('로', 'vowelOrRieul'),
  j('랑', 'vowel'),
  // These fit after any syllable (or are rare as particles), and many two-syllable nouns end
  // in them (정도, 회의, 하나, 누나): they only strip from a stem of two or more syllables.
  j('나', 'vowel', 2),
  j('야', 'vowel', 2),
  j('에', 'any', 2),
  j('의', 'any', 2),
  j('도', 'any', 2),
  j('만', 'any', 2),
  j('께', 'any', 2),
];

const JOSA_LONGEST_FIRST = [...JOSA].sort(
  (a, b) => Array.from(b.form).length - Array.from(a.form).length,
);

function fits(after: JosaAfter, stemLast: string): boolean {
  const final = finalConsonant(stemLast);
  if (final < 0) return false;
  switch (after) {
    case 'any':
      return true;
    case 'consonant':
      return final !== 0;
    case 'vowel':
      return final === 0;
    case 'vowelOrRieul':
      return final === 0 || final === RIEUL;
  }
}

export interface JosaSplit {
  stem: string;
  /** The particle removed, or '' when the word was kept whole. */
  josa: string;
}

/**
 * Strips one particle from the end of a Korean word: the longest listed particle that fits
 * the stem's last syllable and leaves at least its `minStem` syllables. So a word is never
 * stripped to nothing (이, 에서, 보다 stay), paired particles only strip after the right kind of
 * syllable (사과 stays: 과 needs a final consonant), and the particles that fit anywhere
 * (에, 의, 도, 만, 께, 나, 야) never cut a two-syllable word (정도, 회의, 하나 stay — as does 집에,
 * the price of that rule), while 영화가 → 영화, 책을 → 책, 집에서 → 집. Words that do not end in
 * Hangul are returned as they are. A list, not a morphological analyser: 길이 (length) still
 * becomes 길.
 */
export function splitJosa(word: string): JosaSplit {
  const chars = Array.from(word);
  for (const josa of JOSA_LONGEST_FIRST) {
    const length = Array.from(josa.form).length;
    if (!word.endsWith(josa.form)) continue;
    const stemLength = chars.length - length;
    if (stemLength < josa.minStem) continue;
    const stemChars = chars.slice(0, stemLength);
    if (!fits(josa.after, stemChars[stemChars.length - 1]!)) continue;
    return { stem: stemChars.join(''), josa: josa.form };
  }
  return { stem: word, josa: '' };
}

export function stripJosa(word: string): string {
  return splitJosa(word).stem;
}
