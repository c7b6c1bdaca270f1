import type { LocalizedMessage } from '../../core/training/messages';

export const MIN_WORD = 2;
export const MAX_WORD = 20;
/** One character a word may hold: a letter (any script, Hangul included), a mark or a digit. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** At least two different characters, or there is nothing to predict. */
export const hasTwoCharacters = (word: string): boolean => new Set(word).size >= 2;

export type WordCheck = { ok: true; word: string } | { ok: false; message: LocalizedMessage };

/**
 * Checks a word typed for next-character training before it reaches the core: 2–20
 * characters (counted as Unicode code points, so 안녕하세요 is five), letters and digits only
 * (no spaces or punctuation), and at least two different characters (one character would leave
 * nothing to choose between). The URL's `rnnTrain.word` follows the same rules.
 */
export function checkWord(raw: string): WordCheck {
  const word = raw.trim().normalize('NFC');
  const chars = [...word];
  if (/\s/u.test(word)) {
    return {
      ok: false,
      message: {
        ko: '공백 없이 한 단어만 입력하세요.',
        en: 'Type a single word, without spaces.',
      },
    };
  }
  if (chars.length < MIN_WORD || chars.length > MAX_WORD) {
    return {
      ok: false,
      message: {
        ko: `단어는 ${MIN_WORD}글자 이상 ${MAX_WORD}글자 이하여야 합니다 (지금 ${chars.length}글자).`,
        en: `The word must have ${MIN_WORD} to ${MAX_WORD} characters (it has ${chars.length}).`,
      },
    };
  }
  if (!chars.every((c) => WORD_CHAR.test(c))) {
    return {
      ok: false,
      message: {
        ko: '글자와 숫자만 쓸 수 있습니다 (문장 부호나 기호는 안 됩니다).',
        en: 'Use letters and digits only (no punctuation or symbols).',
      },
    };
  }
  if (!hasTwoCharacters(word)) {
    return {
      ok: false,
      message: {
        ko: '서로 다른 글자가 두 개 이상 있어야 다음 글자를 고를 수 있습니다.',
        en: 'The word needs at least two different characters, or there is nothing to choose.',
      },
    };
  }
  return { ok: true, word };
}
